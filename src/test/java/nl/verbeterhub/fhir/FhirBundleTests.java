package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.anaesthesia;
import static nl.verbeterhub.support.FhirJson.encounter;
import static nl.verbeterhub.support.FhirJson.intake;
import static nl.verbeterhub.support.FhirJson.painScore;
import static nl.verbeterhub.support.FhirJson.patient;
import static nl.verbeterhub.support.FhirJson.vbi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.FhirJson.Entry;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles (domain.md §6): read entry by entry, {@code urn:uuid:} references through {@code fullUrl}, DELETE removes. */
class FhirBundleTests {

    private static final String AT = "2025-05-01T08:00:00+02:00";
    private static final String HEAVY = "123961000146106";

    @TempDir
    Path dir;

    private static List<String> rejections(Fixture f) {
        return f.rejections().stream().map(r -> r.position() + " " + r.reason() + " " + r.field() + " " + r.resourceType())
                .toList();
    }

    @Test
    void urnReferencesResolveThroughFullUrlsAndNameTheSamePatientAsARelativeReference() throws Exception {
        Path bundle = FhirJson.bundle(dir.resolve("transaction.json"), "transaction",
                new Entry("urn:uuid:o1", "POST", "Observation", painScore("o1", "urn:uuid:pat", AT, "NRS", 8)),
                new Entry("urn:uuid:o2", "POST", "Observation", painScore("o2", "urn:uuid:nobody", AT, "NRS", 8)),
                new Entry("urn:uuid:o3", "POST", "Observation", painScore(null, "urn:uuid:pat", AT, "NRS", 2)),
                new Entry("urn:uuid:pat", "POST", "Patient", patient("pat1", "1980-01-01")),
                new Entry("urn:uuid:x", "POST", "Basic", FhirJson.resource("NoSuchType", "x")));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = f.deliverFhir("bundles", bundle);
            assertThat(rejections(f)).containsExactly("transaction.json entry 1 UNRESOLVED_REFERENCE patient_id Observation",
                    "transaction.json entry 2 MISSING_FIELD measurement_id Observation");
            assertThat(c.report().unparsable()).isEqualTo(1);
            assertThat(c.report().firstUnparsable()).containsExactly("transaction.json entry 4");
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt())
                    .as("o3 has neither id nor identifier, and a urn:uuid: is new with every export").isEqualTo(1);
            f.deliverFhir("ndjson", FhirJson.ndjson(dir.resolve("export/Observation.ndjson"),
                    painScore("o4", "Patient/pat1", "2025-05-01T08:30:00+02:00", "NRS", 1)));
            assertThat(f.indicators(PainTheme.THEME, 2025).get("patients").asInt()).as("urn:uuid:pat is Patient/pat1").isEqualTo(1);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("followUpWithin60Share").decimalValue())
                    .as("o1 at 08:00 followed by o4 at 08:30 of the same patient").isEqualByComparingTo("1");
        }
    }

    @Test
    void aDeleteRemovesTheRecordOfThatIdOrIdentifier() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", FhirJson.ndjson(dir.resolve("export/Observation.ndjson"),
                    painScore("o1", "Patient/p1", AT, "NRS", 5),
                    painScore("o2", "Patient/p1", AT, "NRS", 5).identifier("urn:oid:1.2", "M-2"),
                    painScore("o3", "Patient/p1", AT, "NRS", 5)));
            ExtractCommit c = f.deliverFhir("fhir", FhirJson.bundle(dir.resolve("batch.json"), "batch",
                    new Entry(null, "DELETE", "Observation/o1", null),
                    new Entry(null, "DELETE", "Observation?identifier=urn:oid:1.2|M-2", null),
                    new Entry(null, "GET", "Observation/o3", null)));
            assertThat(c.report().removed()).isEqualTo(2);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aDeleteOfAProcedureRemovesItInABundleWithoutProceduresAndWithTheServersBase() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", FhirJson.ndjson(dir.resolve("export/Procedure.ndjson"),
                    vbi("v1", "Patient/p1", HEAVY, AT, null), vbi("v2", "Patient/p1", HEAVY, AT, null),
                    vbi("v3", "Patient/p1", HEAVY, AT, null)));
            ExtractCommit c = f.deliverFhir("fhir", FhirJson.bundle(dir.resolve("batch.json"), "batch",
                    new Entry(null, "DELETE", "Procedure/v1", null),
                    new Entry(null, "DELETE", "https://ehr.example.org/fhir/Procedure/v2", null),
                    new Entry("urn:uuid:o1", "POST", "Observation", painScore("o1", "Patient/p1", AT, "NRS", 2))));
            assertThat(c.report().removed()).isEqualTo(2);
            assertThat(f.indicators(VbiTheme.THEME, 2025).get("registrations").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aDeleteTheHubCannotReadIsCountedAndAnotherSystemsIdentifierRemovesNothing() throws Exception {
        SourceSettings.Fhir byOwnSystem = new SourceSettings.Fhir(Optional.empty(), Optional.of("urn:oid:1.2"));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", byOwnSystem, FhirJson.ndjson(dir.resolve("export/Observation.ndjson"),
                    painScore("o1", "Patient/p1", AT, "NRS", 5).identifier("urn:oid:1.2", "M-1"),
                    painScore("o2", "Patient/p1", AT, "NRS", 5).identifier("urn:oid:1.2", "M-2")));
            ExtractCommit c = f.deliverFhir("fhir", byOwnSystem, FhirJson.bundle(dir.resolve("batch.json"), "batch",
                    new Entry(null, "DELETE", "Observation?identifier=urn:oid:1.2|M-%ZZ1", null),
                    new Entry(null, "DELETE", "Observation?identifier=urn:oid:9.9|M-1", null),
                    new Entry(null, "DELETE", "Observation?identifier=urn%3Aoid%3A1.2%7CM-2", null)));
            assertThat(c.report().unparsable()).as("the malformed escape").isEqualTo(1);
            assertThat(c.report().firstUnparsable()).containsExactly("batch.json entry 0");
            assertThat(c.report().removed()).as("only M-2, named in the connector's system").isEqualTo(1);
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aRestfulFullUrlNamesAResourceWithoutIdAndAnEmptyUrnNamesNothing() throws Exception {
        FhirJson noId = painScore(null, "Patient/p1", AT, "NRS", 5);
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", FhirJson.bundle(dir.resolve("searchset.json"), "searchset",
                    Entry.of("https://ehr.example.org/fhir/Observation/o9", noId),
                    Entry.of("urn:uuid:", painScore("o8", "Patient/p1", AT, "NRS", 5))));
            assertThat(f.rejections()).isEmpty();
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(2);
            ExtractCommit c = f.deliverFhir("fhir", FhirJson.bundle(dir.resolve("batch.json"), "batch",
                    new Entry(null, "DELETE", "Observation/o9", null)));
            assertThat(c.report().removed()).as("the fullUrl's Observation/o9 was its id").isEqualTo(1);
        }
    }

    @Test
    void anEntryOverTheSizeLimitIsNoParsableResourceAndUnmappedTypesAreOnlyCounted() throws Exception {
        FhirJson attachment = FhirJson.resource("DocumentReference", "d1").put("status", "current");
        attachment.node().putArray("content").addObject().putObject("attachment").put("data", "A".repeat(1_100_000));
        try (Fixture f = new Fixture(dir)) {
            ExtractCommit c = f.deliverFhir("fhir", FhirJson.bundle(dir.resolve("collection.json"), "collection",
                    Entry.of("urn:uuid:d1", attachment),
                    Entry.of("urn:uuid:b1", FhirJson.resource("Binary", "b1").put("contentType", "text/plain")),
                    Entry.of("urn:uuid:o1", painScore("o1", "Patient/p1", AT, "NRS", 5))));
            assertThat(c.report().firstUnparsable()).as("over the 1 MiB limit of the fixture")
                    .containsExactly("collection.json entry 0");
            assertThat(c.report().resourcesRead()).containsEntry("Binary", 1L).containsEntry("Observation", 1L)
                    .doesNotContainKey("DocumentReference");
            assertThat(f.indicators(PainTheme.THEME, 2025).get("measurements").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theAnaesthesiaJoinWorksInsideABundleOfUrnReferences() throws Exception {
        Path bundle = FhirJson.bundle(dir.resolve("collection.json"), "collection",
                Entry.of("urn:uuid:n1", anaesthesia(null, "urn:uuid:p1", "urn:uuid:e1", "2025-06-02T10:00:00+02:00")
                        .identifier("urn:oid:1.2", "OK-1")),
                Entry.of("urn:uuid:i1", intake(null, "urn:uuid:n1", "clear-fluid", "2025-06-02T07:00:00+02:00")),
                Entry.of("urn:uuid:e1", encounter(null, "urn:uuid:p1", null)),
                Entry.of("urn:uuid:p1", patient(null, "2018-01-01")));
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", bundle);
            assertThat(f.rejections()).isEmpty();
            assertThat(f.indicators(FastingTheme.THEME, 2025).at("/clearFluidFastingMinutes/median").asInt()).isEqualTo(180);
        }
    }

    @Test
    void aJsonFileThatIsNoReadableBundleIsUnusableAsAWhole() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            Path document = FhirJson.bundle(dir.resolve("document.json"), "document", Entry.of("urn:uuid:x", patient("x", null)));
            assertThatThrownBy(() -> f.deliverFhir("fhir", document)).isInstanceOfSatisfying(UnusableFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(UnusableFileException.Reason.UNSUPPORTED_BUNDLE_TYPE));
            Path broken = Files.writeString(dir.resolve("broken.json"), "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{");
            assertThatThrownBy(() -> f.deliverFhir("fhir", broken)).isInstanceOfSatisfying(UnusableFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(UnusableFileException.Reason.NOT_JSON));
            Path deep = Files.writeString(dir.resolve("deep.json"), "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"x\":"
                    + "[".repeat(1_500) + "]".repeat(1_500) + "}");
            assertThatThrownBy(() -> f.deliverFhir("fhir", deep)).as("beyond Jackson's nesting limit, which has no location")
                    .isInstanceOfSatisfying(UnusableFileException.class,
                            e -> assertThat(e.reason()).isEqualTo(UnusableFileException.Reason.NOT_JSON));
            Path array = Files.writeString(dir.resolve("array.json"), "[{\"resourceType\":\"Patient\"}]");
            assertThatThrownBy(() -> f.deliverFhir("fhir", array)).isInstanceOfSatisfying(UnusableFileException.class,
                    e -> assertThat(e.reason()).isEqualTo(UnusableFileException.Reason.NOT_FHIR));
            assertThat(f.rejections()).isEmpty();
        }
    }

    @Test
    void aSingleResourceFileIsAnExtractOfOneEntry() throws Exception {
        Path single = Files.writeString(dir.resolve("pain.json"), painScore("o1", "Patient/p1", AT, "NRS", 12).json());
        try (Fixture f = new Fixture(dir)) {
            f.deliverFhir("fhir", single);
            assertThat(rejections(f)).containsExactly("pain.json entry 0 OUT_OF_RANGE value Observation");
        }
    }
}
