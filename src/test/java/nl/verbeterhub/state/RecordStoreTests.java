package nl.verbeterhub.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordStoreTests {

    @TempDir
    Path dir;

    private static byte[] patient(int n) {
        byte[] p = new byte[32];
        Arrays.fill(p, (byte) n);
        return p;
    }

    private static byte[] record(int patient, long anchor, int payload) {
        return StoredRecord.encode(PainTheme.PIJN, "tests", patient(patient), anchor, new byte[] {(byte) payload});
    }

    private static List<String> kept(RecordStore store) {
        List<String> seen = new ArrayList<>();
        store.forEachRecord("06010099", PainTheme.PIJN,
                r -> seen.add(r.patient()[0] + "@" + r.anchor() + "=" + r.payload().get()));
        return seen;
    }

    @Test
    void aCorrectionUnderTheSameIndexKeyReplacesTheEarlierVersion() throws Exception {
        // Same identity, patient and anchor, another value: the earlier index entry's removal and the new
        // entry share one key, and the sorted write must keep the removal first.
        try (RecordStore store = RecordStore.open(dir, 8L << 20)) {
            StateKey key = new StateKey("06010099", PainTheme.PIJN, "record-key-000000000001");
            try (StoreBatch batch = store.newBatch()) {
                batch.put(key, record(1, 1_000, 4));
                batch.write();
            }
            try (StoreBatch batch = store.newBatch()) {
                batch.put(key, record(1, 1_000, 7));
                batch.write();
            }
            assertThat(kept(store)).containsExactly("1@1000=7");
        }
    }

    @Test
    void aCorrectionOrRemovalInALaterBatchTakesTheEarlierIndexEntryAway() throws Exception {
        // Another patient and time move the record to another index key: the stored version's entry
        // must go, or the record would be counted twice; a removal takes the entry away too.
        try (RecordStore store = RecordStore.open(dir, 8L << 20)) {
            StateKey moved = new StateKey("06010099", PainTheme.PIJN, "record-key-000000000001");
            StateKey removed = new StateKey("06010099", PainTheme.PIJN, "record-key-000000000002");
            try (StoreBatch batch = store.newBatch()) {
                batch.put(moved, record(1, 1_000, 4));
                batch.put(removed, record(2, 2_000, 5));
                batch.write();
            }
            try (StoreBatch batch = store.newBatch()) {
                batch.put(moved, record(3, 3_000, 7));
                batch.delete(removed);
                batch.write();
            }
            assertThat(kept(store)).containsExactly("3@3000=7");
        }
    }

    @Test
    void theLastChangeOfAnIdentityInABatchWinsAndRecordsComeOrderedByPatientThenTime() throws Exception {
        try (RecordStore store = RecordStore.open(dir, 8L << 20)) {
            try (StoreBatch batch = store.newBatch()) {
                for (int i = 0; i < 10_000; i++) {
                    StateKey key = new StateKey("06010099", PainTheme.PIJN, String.format("record-key-%012d", i));
                    batch.put(key, record(i % 3 + 1, 20_000 - i, 1));
                }
                // A later change of record 5 in the same batch moves it; record 6 is removed.
                batch.put(new StateKey("06010099", PainTheme.PIJN, "record-key-000000000005"), record(3, 1, 9));
                batch.delete(new StateKey("06010099", PainTheme.PIJN, "record-key-000000000006"));
                batch.write();
            }
            List<String> kept = kept(store);
            // Ten thousand records: several of the reader's batches of 4,096.
            assertThat(kept).hasSize(9_999).contains("3@1=9").doesNotContain("3@19995=1", "1@19994=1");
            List<String> ordered = new ArrayList<>(kept);
            ordered.sort((a, b) -> {
                String[] x = a.split("[@=]");
                String[] y = b.split("[@=]");
                int byPatient = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
                return byPatient != 0 ? byPatient : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
            });
            assertThat(kept).isEqualTo(ordered);
        }
    }

    @Test
    void aVisitorThatFailsStopsThePassAndTheStoreStillCloses() throws Exception {
        RecordStore store = RecordStore.open(dir, 8L << 20);
        try (StoreBatch batch = store.newBatch()) {
            for (int i = 0; i < 50_000; i++) {
                batch.put(new StateKey("06010099", PainTheme.PIJN, String.format("record-key-%012d", i)), record(i % 97, i, 1));
            }
            batch.write();
        }
        int[] visited = {0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.forEachRecord("06010099", PainTheme.PIJN, r -> {
            if (++visited[0] == 10) throw new IllegalStateException("visitor failed");
        })).hasMessage("visitor failed");
        assertThat(kept(store)).hasSize(50_000); // the store reads on after a failed pass
        store.close();
    }

    @Test
    void aStateKeyOfTheOlderFormatIsRefusedNotCountedBesideTheNewOne() {
        String older = "06010099:PIJN:" + "A".repeat(43);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> StoreKeys.identityKey(older.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(IncompatibleStateFormatException.class);
        byte[] current = ("06010099:PIJN:" + "A".repeat(StoreKeys.RECORD_KEY_CHARS)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(StoreKeys.identityKey(current)).hasSize(2 + 8 + StoreKeys.RECORD_KEY_CHARS);
    }

    @Test
    void aStoreWrittenInTheEarlierLayoutIsRefusedAtOpenAndANewOneIsMarked() throws Exception {
        Path old = dir.resolve("old");
        // The first layout: everything in the default family, no format key.
        try (org.rocksdb.Options options = new org.rocksdb.Options().setCreateIfMissing(true);
             org.rocksdb.RocksDB db = org.rocksdb.RocksDB.open(options, old.toString())) {
            db.put(("P06010099" + "A".repeat(43)).getBytes(java.nio.charset.StandardCharsets.US_ASCII), new byte[8]);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RecordStore.open(old, 8L << 20))
                .isInstanceOf(IncompatibleStateFormatException.class).hasMessageContaining("delete data/");

        Path fresh = dir.resolve("fresh");
        try (RecordStore store = RecordStore.open(fresh, 8L << 20); StoreBatch batch = store.newBatch()) {
            batch.put(new StateKey("06010099", PainTheme.PIJN, "A".repeat(22)), record(1, 1, 1));
            batch.write();
        }
        try (RecordStore reopened = RecordStore.open(fresh, 8L << 20)) {
            assertThat(kept(reopened)).containsExactly("1@1=1");
        }
    }
}
