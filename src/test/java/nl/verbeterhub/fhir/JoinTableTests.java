package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk hash table of the FHIR joins: round trips, growth far past its first size, updates in place, its file;
 * its own file failures (folder full, file not made) as retriable TemporaryStoreExceptions.
 */
class JoinTableTests {

    private static final int K = JoinTable.KEY_BYTES;

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /** The lines of /proc/self/maps naming a file under the folder: what is still mapped there, deleted or not. */
    static List<String> mappings(Path folder) throws IOException {
        String prefix = folder.toRealPath() + "/";
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(line -> line.contains(prefix)).toList();
        }
    }

    private static byte[] key(long high, long low) {
        return ByteBuffer.allocate(K).putLong(high).putLong(low).array();
    }

    private static byte[] value(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    @Test
    void putGetAndReplace() {
        try (JoinTable t = new JoinTable(dir, "t", 4)) {
            byte[] a = key(1, 2);
            assertThat(t.get(a, 0)).isNull();
            t.put(a, 0, value(7));
            assertThat(t.get(a, 0)).containsExactly(value(7));
            t.put(a, 0, value(8));
            assertThat(t.get(a, 0)).as("replaced").containsExactly(value(8));
            assertThat(t.get(key(1, 3), 0)).as("another low half").isNull();
            assertThat(t.get(key(2, 2), 0)).as("another high half").isNull();
            // A key inside a larger array, as JoinStore passes them (its kind byte first).
            byte[] framed = new byte[1 + K];
            framed[0] = 'P';
            System.arraycopy(a, 0, framed, 1, K);
            assertThat(t.get(framed, 1)).containsExactly(value(8));
            framed[0] = 'E';
            t.put(framed, 1, value(9));
            assertThat(t.get(a, 0)).as("the byte before the key is no part of it").containsExactly(value(9));
        }
    }

    /** Keys on one home slot, and homes at the table's end: probing runs past collisions and wraps around. */
    @Test
    void collidingAndWrappingKeys() {
        try (JoinTable t = new JoinTable(dir, "t", 4)) {
            for (int i = 0; i < 2_000; i++) t.put(key(42, i), 0, value(i));
            for (int i = 0; i < 50; i++) t.put(key(-1, i), 0, value(-i)); // home is the last slot
            for (int i = 0; i < 2_000; i++) assertThat(t.get(key(42, i), 0)).containsExactly(value(i));
            for (int i = 0; i < 50; i++) assertThat(t.get(key(-1, i), 0)).containsExactly(value(-i));
            assertThat(t.get(key(42, 2_000), 0)).isNull();
            assertThat(t.get(key(-1, 50), 0)).isNull();
            assertThat(t.get(key(0, 0), 0)).as("the slots the wrap-around used").isNull();
        }
    }

    /** A million keys: the table doubles three times from 2^18 slots; every entry moves and keeps its value. */
    @Test
    void growsPastItsLoadAndFindsEveryKey() throws IOException {
        int n = 1_000_000;
        byte[] keys = new byte[n * K];
        new SplittableRandom(11).nextBytes(keys);
        try (JoinTable t = new JoinTable(dir, "big", 4)) {
            for (int i = 0; i < n; i++) {
                t.put(keys, i * K, value(i));
                if (i == n / 2) assertThat(files()).as("the old file is gone once moved").hasSize(1);
            }
            for (int i = 0; i < n; i++) {
                byte[] v = t.get(keys, i * K);
                if (v == null || ByteBuffer.wrap(v).getInt() != i) {
                    throw new AssertionError("key " + i + " gave " + (v == null ? null : ByteBuffer.wrap(v).getInt()));
                }
            }
            byte[] absent = new byte[100_000 * K];
            new SplittableRandom(12).nextBytes(absent);
            for (int i = 0; i < 100_000; i++) assertThat(t.get(absent, i * K)).as("absent key %d", i).isNull();
            assertThat(files()).hasSize(1);
            // 2^21 slots of flag, key and value
            assertThat(Files.size(files().get(0))).isEqualTo((1L << 21) * (1 + K + 4));
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void updatesThroughASlotPersistAcrossGrowth() {
        try (JoinTable t = new JoinTable(dir, "intakes", 9)) {
            byte[] a = key(5, 6);
            ByteBuffer slot = t.slot(a, 0);
            assertThat(slot.remaining()).isEqualTo(9);
            for (int i = 0; i < 9; i++) assertThat(slot.get(i)).as("a new entry is zeroed").isZero();
            slot.put(0, (byte) 1).putLong(1, 1_746_079_200L);
            assertThat(ByteBuffer.wrap(t.get(a, 0)).get()).isEqualTo((byte) 1);
            t.slot(a, 0).put(0, (byte) 2);
            byte[] v = t.get(a, 0);
            assertThat(v[0]).as("the same entry again, not a new one").isEqualTo((byte) 2);
            assertThat(ByteBuffer.wrap(v, 1, 8).getLong()).isEqualTo(1_746_079_200L);

            // Enough other keys to grow the table twice; the slot above is stale now and not touched again.
            byte[] other = new byte[9];
            for (long i = 0; i < 400_000; i++) t.put(key(i * 0x9E3779B97F4A7C15L, i), 0, other);
            v = t.get(a, 0);
            assertThat(v[0]).isEqualTo((byte) 2);
            assertThat(ByteBuffer.wrap(v, 1, 8).getLong()).isEqualTo(1_746_079_200L);
            t.slot(a, 0).putLong(1, 42L);
            assertThat(ByteBuffer.wrap(t.get(a, 0), 1, 8).getLong()).isEqualTo(42L);

            ByteBuffer fresh = t.slot(key(7, 7), 0);
            for (int i = 0; i < 9; i++) assertThat(fresh.get(i)).as("new after growth: zeroed too").isZero();
            assertThat(t.get(key(7, 7), 0)).as("a slot claims its key").containsExactly(new byte[9]);
        }
    }

    @Test
    void closeRemovesItsFile() throws IOException {
        JoinTable t = new JoinTable(dir, "patients", 49);
        t.put(key(1, 1), 0, new byte[49]);
        assertThat(files()).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).startsWith("patients-")
                .endsWith(".table"));
        t.close();
        assertThat(files()).isEmpty();
    }

    @Test
    void aFileThatCannotBeMadeIsATemporaryStoreFailure() throws IOException {
        Path notAFolder = Files.createFile(dir.resolve("not-a-folder"));
        assertThatThrownBy(() -> new JoinTable(notAFolder, "patients", 49))
                .isInstanceOf(TemporaryStoreException.class)
                .hasMessage("cannot map the patients table in not-a-folder")
                .cause().isInstanceOf(FileSystemException.class);
        assertThat(files()).containsExactly(notAFolder);
    }

    /** Entries that fill the first 2^18 slots to the load at which the next new key grows the table. */
    private static void fill(JoinTable t) {
        for (int i = 0; i < (1 << 18) * 3 / 5; i++) t.put(key(i * 0x9E3779B97F4A7C15L, i), 0, value(i));
    }

    private static void assertFilled(JoinTable t) {
        for (int i = 0; i < (1 << 18) * 3 / 5; i++) {
            byte[] v = t.get(key(i * 0x9E3779B97F4A7C15L, i), 0);
            if (v == null || ByteBuffer.wrap(v).getInt() != i) throw new AssertionError("key " + i + " lost");
        }
    }

    @Test
    void aGrowthThatWouldNotFitFailsAndKeepsTheTable() throws IOException {
        long doubled = (1L << 19) * (1 + K + 4);
        long[] free = {Long.MAX_VALUE};
        try (JoinTable t = new JoinTable(dir, "t", 4, folder -> folder.equals(dir) ? free[0] : 0)) {
            fill(t);
            free[0] = doubled - 1;
            assertThatThrownBy(() -> t.put(key(-7, -7), 0, value(-7)))
                    .isInstanceOf(TemporaryStoreException.class)
                    .hasMessage("no room to grow the t table in " + dir.getFileName());
            assertFilled(t);
            assertThat(t.get(key(-7, -7), 0)).isNull();
            assertThat(files()).hasSize(1);

            free[0] = doubled;
            t.put(key(-7, -7), 0, value(-7));
            assertFilled(t);
            assertThat(Files.size(files().get(0))).isEqualTo(doubled);
        }
        assertThat(files()).isEmpty();
    }

    /** The new file cannot be made (here: the folder moved away): the old mapping stays in use, and is released. */
    @Test
    void aGrowthWhoseFileCannotBeMadeKeepsTheTable() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("join"));
        Path away = dir.resolve("away");
        JoinTable t = new JoinTable(folder, "t", 4, gone -> Long.MAX_VALUE);
        fill(t);
        Files.move(folder, away);
        assertThatThrownBy(() -> t.put(key(-7, -7), 0, value(-7)))
                .isInstanceOf(TemporaryStoreException.class)
                .hasMessage("cannot map the t table in join")
                .cause().isInstanceOf(NoSuchFileException.class);
        Files.move(away, folder);
        assertFilled(t);
        t.put(key(-7, -7), 0, value(-7));
        assertFilled(t);
        assertThat(t.get(key(-7, -7), 0)).containsExactly(value(-7));
        assertThat(mappings(folder)).isNotEmpty();
        t.close();
        t.close();
        assertThat(mappings(folder)).as("nothing left mapped").isEmpty();
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s).isEmpty();
        }
    }
}
