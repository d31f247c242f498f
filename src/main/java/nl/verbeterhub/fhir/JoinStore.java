package nl.verbeterhub.fhir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.util.FileSystemUtils;

/**
 * What the joins of one FHIR extract need (domain.md §6, "Joins"), on disk so that the heap stays flat
 * however large the export: per Patient its birth date and identifier pseudonym, per Encounter its
 * urgency, per anaesthesia Procedure its intakes, per Bundle {@code fullUrl} what it names — each in a
 * {@link JoinTable} of its own, in a folder removed with the extract.
 *
 * <p>Nothing in it identifies anyone once the process forgets two random secrets made per extract: entries
 * are keyed by a salted hash of the reference, and birth dates are sealed with AES. So a crash that leaves the
 * folder behind leaves no readable birth date and no resource id.
 */
final class JoinStore implements AutoCloseable {

    static final String FOLDER_PREFIX = "fhir-join-";
    static final byte PATIENT = 'P';
    static final byte ENCOUNTER = 'E';
    static final byte INTAKES = 'I';
    static final byte ALIAS = 'U';
    /** Sealed birth date, a flag, an identifier pseudonym. */
    static final int PATIENT_BYTES = 16 + 1 + 32;
    /** Per intake kind: a flag (1 seen, 2 bad as well), the latest time. */
    static final int INTAKE_BYTES = 9;
    /** Kind, key, a Patient's pseudonym. */
    static final int ALIAS_BYTES = 1 + JoinTable.KEY_BYTES + 32;

    // The joins of the further themes, each table made on first use (themes.md §1.3, §2.3, §3.3).
    /** Per admission Encounter: the earliest screening per VMS domain, letter and overview ({@link TimeSlots}). */
    static final byte ADMISSION_FACTS = 'A';
    /** Per DiagnosticReport: the earliest acknowledgement and critical notification ({@link TimeSlots}). */
    static final byte REPORT_FOLLOWUPS = 'T';
    /** Per ServiceRequest: urgent or not. */
    static final byte SERVICE_REQUESTS = 'S';
    /** Per Observation with a critical interpretation: present. */
    static final byte CRITICAL = 'C';
    /** Per patient: how many INR Observations; per patient and number: one INR's time. */
    static final byte INR_COUNT = 'N';
    static final byte INR_TIMES = 'M';
    private static final Map<Byte, Integer> FURTHER = Map.of(ADMISSION_FACTS, 6 * TimeSlots.BYTES,
            REPORT_FOLLOWUPS, 2 * TimeSlots.BYTES, SERVICE_REQUESTS, 1, CRITICAL, 1, INR_COUNT, 4, INR_TIMES, 8);

    private final Path dir;
    private final JoinTable patients;
    private final JoinTable encounters;
    private final JoinTable intakes;
    private final JoinTable aliases;
    private final Tables tables;
    private final Map<Byte, JoinTable> further = new HashMap<>();
    /** Keys are SHA-256(salt ‖ reference): one hash block instead of HMAC's four, as unguessable without the salt. */
    private final MessageDigest sha256;
    private final byte[] salt = new byte[16];
    private final Cipher seal;
    private final Cipher unseal;
    private final SecureRandom random = new SecureRandom();

    /** Makes a table of the store: {@code JoinTable::new}, but for tests. */
    @FunctionalInterface
    interface Tables {
        JoinTable open(Path dir, String name, int valueBytes);
    }

