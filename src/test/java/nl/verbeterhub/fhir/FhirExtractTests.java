package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.extract.UnusableFileException.Reason;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one FHIR extract is (domain.md §6, "Extracts", "Counting"): its files, its identity, what is no resource. */
class FhirExtractTests {

    private static final String AT = "2025-05-01T08:00:00+02:00";

    @TempDir
    Path dir;

    private static void assertUnusable(Path delivered, Reason reason) {
        assertThatThrownBy(() -> FhirExtract.delivered(delivered)).isInstanceOfSatisfying(UnusableFileException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aMalformedLineInTheMiddleIsReportedByPositionAndTheRestIsRead() throws Exception {
        Path file = FhirJson.lines(dir.resolve("export/Observation.ndjson"), List.of(
                painScore("m1", "Patient/p1", AT, "NRS", 5).json(),
                "",
                "{\"resourceType\":\"Observation\",\"id\":\"m2\",\"status\":",
                "not json at all",
                "{\"resourceType\":\"Alien\",\"id\":\"x\"}",
                "{\"resourceType\":\"Observation\"}{\"resourceType\":\"Observation\"}",
                painScore("m3", "Patient/p1", AT, "NRS", 5).json()));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = f.deliverFhir("fhir", file.getParent());
            assertThat(c.report().unparsable()).isEqualTo(4);
            assertThat(c.report().firstUnparsable()).containsExactly("Observation.ndjson:3", "Observation.ndjson:4",
                    "Observation.ndjson:5", "Observation.ndjson:6");
            assertThat(c.report().resourcesRead()).containsEntry("Observation", 2L);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(2);
            assertThat(f.draft(PainTheme.THEME, 2025).at("/dataQuality/recordsRead").asInt()).as("lines that are no resource")
                    .isEqualTo(2);
        }
    }

    @Test
    void aFolderOfOnlyPatientsIsAValidExtractWithoutRecords() throws Exception {
        Path file = FhirJson.ndjson(dir.resolve("export/Patient.ndjson"), patient("p1", "2001-01-01"), patient("p2", null));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = f.deliverFhir("fhir", file.getParent());
            assertThat(c.counts()).isEmpty();
            assertThat(c.report().resourcesRead()).containsEntry("Patient", 2L);
            assertThat(f.drafts(PainTheme.THEME)).isEmpty();
        }
    }

