package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.patient;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarWorkedExample;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * themes.md §1.3: KWETSBAAR from FHIR. The worked example of §1.6 as a bulk export gives what samples/kwetsbaar.csv
 * gives, and so does an autumn night; a connector that does not list the theme reads the export as before; both
 * readers read it alike.
 * {@link FhirKwetsbaarJoinTests} has the joins and the rejections.
 */
class FhirKwetsbaarTests {

    static final String VMS = "http://verbeterhub.nl/fhir/CodeSystem/vms-domain";
    static final String TRANSFER = "http://verbeterhub.nl/fhir/CodeSystem/transfer-document";
    static final SourceSettings.Fhir LISTED = SourceSettings.Fhir.DEFAULTS.withThemes(Set.of(KwetsbaarTheme.THEME));
    static final String HOME = "264362003";
    static final String NURSING_HOME = "42665001";
    static final String DECEASED = "183676005";
    private static final String POLSBAND = "123891000146106";

    @TempDir
    Path dir;

    // --- builders (themes.md §1.3) ---

    /** An admission Encounter with its discharge disposition (SNOMED), or none. */
    static FhirJson elderly(String id, String patient, String start, String end, String destination) {
        FhirJson e = FhirJson.admission(id, "Patient/" + patient, start, end);
        if (destination != null) {
            e.node().putObject("hospitalization").putObject("dischargeDisposition").putArray("coding").addObject()
                    .put("system", SNOMED).put("code", destination);
        }
        return e;
    }

    /** A final VMS screening Observation of one domain, of the Encounter referenced. */
    static FhirJson screening(String id, String encounter, String domain, String at) {
        return FhirJson.resource("Observation", id).put("status", "final").coding("code", VMS, domain)
                .ref("encounter", encounter).put("effectiveDateTime", at);
    }

    /** A current DocumentReference of this type, sent at {@code date}, in the context of the Encounter referenced. */
    static FhirJson document(String id, String encounter, String system, String code, String date) {
        FhirJson d = FhirJson.resource("DocumentReference", id).put("status", "current").coding("type", system, code)
                .put("date", date);
        d.node().putObject("context").putArray("encounter").addObject().put("reference", encounter);
        return d;
    }

    static FhirJson letter(String id, String encounter, String date) {
        return document(id, encounter, LOINC, "18842-5", date);
    }

    static FhirJson overview(String id, String encounter, String date) {
        return document(id, encounter, TRANSFER, "medication-overview", date);
    }

    /**
     * themes.md §1.6 as a bulk export. Birth dates give the CSV's ages on the local admission dates (P1 82 on
     * 2 March and on 14 April, P3 90, P4 68, P5 77; P2's is the CSV's own). Offsets: CET until 29 March, then CEST.
     * The letter kinds, the period-form screening time and a VBI registration vary what the CSV cannot show.
     */
    static Path workedExample(Path export) {
        FhirJson.ndjson(export.resolve("Encounter.ndjson"),
                elderly("K1", "P1", "2026-03-02T10:00:00+01:00", "2026-03-06T14:00:00+01:00", HOME),
                elderly("K2", "P2", "2026-03-10T08:00:00+01:00", "2026-03-10T20:00:00+01:00", NURSING_HOME),
                elderly("K3", "P3", "2026-03-28T22:00:00+01:00", "2026-04-01T09:00:00+02:00", DECEASED),
                elderly("K4", "P4", "2026-04-20T10:00:00+02:00", null, null),
                elderly("K5", "P1", "2026-04-14T09:00:00+02:00", null, null),
                elderly("K6", "P5", "2026-04-15T08:00:00+02:00", "2026-04-19T15:00:00+02:00", HOME));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("P1", "1943-06-01"), patient("P2", "1950-06-15"),
                patient("P3", "1935-06-01"), patient("P4", "1957-06-01"), patient("P5", "1948-06-01"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                screening("s1", "Encounter/K1", "delirium", "2026-03-02T12:00:00+01:00"),
                screening("s2", "Encounter/K1", "falls", "2026-03-02T12:00:00+01:00"),
                screening("s3", "Encounter/K1", "malnutrition", "2026-03-03T09:00:00+01:00"),
                screening("s4", "Encounter/K1", "physical", "2026-03-03T10:00:00+01:00"),
                screening("s5", "Encounter/K3", "delirium", "2026-03-29T22:30:00+02:00"),
                screening("s6", "Encounter/K3", "physical", null).put("status", "amended")
                        .period("effectivePeriod", "2026-03-28T23:00:00+01:00", "2026-03-28T23:20:00+01:00"),
                screening("s7", "Encounter/K6", "delirium", "2026-04-15T09:00:00+02:00"),
                screening("s8", "Encounter/K6", "falls", "2026-04-15T09:00:00+02:00"),
                screening("s9", "Encounter/K6", "malnutrition", "2026-03-10T10:00:00+01:00").put("status", "corrected"),
                screening("s10", "Encounter/K6", "physical", "2026-04-16T08:01:00+02:00"));
        FhirJson.ndjson(export.resolve("DocumentReference.ndjson"),
                letter("d1", "Encounter/K1", "2026-03-07T13:59:00+01:00"),
                overview("d2", "Encounter/K1", "2026-03-07T14:00:59+01:00"),
                document("d3", "Encounter/K2", TRANSFER, "discharge-letter", "2026-03-13T09:00:00+01:00"),
                overview("d4", "Encounter/K6", "2026-04-19T14:30:00+02:00"));
        FhirJson.ndjson(export.resolve("Procedure.ndjson"),
                FhirJson.vbi("v1", "Patient/P1", POLSBAND, "2026-03-03T10:00:00+01:00", "2026-03-03T12:00:00+01:00"));
        return export;
    }