    private JoinStore(Path dir, Tables tables) {
        this.dir = dir;
        this.tables = tables;
        List<JoinTable> opened = new ArrayList<>(4);
        try {
            patients = opened(opened, tables.open(dir, "patients", PATIENT_BYTES));
            encounters = opened(opened, tables.open(dir, "encounters", 1));
            intakes = opened(opened, tables.open(dir, "intakes", FhirMapping.IntakeKind.values().length * INTAKE_BYTES));
            aliases = opened(opened, tables.open(dir, "aliases", ALIAS_BYTES));
            byte[] aesKey = new byte[16];
            random.nextBytes(salt);
            random.nextBytes(aesKey);
            sha256 = MessageDigest.getInstance("SHA-256");
            seal = Cipher.getInstance("AES/ECB/NoPadding");
            seal.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
            unseal = Cipher.getInstance("AES/ECB/NoPadding");
            unseal.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"));
        } catch (GeneralSecurityException e) {
            IllegalStateException failure = new IllegalStateException(e);
            closeAll(opened, dir, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            // A table that could not be made (disk full): the ones made before it are unmapped, the folder goes.
            closeAll(opened, dir, e);
            throw e;
        }
    }

    private static JoinTable opened(List<JoinTable> opened, JoinTable table) {
        opened.add(table);
        return table;
    }

    /** A new, empty store in a folder of its own under {@code parent}. */
    static JoinStore open(Path parent) {
        return open(parent, JoinTable::new);
    }

    static JoinStore open(Path parent, Tables tables) {
        Path dir;
        try {
            Files.createDirectories(parent);
            dir = Files.createTempDirectory(parent, FOLDER_PREFIX);
        } catch (IOException e) {
            throw new TemporaryStoreException("cannot make a join folder in " + parent.getFileName(), e);
        }
        return new JoinStore(dir, tables);
    }

    /** The key of what a canonical reference names: its kind ({@link #PATIENT}, …), then 16 bytes of its salted hash. */
    byte[] key(byte kind, String canonical) {
        sha256.update(salt);
        byte[] hash = sha256.digest(canonical.getBytes(StandardCharsets.UTF_8));
        byte[] key = new byte[1 + JoinTable.KEY_BYTES];
        key[0] = kind;
        System.arraycopy(hash, 0, key, 1, JoinTable.KEY_BYTES);
        return key;
    }

    private JoinTable table(byte[] key) {
        return switch (key[0]) {
            case PATIENT -> patients;
            case ENCOUNTER -> encounters;
            case INTAKES -> intakes;
            case ALIAS -> aliases;
            default -> further.computeIfAbsent(key[0], kind -> {
                Integer bytes = FURTHER.get(kind);
                if (bytes == null) throw new IllegalArgumentException("no join table for kind " + kind);
                return tables.open(dir, "kind-" + (char) kind.byteValue(), bytes);
            });
        };
    }

    void put(byte[] key, byte[] value) {
        table(key).put(key, 1, value);
    }

    /** The value under the key, or null; of a fixed length per kind (zero-padded). */
    byte[] get(byte[] key) {
        return table(key).get(key, 1);
    }

    /** The entry of a key to update in place (the intakes of a procedure), created empty when new. */
    ByteBuffer entry(byte[] key) {
        return table(key).slot(key, 1);
    }

    /** A birth date (epoch day) or a marker, sealed in one AES block with random padding. */
    byte[] seal(int status, long epochDay) {
        ByteBuffer block = ByteBuffer.allocate(16).put((byte) status).putLong(epochDay);
        byte[] padding = new byte[7];
        random.nextBytes(padding);
        block.put(padding);
        try {
            return seal.doFinal(block.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What {@link #seal} sealed: the status byte, then the epoch day. */
    ByteBuffer unseal(byte[] sealed, int offset) {
        try {
            return ByteBuffer.wrap(unseal.doFinal(Arrays.copyOfRange(sealed, offset, offset + 16)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes every table even when one fails, and always removes the folder; the first failure is thrown. */
    @Override
    public void close() {
        List<JoinTable> all = new ArrayList<>(List.of(patients, encounters, intakes, aliases));
        all.addAll(further.values());
        Throwable failure = closeAll(all, dir, null);
        if (failure instanceof RuntimeException e) throw e;
        if (failure != null) throw (Error) failure;
    }

    /** Each table closed, whatever the others do, then the folder removed; the first failure, the rest suppressed. */
    private static Throwable closeAll(List<JoinTable> tables, Path dir, Throwable first) {
        try {
            for (JoinTable table : tables) {
                try {
                    table.close();
                } catch (RuntimeException | Error e) {
                    if (first == null) first = e;
                    else first.addSuppressed(e);
                }
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
        return first;
    }
}
