package nl.verbeterhub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The connectors an operator paused, kept in {@code data/operator/paused} (one id per line) so that a
 * pause outlives a restart: an operator pauses a connector for a reason the hub cannot see.
 */
public final class PausedConnectors {

    private final Path file;
    private final Set<String> paused = new ConcurrentSkipListSet<>();

    public PausedConnectors(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> !l.isEmpty())
                        .forEach(paused::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isPaused(String connector) {
        return paused.contains(connector);
    }

    public Set<String> all() {
        return Set.copyOf(paused);
    }

    public synchronized void pause(String connector) {
        if (paused.add(connector)) save();
    }

    public synchronized void resume(String connector) {
        if (paused.remove(connector)) save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, new TreeSet<>(paused), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