    @Test
    void theWorkedExampleAsFhirGivesWhatTheCsvGives() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        ObjectNode fromCsv;
        ObjectNode csvDraft;
        try (Fixture csv = new Fixture(Files.createDirectories(dir.resolve("csv")))) {
            csv.deliver("csv", Files.readString(Path.of("samples/kwetsbaar.csv")));
            assertThat(csv.rejections()).isEmpty();
            csvDraft = csv.draft(KwetsbaarTheme.THEME, 2026);
            fromCsv = (ObjectNode) csvDraft.get("indicators");
        }
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("fhir")))) {
            ExtractCommit commit = f.deliverFhir("fhir", LISTED, export);
            assertThat(f.rejections()).isEmpty();
            assertThat(commit.counts().get(KwetsbaarTheme.KWETSBAAR).read()).isEqualTo(6);
            assertThat(commit.counts().get(KwetsbaarTheme.KWETSBAAR).accepted()).isEqualTo(6);
            assertThat(commit.counts().get(Admissions.ADMISSION).accepted()).isEqualTo(6);
            ObjectNode draft = f.draft(KwetsbaarTheme.THEME, 2026);
            ObjectNode i = (ObjectNode) draft.get("indicators");
            assertThat(i).isEqualTo(fromCsv);
            assertThat(draft.get("dataQuality")).isEqualTo(csvDraft.get("dataQuality"));
            assertThat(draft.get("period")).isEqualTo(csvDraft.get("period"));
            assertThat(Schemas.check(Schemas.DRAFT, draft)).isEmpty();
            KwetsbaarWorkedExample.assertPublishedValues(draft); // themes.md §1.6, literally
            assertThat(f.drafts(KwetsbaarTheme.THEME)).hasSize(1);
        }
    }

    @Test
    void withoutTheThemeListedTheExportGivesWhatItGaveBefore() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        try (Fixture plain = new Fixture(Files.createDirectories(dir.resolve("plain")));
             Fixture listed = new Fixture(Files.createDirectories(dir.resolve("listed")))) {
            ExtractCommit before = plain.deliverFhir("fhir", export);
            listed.deliverFhir("fhir", LISTED, export);
            assertThat(plain.rejections()).isEmpty();
            assertThat(before.counts()).doesNotContainKey(KwetsbaarTheme.KWETSBAAR);
            assertThat(before.counts().get(Admissions.ADMISSION).accepted()).isEqualTo(6);
            assertThat(plain.drafts(KwetsbaarTheme.THEME)).isEmpty();
            ObjectNode vbi = plain.indicators(VbiTheme.THEME, 2026);
            assertThat(vbi.get("admissions").asLong()).isEqualTo(6);
            assertThat(vbi).isEqualTo(listed.indicators(VbiTheme.THEME, 2026));
            assertThat(plain.draft(VbiTheme.THEME, 2026).get("dataQuality"))
                    .isEqualTo(listed.draft(VbiTheme.THEME, 2026).get("dataQuality"));
            // Screenings are no pain scores and documents no records, listed or not.
            assertThat(plain.drafts(PainTheme.THEME)).isEmpty();
            assertThat(listed.drafts(PainTheme.THEME)).isEmpty();
        }
    }

    @Test
    void bothReadersReadTheElderlyAdmissionsAlike() throws Exception {
        Path export = workedExample(dir.resolve("export"));
        ReaderComparison readers = new ReaderComparison(Files.createDirectories(dir.resolve("readers")));
        assertThat(readers.sameResources(export)).isEqualTo(ReaderComparison.lines(export));
        ReaderComparison.Outcome outcome = readers.sameExtract(export, LISTED);
        assertThat(outcome.rejections()).isEmpty();
        assertThat(outcome.accepted(KwetsbaarTheme.KWETSBAAR, "Encounter/K1", "Encounter/K2", "Encounter/K3",
                "Encounter/K4", "Encounter/K5", "Encounter/K6")).isTrue();
        assertThat(outcome.describedCounts().get(KwetsbaarTheme.KWETSBAAR)).startsWith("6 read, 6 accepted");
        // The same export with the document elements read by both readers: type, date, context.encounter, status.
        readers.forEachResource(export, (where, streaming, parsed) -> {
            if (streaming.resourceType.equals("DocumentReference")) {
                assertThat(streaming.contextEncounters).as(where).hasSize(1).isEqualTo(parsed.contextEncounters);
                assertThat(streaming.date).as(where).isNotNull().isEqualTo(parsed.date);
            }
            if (streaming.resourceType.equals("Encounter") && streaming.periodEnd != null) {
                assertThat(streaming.dischargeDisposition.describe()).as(where).contains(SNOMED)
                        .isEqualTo(parsed.dischargeDisposition.describe());
            }
        });
    }

    /** 2026-10-25 03:00 CEST → 02:00 CET; a local 02:30 in CSV takes the earlier (summer) offset (domain.md §2). */
    @Test
    void anAutumnNightGivesTheMinutesOfTheCsvPath() throws Exception {
        ObjectNode fromCsv;
        try (Fixture csv = new Fixture(Files.createDirectories(dir.resolve("csv")))) {
            csv.deliver("csv", "elderly_admission_id;patient_id;age_years;admitted_at;discharged_at;discharge_destination;"
                    + "delirium_screened_at;falls_screened_at;letter_sent_at;medication_overview_sent_at\n"
                    + "C1;P1;80;24-10-2026 4:00;26-10-2026 10:00;thuis;25-10-2026 3:30;25-10-2026 2:30;27-10-2026 9:30;\n"
                    + "C2;P2;80;23-10-2026 10:00;25-10-2026 2:30;thuis;;;25-10-2026 4:00;26-10-2026 2:30\n");
            assertThat(csv.rejections()).isEmpty();
            fromCsv = csv.indicators(KwetsbaarTheme.THEME, 2026);
        }
        Path export = dir.resolve("export");
        FhirJson.ndjson(export.resolve("Encounter.ndjson"),
                elderly("C1", "p1", "2026-10-24T04:00:00+02:00", "2026-10-26T10:00:00+01:00", HOME),
                elderly("C2", "p2", "2026-10-23T10:00:00+02:00", "2026-10-25T02:30:00+02:00", HOME));
        FhirJson.ndjson(export.resolve("Patient.ndjson"), patient("p1", "1946-01-01"), patient("p2", "1946-01-01"));
        FhirJson.ndjson(export.resolve("Observation.ndjson"),
                screening("o1", "Encounter/C1", "delirium", "2026-10-25T03:30:00+01:00"),
                screening("o2", "Encounter/C1", "falls", "2026-10-25T02:30:00+02:00"));
        FhirJson.ndjson(export.resolve("DocumentReference.ndjson"),
                document("d1", "Encounter/C1", TRANSFER, "discharge-letter", "2026-10-27T09:30:00+01:00"),
                letter("d2", "Encounter/C2", "2026-10-25T04:00:00+01:00"),
                overview("d3", "Encounter/C2", "2026-10-26T02:30:00+01:00"));
        try (Fixture f = new Fixture(Files.createDirectories(dir.resolve("fhir")))) {
            f.deliverFhir("fhir", LISTED, export);
            assertThat(f.rejections()).isEmpty();
            ObjectNode i = f.indicators(KwetsbaarTheme.THEME, 2026);
            assertThat(i).isEqualTo(fromCsv);
            // C1: delirium 1470 (wall 23 h 30) late, falls 1350 on time. C2 stayed 2430 minutes, screened on nothing.
            assertThat(i.get("screenedByDomainShare").toString())
                    .isEqualTo("{\"delirium\":0,\"falls\":0.5,\"malnutrition\":null,\"physical\":null}");
            // Letters 1410 (C1) and 150 (C2, wall 90); C2's overview 1500 (wall 24 h) late, C1's pending.
            assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("1");
            assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":150,\"p90\":1410}");
            assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("0");
        }
    }
}
