package nl.verbeterhub.bench;

import static nl.verbeterhub.bench.FhirElements.coding;
import static nl.verbeterhub.bench.FhirElements.codingEntry;
import static nl.verbeterhub.bench.FhirElements.profile;
import static nl.verbeterhub.bench.FhirElements.subject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.nuchter.FastingTheme;

/**
 * Deterministic FHIR R4 bulk exports (NDJSON, one resource type per file, one resource per line) of a
 * record type, coded as domain.md §6 maps them: pain-score Observations, VBI Procedures, admission
 * Encounters, and for NUCHTER the anaesthesia Procedures with their intake Observations, Encounters and
 * Patients. Same type, row count and seed give the same bytes. About one record in a hundred is drawn to
 * be invalid (a pain value out of range, an end before its start, an intake after induction) and is so
 * where the optional element it breaks is written, as in the CSV exports.
 *
 * <p>{@code java … FhirExportGenerator PIJN 1000000 42 out-dir}: writes {@code Observation.ndjson} etc.
 */
public final class FhirExportGenerator {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    private static final String PAIN_METHOD = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.9.1";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
    private static final String INTAKE_KIND = "http://verbeterhub.nl/fhir/CodeSystem/intake-kind";
    private static final String IDS = "urn:oid:2.16.528.1.1007.3.3.1234567.1";
    /** SoortInterventie codes of the default score table, heaviest first. */
    private static final String[] INTERVENTIONS = {"123961000146106", "123891000146106", "123901000146107",
            "123921000146104", "123931000146102", "121401000146101"};

    private final SplittableRandom random;
    private final long patients;
    private final Map<String, Writer> files = new LinkedHashMap<>();
    private final Path dir;
    private final JsonFactory json = new JsonFactory();
    private final FhirResultsGenerator results;

    private FhirExportGenerator(Path dir, long seed, long rows) {
        this.dir = dir;
        this.random = new SplittableRandom(seed);
        this.patients = Math.max(1, rows / 20);
        this.results = new FhirResultsGenerator(this, random);
    }

    /** Writes {@code rows} records of the type into {@code dir}; returns the files written, in name order. */
    public static List<Path> write(RecordType type, long rows, long seed, Path dir) throws IOException {
        Files.createDirectories(dir);
        FhirExportGenerator g = new FhirExportGenerator(dir, seed, rows);
        try {
            if (type == FastingTheme.NUCHTER) g.patients();
            for (long i = 1; i <= rows; i++) g.record(type, i);
        } finally {
            for (Writer w : g.files.values()) w.close();
        }
        List<Path> written = new ArrayList<>();
        for (String name : g.files.keySet()) written.add(dir.resolve(name + ".ndjson"));
        written.sort(null);
        return written;
    }

    private void record(RecordType type, long i) throws IOException {
        String patient = "P" + (1 + random.nextLong(patients));
        LocalDateTime at = START.plusMinutes(random.nextLong(2L * 365 * 24 * 60));
        boolean bad = random.nextInt(100) == 0;
        switch (type.name()) {
            case "PIJN" -> painScore(i, patient, at, bad);
            case "VBI" -> restraint(i, patient, at, bad);
            case "ADMISSION" -> admission("O" + i, patient, at, bad ? at.minusHours(1) : at.plusHours(20 + random.nextInt(200)), "IMP", null);
            case "NUCHTER" -> anaesthesia(i, patient, at, bad);
            case "DIAGNOSTIEK" -> results.result(i, patient, at, bad);
            case "PATIENT_LINK" -> throw new IllegalArgumentException("patient links are no export");
            default -> throw new IllegalArgumentException(type + " has no FHIR generator (VBI, NUCHTER, PIJN, ADMISSION, DIAGNOSTIEK)");
        }
    }

    private void painScore(long i, String patient, LocalDateTime at, boolean bad) throws IOException {
        int kind = random.nextInt(6);
        JsonGenerator g = resource("Observation", "Observation", "M" + i, kind == 4 ? "nl-core-FLACCpainScale" : "nl-core-PainScore");
        g.writeStringField("status", "final");
        switch (kind) {
            case 4 -> coding(g, "code", SNOMED, "108291000146105"); // FLACC
            case 5 -> coding(g, "code", LOINC, "72514-3");          // NRS without a method
            default -> {
                coding(g, "code", SNOMED, "225908003");
                coding(g, "method", PAIN_METHOD, kind == 3 ? "VAS100" : kind == 2 ? "VAS10" : "NRS");
            }
        }
        subject(g, patient);
        g.writeStringField("effectiveDateTime", instant(at));
        if (kind == 3) {
            g.writeObjectFieldStart("valueQuantity");
            g.writeNumberField("value", bad ? 101 : random.nextInt(1000) / 10.0);
            g.writeStringField("unit", "mm");
            g.writeEndObject();
        } else {
            g.writeNumberField("valueInteger", bad ? 11 : random.nextInt(11));
        }
        end(g);
    }

