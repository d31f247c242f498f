package nl.verbeterhub.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

class BatchBytesTests {

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesExactlyWhatRocksDbsOwnBatchHoldsAndWritesIt() throws Exception {
        RocksDB.loadLibrary();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB db = RocksDB.open(options, dir.toString(), List.of(
                     new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                     new ColumnFamilyDescriptor(bytes("identity"))), handles);
             WriteOptions write = new WriteOptions()) {
            ColumnFamilyHandle family = handles.get(1);
            byte[] longValue = new byte[70_000]; // a length of three varint bytes
            longValue[69_999] = 7;
            BatchBytes ours = new BatchBytes(0); // grows as it goes
            try (WriteBatch theirs = new WriteBatch()) {
                theirs.put(family, bytes("k1"), bytes("v1"));
                ours.put(family, bytes("k1"), bytes("v1"));
                theirs.put(bytes("index-1"), longValue);
                ours.put(bytes("index-1"), longValue);
                theirs.delete(family, bytes("k0"));
                ours.delete(family, bytes("k0"));
                theirs.delete(bytes("index-0"));
                ours.delete(bytes("index-0"));
                theirs.put(bytes(""), new byte[0]);
                ours.put(bytes(""), new byte[0]);
                try (WriteBatch encoded = ours.toWriteBatch()) {
                    assertThat(encoded.data()).isEqualTo(theirs.data());
                    assertThat(encoded.count()).isEqualTo(5).isEqualTo(ours.count());
                    db.put(family, bytes("k0"), bytes("old"));
                    db.put(bytes("index-0"), bytes("old"));
                    db.write(write, encoded);
                }
            }
            assertThat(db.get(family, bytes("k1"))).isEqualTo(bytes("v1"));
            assertThat(db.get(bytes("index-1"))).isEqualTo(longValue);
            assertThat(db.get(family, bytes("k0"))).isNull();
            assertThat(db.get(bytes("index-0"))).isNull();
            handles.forEach(ColumnFamilyHandle::close);
        }
    }
}
