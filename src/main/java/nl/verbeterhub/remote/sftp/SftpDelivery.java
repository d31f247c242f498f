package nl.verbeterhub.remote.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.verbeterhub.failure.RemoteSourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts what the SFTP consumer downloaded into the connector's local inbox so that the inbox route only ever
 * sees complete deliveries (domain.md §8, "FHIR inbox delivery"). Camel downloads into {@code .sftp-work/}
 * inside the inbox (hidden, so the inbox never reads it, and on the same file system, so a rename is atomic);
 * a top-level file is renamed from there into the inbox. The files of a remote sub-folder (a bulk export) are
 * gathered in {@code .sftp-staged/<folder>/} and the folder is renamed into the inbox as one, once a poll left
 * none of its remote files behind.
 */
final class SftpDelivery {

    static final String WORK = ".sftp-work";
    static final String STAGED = ".sftp-staged";
    private static final Logger LOG = LoggerFactory.getLogger(SftpDelivery.class);

    private final String connector;
    private final Path inbox;

    SftpDelivery(String connector, Path inbox) {
        this.connector = connector;
        this.inbox = inbox.toAbsolutePath();
    }

    Path workDirectory() {
        return inbox.resolve(WORK);
    }

    /**
     * Moves one downloaded file into place. Every failure is {@link RemoteSourceException.Unavailable}: the pull
     * route retries it, and the remote file is deleted only once this returned (Camel deletes on success alone).
     *
     * @param relativeName the remote name relative to the polled folder: {@code name} or {@code folder/name}
     * @param downloaded the local copy Camel made in {@link #workDirectory()}
     */
    void deliver(String relativeName, Path downloaded) {
        String[] parts = relativeName.replace('\\', '/').split("/");
        try {
            if (parts.length == 1) {
                Path target = inbox.resolve(parts[0]);
                // A rename would replace it silently: an unread delivery of the same name waits to be read first.
                if (Files.exists(target)) {
                    throw new RemoteSourceException.Unavailable("a delivery of the same name is still in the inbox, unread", null);
                }
                Files.move(downloaded, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Path folder = Files.createDirectories(inbox.resolve(STAGED).resolve(parts[0]));
                Files.move(downloaded, folder.resolve(parts[1]), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RemoteSourceException.Unavailable("the local inbox cannot take the delivery ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Renames every staged folder into the inbox, except those with files the last poll saw but did not take
     * (still being uploaded): they wait for a later poll. A folder of the same name still unread waits too.
     */
    void finishFolders(Set<String> leftBehind) {
        Path staged = inbox.resolve(STAGED);
        if (!Files.isDirectory(staged)) return;
        List<Path> folders;
        try (Stream<Path> list = Files.list(staged)) {
            folders = list.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            LOG.warn("{}: the staged SFTP deliveries cannot be listed ({})", connector, e.getClass().getSimpleName());
            return;
        }
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            if (leftBehind.contains(name) || Files.exists(inbox.resolve(name))) continue;
            try {
                Files.move(folder, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                LOG.warn("{}: a staged SFTP folder cannot be moved into the inbox ({}); the next poll tries again", connector,
                        e.getClass().getSimpleName());
            }
        }
    }
}