    private void restraint(long i, String patient, LocalDateTime at, boolean bad) throws IOException {
        JsonGenerator g = resource("Procedure", "Procedure", "R" + i, "nl-core-FreedomRestrictingIntervention");
        g.writeStringField("status", "completed");
        coding(g, "category", SNOMED, "225317005");
        coding(g, "code", SNOMED, INTERVENTIONS[random.nextInt(INTERVENTIONS.length)]);
        subject(g, patient);
        g.writeObjectFieldStart("performedPeriod");
        g.writeStringField("start", instant(at));
        if (random.nextInt(10) != 0) {
            g.writeStringField("end", instant(bad ? at.minusMinutes(5) : at.plusMinutes(10 + random.nextInt(600))));
        }
        g.writeEndObject();
        end(g);
    }

    private void admission(String id, String patient, LocalDateTime start, LocalDateTime end, String kind,
            String priority) throws IOException {
        JsonGenerator g = resource("Encounter", "Encounter", id, null);
        g.writeStringField("status", "finished");
        g.writeObjectFieldStart("class");
        g.writeStringField("system", ACT_CODE);
        g.writeStringField("code", kind);
        g.writeEndObject();
        if (priority != null) coding(g, "priority", ACT_PRIORITY, priority);
        subject(g, patient);
        g.writeObjectFieldStart("period");
        g.writeStringField("start", instant(start));
        if (end != null) g.writeStringField("end", instant(end));
        g.writeEndObject();
        end(g);
    }

    private void anaesthesia(long i, String patient, LocalDateTime induction, boolean bad) throws IOException {
        String encounter = "E" + i;
        // day surgery: an ambulatory encounter, so that it is no admission (§6); its priority gives the urgency
        admission(encounter, patient, induction.minusHours(3), null, "AMB", random.nextInt(6) == 0 ? "EM" : "R");
        JsonGenerator g = resource("Procedure", "Procedure", "N" + i, null);
        g.writeStringField("status", "completed");
        coding(g, "code", SNOMED, "399097000");
        subject(g, patient);
        g.writeObjectFieldStart("encounter");
        g.writeStringField("reference", "Encounter/" + encounter);
        g.writeEndObject();
        g.writeStringField("performedDateTime", instant(induction));
        end(g);
        if (random.nextInt(8) != 0) {
            intake(i, "clear-fluid", induction.minusMinutes(bad ? -30 : 20 + random.nextInt(400)));
        }
        if (random.nextInt(5) != 0) intake(i, "solid", induction.minusMinutes(240 + random.nextInt(900)));
    }

    private void intake(long procedure, String kind, LocalDateTime at) throws IOException {
        JsonGenerator g = resource("Observation", "Observation", "I" + procedure + "-" + kind, null);
        g.writeStringField("status", "final");
        g.writeObjectFieldStart("code");
        g.writeArrayFieldStart("coding");
        codingEntry(g, LOINC, "67517-3");
        codingEntry(g, INTAKE_KIND, kind);
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("partOf");
        g.writeStartObject();
        g.writeStringField("reference", "Procedure/N" + procedure);
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("valueDateTime", instant(at));
        end(g);
    }

    /** One Patient per patient number, with a birth date that makes most of them children in 2025–2026. */
    private void patients() throws IOException {
        for (long p = 1; p <= patients; p++) {
            JsonGenerator g = resource("Patient", "Patient", null, "nl-core-Patient");
            g.writeStringField("id", "P" + p);
            g.writeStringField("birthDate", START.toLocalDate().minusDays(random.nextInt(19 * 365)).toString());
            end(g);
        }
    }

    JsonGenerator resource(String file, String type, String identifier, String profile) throws IOException {
        Writer w = files.get(file);
        if (w == null) {
            w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(file + ".ndjson"), StandardCharsets.UTF_8), 1 << 16);
            files.put(file, w);
        }
        JsonGenerator g = json.createGenerator(w);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.writeStartObject();
        g.writeStringField("resourceType", type);
        if (identifier != null) {
            g.writeStringField("id", identifier);
            if (profile != null) profile(g, profile);
            g.writeArrayFieldStart("identifier");
            g.writeStartObject();
            g.writeStringField("system", IDS);
            g.writeStringField("value", identifier);
            g.writeEndObject();
            g.writeEndArray();
        } else if (profile != null) {
            profile(g, profile);
        }
        return g;
    }

    void end(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.flush();
        g.close();
        Writer w = (Writer) g.getOutputTarget();
        w.write('\n');
    }

    static String instant(LocalDateTime t) {
        return t.atZone(AMSTERDAM).format(INSTANT);
    }

    public static void main(String[] args) throws IOException {
        write(RecordType.valueOf(args[0]), Long.parseLong(args[1]), Long.parseLong(args[2]), Path.of(args[3]));
    }
}
