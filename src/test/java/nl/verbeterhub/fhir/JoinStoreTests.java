package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The join store's folder and tables: whatever fails, nothing stays mapped and the folder goes. */
class JoinStoreTests {

    @TempDir
    Path parent;

    private List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void closeRemovesTheFolderAndEveryMapping() throws IOException {
        JoinStore store = JoinStore.open(parent);
        byte[] key = store.key(JoinStore.PATIENT, "Patient/1");
        store.put(key, new byte[JoinStore.PATIENT_BYTES]);
        assertThat(store.get(key)).hasSize(JoinStore.PATIENT_BYTES);
        assertThat(list(list(parent).get(0))).hasSize(4);
        assertThat(JoinTableTests.mappings(parent)).hasSize(4);
        store.close();
        assertThat(list(parent)).isEmpty();
        assertThat(JoinTableTests.mappings(parent)).isEmpty();
    }

    /** The third table cannot be made (disk full, say): the two made before it are unmapped, the folder removed. */
    @Test
    void aTableThatCannotBeMadeLeavesNoFolderAndNoMapping() throws IOException {
        List<String> made = new ArrayList<>();
        JoinStore.Tables failingThird = (dir, name, bytes) -> {
            if (name.equals("intakes")) return new JoinTable(dir.resolve("gone"), name, bytes);
            made.add(name);
            return new JoinTable(dir, name, bytes);
        };
        assertThatThrownBy(() -> JoinStore.open(parent, failingThird))
                .isInstanceOf(TemporaryStoreException.class)
                .hasMessage("cannot map the intakes table in gone")
                .cause().isInstanceOf(NoSuchFileException.class);
        assertThat(made).containsExactly("patients", "encounters");
        assertThat(list(parent)).as("the folder is gone").isEmpty();
        assertThat(JoinTableTests.mappings(parent)).as("the tables made are unmapped").isEmpty();
    }

    @Test
    void aFolderThatCannotBeMadeIsATemporaryStoreFailure() throws IOException {
        Path notAFolder = Files.createFile(parent.resolve("tmp"));
        assertThatThrownBy(() -> JoinStore.open(notAFolder))
                .isInstanceOf(TemporaryStoreException.class)
                .hasMessage("cannot make a join folder in tmp");
        assertThat(list(parent)).containsExactly(notAFolder);
    }

    /** Two tables whose files cannot be removed: the other two are still closed, the folder still goes. */
    @Test
    void closeClosesEveryTableWhenOneFails() throws IOException {
        JoinStore store = JoinStore.open(parent);
        store.put(store.key(JoinStore.ENCOUNTER, "Encounter/1"), new byte[] {1});
        Path folder = list(parent).get(0);
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            if (name.startsWith("patients-") || name.startsWith("aliases-")) {
                Files.delete(file); // the mapping stays
                Files.createDirectories(file.resolve("in-the-way"));
            }
        }
        assertThat(JoinTableTests.mappings(parent)).hasSize(4);
        assertThatThrownBy(store::close)
                .isInstanceOf(TemporaryStoreException.class)
                .hasCauseInstanceOf(DirectoryNotEmptyException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(TemporaryStoreException.class));
        assertThat(JoinTableTests.mappings(parent)).as("every table unmapped").isEmpty();
        assertThat(list(parent)).as("the folder is gone").isEmpty();
    }
}