    @Test
    void whatIsNoExportIsUnusable() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertUnusable(empty, Reason.EMPTY_EXPORT);
        Files.createDirectories(dir.resolve("only-hidden"));
        Files.writeString(dir.resolve("only-hidden/.Observation.ndjson"), "{}");
        Files.writeString(dir.resolve("only-hidden/~$Patient.json"), "{}");
        assertUnusable(dir.resolve("only-hidden"), Reason.EMPTY_EXPORT);
        Files.createDirectories(dir.resolve("with-readme"));
        Files.writeString(dir.resolve("with-readme/README.txt"), "an export");
        FhirJson.ndjson(dir.resolve("with-readme/Patient.ndjson"), patient("p1", null));
        assertUnusable(dir.resolve("with-readme"), Reason.UNSUPPORTED_FILE);
        Files.createDirectories(dir.resolve("nested/inner"));
        assertUnusable(dir.resolve("nested"), Reason.UNSUPPORTED_FILE);
        assertUnusable(Files.writeString(dir.resolve("export.csv"), "a,b\n"), Reason.UNSUPPORTED_FILE);
        assertUnusable(dir.resolve("gone.ndjson"), Reason.NOT_FOUND);
        try (Fixture f = new Fixture(dir)) {
            // A gzip'd export under the plain name: lines, none of them a resource.
            Path binary = Files.createDirectories(dir.resolve("binary")).resolve("Observation.ndjson");
            Files.write(binary, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, '\n', 0x1f, 0x00});
            assertThatThrownBy(() -> f.deliverFhir("fhir", binary.getParent()))
                    .isInstanceOfSatisfying(UnusableFileException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FHIR));
        }
    }

    @Test
    void aSymbolicLinkIsNeverFollowedAndMakesTheDeliveryUnusable() throws Exception {
        Path foreign = FhirJson.ndjson(dir.resolve("other-hospital/.done/x-export/Observation.ndjson"),
                painScore("m1", "Patient/p1", AT, "NRS", 5));
        Path export = dir.resolve("inbox/export-1");
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", null));
        Files.createSymbolicLink(export.resolve("Observation.ndjson"),
                Path.of("../../other-hospital/.done/x-export/Observation.ndjson"));
        assertThat(export.resolve("Observation.ndjson")).as("the link resolves").hasSameTextualContentAs(foreign);
        assertUnusableWith(export, "export-1/Observation.ndjson is a symbolic link");
        Files.delete(export.resolve("Observation.ndjson"));
        Files.createSymbolicLink(export.resolve(".hidden.ndjson"), foreign);
        assertUnusableWith(export, "export-1/.hidden.ndjson is a symbolic link");
        Files.delete(export.resolve(".hidden.ndjson"));
        Files.writeString(export.resolve("real-manifest.txt"), "{\"output\": [{\"url\": \"https://ehr/Patient.ndjson\"}]}");
        Files.createSymbolicLink(export.resolve(FhirExtract.MANIFEST), export.resolve("real-manifest.txt"));
        assertUnusableWith(export, "export-1/manifest.json is a symbolic link");
        Files.delete(export.resolve(FhirExtract.MANIFEST));
        Files.delete(export.resolve("real-manifest.txt"));
        assertThat(FhirExtract.delivered(export).files()).extracting(FhirExtract.File::name).containsExactly("Patient.ndjson");

        Path inbox = export.getParent();
        assertUnusableWith(Files.createSymbolicLink(inbox.resolve("linked.ndjson"), foreign), "linked.ndjson is a symbolic link");
        assertUnusableWith(Files.createSymbolicLink(inbox.resolve("linked-export"), foreign.getParent()),
                "linked-export is a symbolic link");
        assertUnusableWith(Files.createSymbolicLink(inbox.resolve("dangling.json"), dir.resolve("nowhere.json")),
                "dangling.json is a symbolic link");
    }

    private static void assertUnusableWith(Path delivered, String message) {
        assertThatThrownBy(() -> FhirExtract.delivered(delivered)).isInstanceOfSatisfying(UnusableFileException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_FILE)).hasMessageContaining(message);
    }

    @Test
    void aCopyStillUnderWayInAFolderMakesItNoFinishedExportWhileHiddenFilesAreSkipped() throws Exception {
        Path export = dir.resolve("export");
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", null));
        Files.writeString(export.resolve(".Observation.ndjson"), "{}");
        Files.writeString(export.resolve("~$notes.json"), "{}");
        assertThat(FhirExtract.delivered(export).files()).extracting(FhirExtract.File::name).containsExactly("Patient.ndjson");
        for (String copy : List.of("Observation.ndjson.part", "Observation.ndjson.TMP", "x.partial", "x.filepart")) {
            Files.writeString(export.resolve(copy), "{\"resourceType\":\"Observation\"}\n");
            assertUnusableWith(export, "export/" + copy + " is a copy still under way");
            Files.writeString(export.resolve(FhirExtract.MANIFEST), "{\"output\": [{\"url\": \"https://ehr/Patient.ndjson\"}]}");
            assertUnusableWith(export, "export/" + copy + " is a copy still under way"); // also when a manifest leaves it out
            Files.delete(export.resolve(FhirExtract.MANIFEST));
            Files.delete(export.resolve(copy));
        }
        Path empty = Files.createDirectories(dir.resolve("empty-export"));
        assertUnusable(empty, Reason.EMPTY_EXPORT);
    }

    @Test
    void aManifestNamesTheFilesAndTheTransactionTimeIsKept() throws Exception {
        Path export = dir.resolve("export");
        FhirJson.ndjson(export.resolve("Observation-1.ndjson"), painScore("m1", "Patient/p1", AT, "NRS", 5));
        FhirJson.ndjson(export.resolve("Observation-2.ndjson"), painScore("m2", "Patient/p1", AT, "NRS", 5));
        Files.writeString(export.resolve("stray.ndjson"), "{\"resourceType\":\"Observation\"}\n");
        Files.writeString(export.resolve("manifest.json"), """
                {"transactionTime": "2025-06-01T02:00:00.123+02:00", "request": "https://ehr/fhir/$export",
                 "requiresAccessToken": true,
                 "output": [{"type": "Observation", "url": "https://ehr/files/Observation-2.ndjson"},
                            {"type": "Observation", "url": "https://ehr/files/Observation-1.ndjson?part=1"}],
                 "error": [{"type": "OperationOutcome", "url": "https://ehr/files/errors.ndjson"}]}
                """);
        FhirExtract extract = FhirExtract.delivered(export);
        assertThat(extract.files()).extracting(FhirExtract.File::name).containsExactly("Observation-1.ndjson", "Observation-2.ndjson");
        // Kept at its own precision: the next export's _since repeats it (a second's rounding could miss writes).
        assertThat(extract.transactionTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00.123Z"));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = f.deliverFhir("fhir", export);
            assertThat(c.report().transactionTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00.123Z"));
            assertThat(c.report().unparsable()).as("the stray file is not read").isZero();
        }
        // FHIR allows an offset without a colon; ISO's parser does not: the time is kept to the second.
        Files.writeString(export.resolve("manifest.json"), "{\"transactionTime\": \"2025-06-01T02:00:00.123+0200\", "
                + "\"output\": [{\"type\": \"Observation\", \"url\": \"https://ehr/files/Observation-1.ndjson\"}]}");
        assertThat(FhirExtract.delivered(export).transactionTime()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        Files.writeString(export.resolve("manifest.json"), "{\"output\": [{\"url\": \"https://ehr/files/Missing.ndjson\"}]}");
        assertUnusable(export, Reason.BAD_MANIFEST);
        Files.writeString(export.resolve("manifest.json"), "{\"transactionTime\": \"yesterday\", \"output\": []}");
        assertUnusable(export, Reason.BAD_MANIFEST);
    }

    @Test
    void theIdentityIsTheHashOfItsFilesHashesInNameOrderWhateverTheFolderIsCalled() throws Exception {
        Path a = FhirJson.ndjson(dir.resolve("export-a/Patient.ndjson"), patient("p1", null));
        Path b = FhirJson.ndjson(dir.resolve("export-a/Observation.ndjson"), painScore("m1", "Patient/p1", AT, "NRS", 5));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Sha256.of(b).getBytes(StandardCharsets.US_ASCII));
        sha.update(Sha256.of(a).getBytes(StandardCharsets.US_ASCII));
        String expected = HexFormat.of().formatHex(sha.digest());
        assertThat(FhirExtract.delivered(dir.resolve("export-a")).sha256()).isEqualTo(expected);
        Files.move(dir.resolve("export-a"), dir.resolve("export-renamed"));
        assertThat(FhirExtract.delivered(dir.resolve("export-renamed")).sha256()).isEqualTo(expected);
        assertThat(FhirExtract.delivered(dir.resolve("export-renamed/Patient.ndjson")).sha256()).as("one file is a list of one")
                .isNotEqualTo(Sha256.of(dir.resolve("export-renamed/Patient.ndjson")));
    }

    @Test
    void aLineOverTheLimitIsNoResourceAndTheNextIsRead() throws Exception {
        String huge = "{\"resourceType\":\"Observation\",\"note\":[{\"text\":\"" + "x".repeat(2 << 20) + "\"}]}";
        Path file = FhirJson.lines(dir.resolve("export/Observation.ndjson"),
                List.of(huge, painScore("m1", "Patient/p1", AT, "NRS", 5).json()));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = f.deliverFhir("fhir", file.getParent());
            assertThat(c.report().firstUnparsable()).containsExactly("Observation.ndjson:1");
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(1);
        }
    }
}
