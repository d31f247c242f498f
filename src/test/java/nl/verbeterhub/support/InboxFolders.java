package nl.verbeterhub.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where a delivered file ended up: {@code .done/} or {@code .error/} with its reason file. */
public final class InboxFolders {

    private InboxFolders() {
    }

    /** The reason written beside a file moved to {@code .error/}; fails when there is none. */
    public static String reasonFor(Path inbox, String file) throws IOException {
        try (Stream<Path> files = Files.list(inbox.resolve(".error"))) {
            Path reason = files.filter(p -> p.getFileName().toString().endsWith("-" + file + ".reason.txt")).findFirst()
                    .orElseThrow(() -> new AssertionError("no reason file for " + file));
            if (!Files.exists(reason.resolveSibling(reason.getFileName().toString().replace(".reason.txt", "")))) {
                throw new AssertionError("reason file without the file for " + file);
            }
            return Files.readString(reason).trim();
        }
    }

    public static boolean inDone(Path inbox, String file) throws IOException {
        try (Stream<Path> files = Files.list(inbox.resolve(".done"))) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith("-" + file));
        }
    }
}
