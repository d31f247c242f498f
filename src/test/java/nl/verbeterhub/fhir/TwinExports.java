package nl.verbeterhub.fhir;

import static nl.verbeterhub.support.FhirJson.ACT_CODE;
import static nl.verbeterhub.support.FhirJson.ACT_PRIORITY;
import static nl.verbeterhub.support.FhirJson.HUB_PAIN_SCALE;
import static nl.verbeterhub.support.FhirJson.INTAKE_KIND;
import static nl.verbeterhub.support.FhirJson.LOINC;
import static nl.verbeterhub.support.FhirJson.PAIN_METHOD;
import static nl.verbeterhub.support.FhirJson.SNOMED;
import static nl.verbeterhub.support.FhirJson.VBI_SCORE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.support.FhirJson;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;

/**
 * Twin exports for the equivalence of domain.md §6: the same records, drawn once from one seeded random
 * stream, written both as CSV (the columns of domain.md §2) and as a FHIR R4 bulk export (NDJSON coded as §6
 * maps them). Each side spells a value its own way — a local wall-clock time or an offset, UTC or +05:30, a
 * fraction of a second or none, {@code 4,0} or a {@code valueQuantity} — but always to the same instant
 * (after truncation to seconds) and the same number. The CSV side leaves {@code alternatives_considered} and
 * {@code vulnerable} empty, which FHIR cannot carry. A few percent of records are planted invalid, each the
 * same way on both sides; {@link #planted()} lists the rejections they must give.
 */
final class TwinExports {

    /** A rejection the generator planted: both sides must report it, with this field. */
    record Planted(RecordType type, ReasonCode reason, String field) {
    }

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** The hospital's own identifier system: a FHIR record's id is its identifier, as in the CSV. */
    private static final String IDS = "urn:oid:2.16.528.1.1007.3.3.1234567.1";
    private static final String ZIB2024_ENCOUNTER_CLASS = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1";
    private static final String VBI_PROFILE = "http://nictiz.nl/fhir/StructureDefinition/nl-core-FreedomRestrictingIntervention";
    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);
    /** The nights the clocks change in Amsterdam, 2025–2026 (last Sunday of March and October). */
    private static final LocalDate[] DST_DAYS = {LocalDate.of(2025, 3, 30), LocalDate.of(2025, 10, 26),
            LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25)};
    /** Seconds to a patient's next pain measurement: the 3600 s follow-up bound and both sides of it. */
    private static final long[] FOLLOW_UP_GAPS = {0, 60, 1800, 3599, 3600, 3601, 5400, 14_400, 28_800, 86_400};

    private final SplittableRandom random;
    private final Map<RecordType, StringBuilder> csv = new TreeMap<>();
    private final Map<RecordType, Integer> lines = new TreeMap<>();
    private final Map<String, List<String>> ndjson = new TreeMap<>();
    private final List<Planted> planted = new ArrayList<>();
    /** NUCHTER patients and their birth dates (null: none), written as Patient resources at the end. */
    private final Map<String, LocalDate> children = new LinkedHashMap<>();
    private int resources;

    private TwinExports(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code perType} records of each of the four record types, about one in twenty-five of them invalid. */
    static TwinExports generate(long seed, int perType) {
        TwinExports t = new TwinExports(seed);
        t.header(PainTheme.PIJN, "measurement_id;patient_id;admission_id;measured_at;scale;value;vulnerable");
        t.header(VbiTheme.VBI, "registration_id,patient_id,ward,intervention_type,score,start,end,alternatives_considered");
        t.header(Admissions.ADMISSION, "admission_id,patient_id,admitted_at,discharged_at");
        t.header(FastingTheme.NUCHTER, "procedure_id,patient_id,birth_date,induction_at,last_solid_at,last_clear_fluid_at,urgency");
        t.painRecords(perType);
        t.vbiRecords(perType);
        t.admissionRecords(perType);
        t.fastingRecords(perType);
        t.patients();
        t.otherResources();
        return t;
    }

    /** The CSV extract of one record type. */
    String csv(RecordType type) {
        return csv.get(type).toString();
    }

    /** Data lines written for the type, planted and corrected versions included. */
    int records(RecordType type) {
        return lines.get(type);
    }

    List<Planted> planted() {
        return planted;
    }

    /** Writes the FHIR side as one bulk export folder (several NDJSON files per resource type). */
    Path writeFhir(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, List<String>> file : ndjson.entrySet()) {
            FhirJson.lines(folder.resolve(file.getKey() + ".ndjson"), file.getValue());
        }
        return folder;
    }

    // --- PIJN ---

    private static final String[] PAIN_KINDS = {"NRS", "LOINC", "VAS10", "VAS100", "FLACC", "COMFORT", "PAINAD"};

    /** One pain measurement as both sides write it; null is absent. */
    private static final class Pain {
        String id;
        String patient;
        String kind;
        String csvAt;
        String fhirAt;
        BigDecimal value;
    }

    private void painRecords(int n) {
        int patients = Math.max(1, n / 12);
        List<Pain> correctable = new ArrayList<>();
        int written = 0;
        while (written < n) {
            if (random.nextInt(100) < 4) {
                writePain(invalidPain());
                written++;
                continue;
            }
            // A burst of one patient's measurements, so that follow-ups and patient-days are not trivial.
            String patient = "P" + random.nextInt(patients);
            Stamp at = stamp(randomWall());
            for (int size = 1 + random.nextInt(5); size > 0 && written < n; size--, written++) {
                Pain p = pain("M" + written, patient, at);
                writePain(p);
                if (random.nextInt(100) == 0) correctable.add(p);
                at = at.plusSeconds(anyOf(FOLLOW_UP_GAPS));
            }
        }
        for (Pain p : correctable) correctPain(p);
    }

    private Pain pain(String id, String patient, Stamp at) {
        Pain p = new Pain();
        p.id = id;
        p.patient = patient;
        p.kind = pick(PAIN_KINDS);
        p.csvAt = csvTime(at);
        p.fhirAt = fhirTime(at);
        p.value = painValue(p.kind);
        return p;
    }

    /** A later version of the same measurement: a new value replaces the old; a rejected one leaves it. */
    private void correctPain(Pain p) {
        p.value = painValue(p.kind);
        if (random.nextBoolean()) {
            p.kind = "NRS";
            p.value = BigDecimal.valueOf(11);
            plant(PainTheme.PIJN, ReasonCode.OUT_OF_RANGE, "value");
        }
        writePain(p);
    }

    private BigDecimal painValue(String kind) {
        return switch (kind) {
            case "VAS10" -> random.nextInt(4) == 0 ? new BigDecimal(pick("3.9", "4", "4.0", "6.9", "7", "10"))
                    : BigDecimal.valueOf(random.nextInt(101), 1);
            case "VAS100" -> random.nextInt(4) == 0 ? new BigDecimal(pick("39.9", "40", "69.9", "70", "70.0", "100"))
                    : BigDecimal.valueOf(random.nextInt(1001), 1);
            case "COMFORT" -> BigDecimal.valueOf(6 + random.nextInt(30));
            default -> BigDecimal.valueOf(random.nextInt(11));
        };
    }

    private Pain invalidPain() {
        Pain p = pain("MX" + planted.size(), "P-X" + random.nextInt(50), stamp(randomWall()));
        switch (random.nextInt(6)) {
            case 0 -> {
                p.kind = pick("NRS", "FLACC", "PAINAD", "COMFORT", "VAS10", "VAS100");
                p.value = new BigDecimal(switch (p.kind) {
                    case "COMFORT" -> pick("5", "36");
                    case "VAS10" -> "10.5";
                    case "VAS100" -> pick("100.1", "-0.5");
                    default -> pick("11", "-1");
                });
                plant(PainTheme.PIJN, ReasonCode.OUT_OF_RANGE, "value");
            }
            case 1 -> {
                p.csvAt = pick("29-02-2025 10:00", "2025-05-01", "2025-06-01 24:00", "2025-13-01T10:00", "1-5-25");
                p.fhirAt = pick("2025-02-29T10:00:00+01:00", "2025-05-01", "2025-05-01T10:00:00", "2025-06-01T24:00:00+02:00",
                        "2025-05");
                plant(PainTheme.PIJN, ReasonCode.UNPARSABLE, "measured_at");
            }
            case 2 -> {
                p.kind = pick("NRS", "LOINC", "FLACC", "COMFORT", "PAINAD");
                p.value = new BigDecimal("6.5");
                plant(PainTheme.PIJN, ReasonCode.UNPARSABLE, "value");
            }
            case 3 -> {
                p.value = null;
                plant(PainTheme.PIJN, ReasonCode.MISSING_FIELD, "value");
            }
            case 4 -> {
                p.csvAt = null;
                p.fhirAt = null;
                plant(PainTheme.PIJN, ReasonCode.MISSING_FIELD, "measured_at");
            }
            default -> {
                p.patient = null;
                plant(PainTheme.PIJN, ReasonCode.MISSING_FIELD, "patient_id");
            }
        }
        return p;
    }

    private void writePain(Pain p) {
        row(PainTheme.PIJN, ';', p.id, p.patient, null, p.csvAt, csvScale(p.kind), csvNumber(p.value), null);
        FhirJson r = resource("Observation", p.id).put("status", pick("final", "final", "amended", "corrected"));
        switch (p.kind) {
            case "LOINC" -> r.coding("code", LOINC, "72514-3");
            case "FLACC" -> r.coding("code", SNOMED, "108291000146105");
            case "COMFORT" -> r.coding("code", SNOMED, "108301000146109");
            case "PAINAD" -> r.coding("code", SNOMED, "225908003").coding("method", HUB_PAIN_SCALE, "PAINAD");
            default -> r.coding("code", SNOMED, "225908003").coding("method", PAIN_METHOD, p.kind);
        }
        subject(r, p.patient);
        if (random.nextInt(10) == 0 && p.fhirAt != null) r.period("effectivePeriod", p.fhirAt, null);
        else r.put("effectiveDateTime", p.fhirAt);
        value(r, p.value, p.kind.startsWith("VAS") ? "mm" : "{score}");
        fhir("Observation-pain", r);
    }

    private String csvScale(String kind) {
        return switch (kind) {
            case "LOINC", "NRS" -> pick("NRS", "nrs");
            case "VAS100" -> pick("VAS100", "VAS", "vas");
            case "FLACC" -> pick("FLACC", "flacc");
            case "COMFORT" -> pick("COMFORT", "Comfort");
            case "PAINAD" -> pick("PAINAD", "painad");
            default -> kind;
        };
    }

    /** A whole number mostly as valueInteger, else (and every fraction) as a valueQuantity's value. */
    private void value(FhirJson r, BigDecimal value, String unit) {
        if (value == null) return;
        if (value.scale() <= 0 && random.nextInt(4) != 0) {
            r.put("valueInteger", value.intValueExact());
            return;
        }
        ObjectNode q = r.node().putObject("valueQuantity");
        q.put("value", value.scale() <= 0 && random.nextBoolean() ? value.setScale(1) : value);
        q.put("unit", unit);
    }

    // --- VBI ---

    /** SoortInterventie codes of the default score table (domain.md §6) with their names and scores. */
    private static final String[][] INTERVENTIONS = {
            {"123961000146106", "onrustband", "5"}, {"123891000146106", "polsband", "5"}, {"124031000146100", "enkelband", "5"},
            {"123901000146107", "stoelfixatie", "4"}, {"123911000146109", "tentbed", "4"}, {"37041007", "gedwongen voeding", "4"},
            {"123941000146105", "arm- en beenspalk, links", "4"}, {"123921000146104", "hele bedhekken", "3"},
            {"124021000146102", "rolstoelblad", "3"}, {"123931000146102", "halve bedhekken", "2"},
            {"123981000146103", "beschermhelm \"zacht\"", "2"}, {"121401000146101", "bedsensor", "1"},
            {"121411000146104", "camera", "1"}};

    /** One registration as both sides write it; null is absent. */
    private static final class Vbi {
        String id;
        String patient;
        String ward;
        String intervention;
        String code;
        /** The score: in the CSV, and in the FHIR extension when {@link #extension} is set. */
        String score;
        boolean extension;
        String csvStart;
        String fhirStart;
        String csvEnd;
        String fhirEnd;
    }

    private void vbiRecords(int n) {
        int patients = Math.max(1, n / 8);
        for (int i = 0; i < n; i++) {
            Vbi v = vbi("R" + i, "V" + random.nextInt(patients));
            if (random.nextInt(100) < 4) invalidVbi(v);
            writeVbi(v);
        }
    }

    private Vbi vbi(String id, String patient) {
        Vbi v = new Vbi();
        v.id = id;
        v.patient = patient;
        v.ward = pick(null, "A1", "IC", "Kinder\nIC", "B2, oost");
        String[] intervention = INTERVENTIONS[random.nextInt(INTERVENTIONS.length)];
        v.code = intervention[0];
        v.intervention = intervention[1];
        v.score = intervention[2];
        if (random.nextBoolean()) {
            // The extension wins over the table, whatever the code (a Wzd code the table lacks included).
            v.extension = true;
            v.score = String.valueOf(1 + random.nextInt(5));
            if (random.nextInt(4) == 0) v.code = "10" + random.nextInt(1000) + "1000146109";
        }
        Stamp start = stamp(randomWall());
        v.csvStart = csvTime(start);
        v.fhirStart = fhirTime(start);
        if (random.nextInt(100) < 85) {
            // Up to three days, so that some registrations run through a clock change.
            Stamp end = start.plusSeconds(random.nextInt(100) < 20 ? random.nextInt(3 * 86_400) : 60 + random.nextInt(600 * 60));
            v.csvEnd = csvTime(end);
            v.fhirEnd = fhirTime(end);
        }
        return v;
    }

    private void invalidVbi(Vbi v) {
        switch (random.nextInt(6)) {
            case 0 -> {
                Stamp end = stamp(randomWall());
                Stamp start = end.plusSeconds(1 + random.nextInt(7200));
                v.csvStart = csvTime(start);
                v.fhirStart = fhirTime(start);
                v.csvEnd = csvTime(end);
                v.fhirEnd = fhirTime(end);
                plant(VbiTheme.VBI, ReasonCode.END_BEFORE_START, "end");
            }
            case 1 -> {
                v.extension = true;
                v.score = pick("0", "6");
                plant(VbiTheme.VBI, ReasonCode.OUT_OF_RANGE, "score");
            }
            case 2 -> {
                // Never a date only: FHIR allows one for a VBI start, the CSV does not.
                v.csvStart = pick("30-02-2025 10:00", "2025-02-30T10:00", "2025-04-01 10:00 uur");
                v.fhirStart = pick("2025-02-30T10:00:00+01:00", "2025-04-01T10:00:00", "2025-04");
                plant(VbiTheme.VBI, ReasonCode.UNPARSABLE, "start");
            }
            case 3 -> {
                v.csvEnd = pick("31-04-2026 10:00", "2026-04-31T10:00:00+02:00");
                v.fhirEnd = pick("2026-04-31T10:00:00+02:00", "2026-04-30T10:00:00");
                plant(VbiTheme.VBI, ReasonCode.UNPARSABLE, "end");
            }
            case 4 -> {
                // Without a code the score comes from the extension; the intervention is still missing.
                v.code = null;
                v.intervention = null;
                v.extension = true;
                plant(VbiTheme.VBI, ReasonCode.MISSING_FIELD, "intervention_type");
            }
            default -> {
                v.csvStart = null;
                v.fhirStart = null;
                v.csvEnd = null;
                v.fhirEnd = null;
                plant(VbiTheme.VBI, ReasonCode.MISSING_FIELD, "start");
            }
        }
    }

    private void writeVbi(Vbi v) {
        String score = v.score.equals("5") && random.nextInt(5) == 0 ? "5.0" : v.score;
        row(VbiTheme.VBI, ',', v.id, v.patient, v.ward, v.intervention, score, v.csvStart, v.csvEnd, null);
        FhirJson r = resource("Procedure", v.id);
        switch (random.nextInt(4)) {
            case 0 -> r.coding("category", SNOMED, "225214000");
            case 1 -> r.profile(VBI_PROFILE + pick("", "|2.0.2"));
            default -> r.coding("category", SNOMED, "225317005");
        }
        if (v.code != null) r.coding("code", SNOMED, v.code);
        if (v.extension) r.extension(VBI_SCORE, Integer.valueOf(v.score));
        subject(r, v.patient);
        r.put("status", v.fhirEnd == null ? pick("in-progress", "completed") : pick("completed", "completed", "stopped"));
        if (v.fhirEnd == null && v.fhirStart != null && random.nextBoolean()) r.put("performedDateTime", v.fhirStart);
        else if (v.fhirStart != null || v.fhirEnd != null) r.period("performedPeriod", v.fhirStart, v.fhirEnd);
        fhir("Procedure-vbi", r);
    }

    // --- ADMISSION ---

    private void admissionRecords(int n) {
        int patients = Math.max(1, n / 3);
        for (int i = 0; i < n; i++) {
            String id = "O" + i;
            String patient = "V" + random.nextInt(patients);
            Stamp start = stamp(randomWall());
            String[] admitted = {csvTime(start), fhirTime(start)};
            String[] discharged = {null, null};
            if (random.nextInt(100) < 80) {
                Stamp end = start.plusSeconds(3600 + random.nextInt(20 * 86_400));
                discharged = new String[] {csvTime(end), fhirTime(end)};
            }
            if (random.nextInt(100) < 4) invalidAdmission(start, admitted, discharged);
            writeAdmission(id, patient, admitted, discharged);
            if (random.nextInt(100) < 3) writeNoAdmission(patient, start);
        }
    }

    private void invalidAdmission(Stamp start, String[] admitted, String[] discharged) {
        switch (random.nextInt(4)) {
            case 0 -> {
                Stamp end = start.plusSeconds(-1 - random.nextInt(86_400));
                discharged[0] = csvTime(end);
                discharged[1] = fhirTime(end);
                plant(Admissions.ADMISSION, ReasonCode.END_BEFORE_START, "discharged_at");
            }
            case 1 -> {
                admitted[0] = pick("29-02-2026 08:00", "2026-02-29T08:00:00+01:00");
                admitted[1] = pick("2026-02-29T08:00:00+01:00", "2026-03-01T08:00:00");
                discharged[0] = null;
                discharged[1] = null;
                plant(Admissions.ADMISSION, ReasonCode.UNPARSABLE, "admitted_at");
            }
            case 2 -> {
                admitted[0] = null;
                admitted[1] = null;
                plant(Admissions.ADMISSION, ReasonCode.MISSING_FIELD, "admitted_at");
            }
            default -> {
                discharged[0] = "2026-06-31 12:00";
                discharged[1] = "2026-06-31T12:00:00+02:00";
                plant(Admissions.ADMISSION, ReasonCode.UNPARSABLE, "discharged_at");
            }
        }
    }

    private void writeAdmission(String id, String patient, String[] admitted, String[] discharged) {
        row(Admissions.ADMISSION, ',', id, patient, admitted[0], discharged[0]);
        FhirJson r = resource("Encounter", id).put("status", discharged[1] == null ? pick("in-progress", "onleave") : "finished");
        switch (random.nextInt(10)) {
            case 0 -> r.codingObject("class", ACT_CODE, "ACUTE");
            case 1 -> r.codingObject("class", ACT_CODE, "NONAC");
            case 2 -> r.codingObject("class", ZIB2024_ENCOUNTER_CLASS, "TA");
            default -> r.codingObject("class", ACT_CODE, "IMP");
        }
        subject(r, patient);
        r.period("period", admitted[1], discharged[1]);
        fhir("Encounter-admission", r);
    }

    /** An Encounter that is no admission (§6): a part of one, an outpatient visit, a planned or cancelled stay. */
    private void writeNoAdmission(String patient, Stamp start) {
        FhirJson r = resource("Encounter", "NO" + resources);
        switch (random.nextInt(3)) {
            case 0 -> r.put("status", "finished").codingObject("class", ZIB2024_ENCOUNTER_CLASS, "PA");
            case 1 -> r.put("status", "finished").codingObject("class", ACT_CODE, "AMB");
            default -> r.put("status", pick("planned", "cancelled")).codingObject("class", ACT_CODE, "IMP");
        }
        subject(r, patient);
        fhir("Encounter-admission", r.period("period", fhirTime(start), null));
    }

    // --- NUCHTER ---

    /** One anaesthesia procedure as both sides write it; null is absent. */
    private static final class Fasting {
        String id;
        String patient;
        Stamp induction;
        String csvInduction;
        String fhirInduction;
        String[] solid = {null, null};
        String[] clear = {null, null};
        /** The latest intake of each kind, for the FHIR side's earlier and ignored intakes around it. */
        Stamp solidAt;
        Stamp clearAt;
        boolean urgent;
    }

    private void fastingRecords(int n) {
        int patients = Math.max(1, n / 4);
        for (int i = 0; i < n; i++) {
            Fasting f = fasting("N" + i, patients);
            if (random.nextInt(100) < 5) invalidFasting(f);
            writeFasting(f);
        }
        writeFasting(springForwardIntake());
    }

    private Fasting fasting(String id, int patients) {
        Fasting f = new Fasting();
        f.id = id;
        f.induction = stamp(randomWall());
        f.csvInduction = csvTime(f.induction);
        f.fhirInduction = fhirTime(f.induction);
        f.patient = random.nextInt(10) == 0 ? eighteenthBirthday(f) : poolChild(patients);
        f.urgent = random.nextInt(100) < 15;
        if (random.nextInt(100) < 85) {
            long seconds = random.nextInt(3) == 0 ? anyOf(3599, 3600, 3659, 3660, 3661, 7199, 7200, 7259, 7260, 7261)
                    : 20 * 60 + random.nextInt(400 * 60);
            intake(f, false, f.induction.plusSeconds(-seconds));
        }
        if (random.nextInt(100) < 75) {
            long seconds = random.nextInt(4) == 0 ? anyOf(28_799, 28_800, 28_859, 28_860, 28_861, 72 * 3600)
                    : 240 * 60 + random.nextInt(900 * 60);
            intake(f, true, f.induction.plusSeconds(-seconds));
        }
        return f;
    }

    private void intake(Fasting f, boolean solid, Stamp at) {
        String[] texts = {csvTime(at), fhirTime(at)};
        if (solid) {
            f.solid = texts;
            f.solidAt = at;
        } else {
            f.clear = texts;
            f.clearAt = at;
        }
    }

    private String poolChild(int patients) {
        String patient = "K" + random.nextInt(patients);
        if (!children.containsKey(patient)) {
            // Born before 2025: no planted negative age by accident; up to 22 years, so adults occur too.
            children.put(patient, LocalDate.of(2002, 1, 1).plusDays(random.nextInt(23 * 365)));
        }
        return patient;
    }

    /** A child of its own, turning 18 on the local date of induction or the day after (§6: age on the local date). */
    private String eighteenthBirthday(Fasting f) {
        LocalDate inductionDate = LocalDateTime.ofInstant(f.induction.instant(), AMSTERDAM).toLocalDate();
        return ownChild(f.id, inductionDate.minusYears(18).plusDays(random.nextInt(2)));
    }

    private String ownChild(String id, LocalDate birthDate) {
        String patient = "KB-" + id;
        children.put(patient, birthDate);
        return patient;
    }

    private void invalidFasting(Fasting f) {
        switch (random.nextInt(8)) {
            case 0 -> {
                intake(f, false, f.induction.plusSeconds(1 + random.nextInt(1800)));
                plantFasting(ReasonCode.INTAKE_AFTER_INDUCTION, "last_clear_fluid_at");
            }
            case 1 -> {
                intake(f, true, f.induction.plusSeconds(1 + random.nextInt(1800)));
                plantFasting(ReasonCode.INTAKE_AFTER_INDUCTION, "last_solid_at");
            }
            case 2 -> {
                intake(f, true, f.induction.plusSeconds(-72 * 3600 - 1 - random.nextInt(86_400)));
                plantFasting(ReasonCode.IMPLAUSIBLE_DURATION, "last_solid_at");
            }
            case 3 -> {
                LocalDate inductionDate = LocalDateTime.ofInstant(f.induction.instant(), AMSTERDAM).toLocalDate();
                f.patient = ownChild(f.id, random.nextBoolean() ? inductionDate.plusDays(1 + random.nextInt(30))
                        : LocalDate.of(1899, 12, 31));
                plantFasting(ReasonCode.OUT_OF_RANGE, "birth_date");
            }
            case 4 -> {
                f.patient = ownChild(f.id, null);
                plantFasting(ReasonCode.MISSING_FIELD, "age_years");
            }
            case 5 -> {
                f.csvInduction = null;
                f.fhirInduction = null;
                plantFasting(ReasonCode.MISSING_FIELD, "induction_at");
            }
            case 6 -> {
                // The same text on both sides: a date without a time where a time is needed.
                f.csvInduction = f.induction.wall().toLocalDate().toString();
                f.fhirInduction = f.csvInduction;
                plantFasting(ReasonCode.UNPARSABLE, "induction_at");
            }
            default -> {
                f.clear = new String[] {pick("31-04-2025 10:00", "2025-04-31 10:00"),
                        pick("2025-04-31T10:00:00+02:00", "2025-04-30T10:00:00")};
                f.clearAt = null;
                plantFasting(ReasonCode.UNPARSABLE, "last_clear_fluid_at");
            }
        }
    }

    /** domain.md §2's example: a last intake at 02:38 on the spring-change day is 03:38 CEST, after induction at 03:22. */
    private Fasting springForwardIntake() {
        Fasting f = new Fasting();
        f.id = "N-spring";
        f.patient = ownChild(f.id, LocalDate.of(2020, 5, 5));
        f.induction = Stamp.ofWall(LocalDateTime.of(2025, 3, 30, 3, 22), false);
        f.csvInduction = "30-3-2025 3:22";
        f.fhirInduction = "2025-03-30T03:22:00+02:00";
        f.clear = new String[] {"2025-03-30 02:38", "2025-03-30T03:38:00+02:00"};
        plantFasting(ReasonCode.INTAKE_AFTER_INDUCTION, "last_clear_fluid_at");
        return f;
    }

    private void plantFasting(ReasonCode reason, String field) {
        plant(FastingTheme.NUCHTER, reason, field);
    }

    private void writeFasting(Fasting f) {
        LocalDate birth = children.get(f.patient);
        String birthText = birth == null ? null
                : random.nextBoolean() ? birth.toString() : DateTimeFormatter.ofPattern("d-M-uuuu").format(birth);
        String urgency = f.urgent ? pick("urgent", "spoed", "acuut", "Spoed") : pick(null, "elective", "electief", "Electief");
        row(FastingTheme.NUCHTER, ',', f.id, f.patient, birthText, f.csvInduction, f.solid[0], f.clear[0], urgency);

        FhirJson r = resource("Procedure", f.id).put("status", pick("completed", "completed", "in-progress"))
                .coding("code", SNOMED, pick("399097000", "399097000", "50697003"));
        String procedure = "Procedure/" + r.node().get("id").asText();
        subject(r, f.patient);
        if (random.nextInt(4) == 0 && f.fhirInduction != null) r.period("performedPeriod", f.fhirInduction, null);
        else r.put("performedDateTime", f.fhirInduction);
        String priority = f.urgent ? pick("EM", "UR") : pick(null, "R", "EL");
        if (priority != null || random.nextBoolean()) r.ref("encounter", encounter(f.patient, priority));
        fhir("Procedure-anaesthesia", r);
        intakes(f, procedure);
    }

    /** The procedure's Encounter, whose priority gives the urgency; an outpatient class, so no admission. */
    private String encounter(String patient, String priority) {
        FhirJson e = resource("Encounter", null).put("status", "finished").codingObject("class", ACT_CODE, "AMB");
        subject(e, patient);
        if (priority != null) e.coding("priority", ACT_PRIORITY, priority);
        fhir("Encounter-anaesthesia", e);
        return "Encounter/" + resources;
    }

    /** The last intakes, plus what FHIR sends around them: earlier ones of a kind, ignored statuses, breast milk. */
    private void intakes(Fasting f, String procedure) {
        intake(procedure, "solid", f.solid[1], "final");
        intake(procedure, "clear-fluid", f.clear[1], pick("final", "amended"));
        if (f.clearAt != null && random.nextInt(4) == 0) {
            intake(procedure, "clear-fluid", fhirTime(f.clearAt.plusSeconds(-60 - random.nextInt(7200))), "final");
        }
        if (f.solidAt != null && random.nextInt(4) == 0) {
            intake(procedure, "solid", fhirTime(f.solidAt.plusSeconds(-60 - random.nextInt(7200))), "corrected");
        }
        if (f.clearAt != null && random.nextInt(20) == 0) {
            intake(procedure, "clear-fluid", fhirTime(f.clearAt.plusSeconds(30 * 60)), pick("preliminary", "cancelled"));
        }
        if (random.nextInt(10) == 0) {
            intake(procedure, "breast-milk", fhirTime(f.induction.plusSeconds(-3600 - random.nextInt(3 * 3600))), "final");
        }
    }

    private void intake(String procedure, String kind, String at, String status) {
        if (at == null) return;
        fhir("Observation-intake", FhirJson.intake(String.valueOf(++resources), procedure, kind, at).put("status", status));
    }

    private void patients() {
        children.forEach((patient, birthDate) -> fhir("Patient",
                FhirJson.patient(patient, birthDate == null ? null : birthDate.toString())));
    }

    /** Valid input that bears no record (§6, "Counting"): vital signs, a Condition, pain scores of a non-final status. */
    private void otherResources() {
        for (int i = 0; i < 20; i++) {
            Stamp at = stamp(randomWall());
            fhir("Observation-other", FhirJson.resource("Observation", "vs" + i).put("status", "final")
                    .coding("code", LOINC, "8867-4").ref("subject", "Patient/P1").put("effectiveDateTime", fhirTime(at))
                    .put("valueInteger", 70 + i));
            fhir("Observation-other", FhirJson.painScore("pre" + i, "Patient/P1", fhirTime(at), "NRS", 8)
                    .put("status", pick("preliminary", "registered", "cancelled")));
            fhir("Condition", FhirJson.resource("Condition", "c" + i).ref("subject", "Patient/V1"));
        }
    }

    // --- both sides ---

    /** A point in time and the wall-clock time a CSV may write for it (in the spring gap, a time that never was). */
    private record Stamp(Instant instant, LocalDateTime wall) {

        /** As {@code LocalDateTime.atZone} reads it; in the autumn overlap optionally the later (winter) offset. */
        static Stamp ofWall(LocalDateTime wall, boolean laterOffset) {
            var zoned = wall.atZone(AMSTERDAM);
            return new Stamp((laterOffset ? zoned.withLaterOffsetAtOverlap() : zoned).toInstant(), wall);
        }

        static Stamp of(Instant instant) {
            return new Stamp(instant, LocalDateTime.ofInstant(instant, AMSTERDAM));
        }

        Stamp plusSeconds(long seconds) {
            return of(instant.plusSeconds(seconds));
        }

        /** Whether the CSV's local reading of the wall-clock time gives this instant (not so for the overlap's later half). */
        boolean localReadable() {
            return wall.atZone(AMSTERDAM).toInstant().equals(instant);
        }
    }

    private Stamp stamp(LocalDateTime wall) {
        return Stamp.ofWall(wall, random.nextBoolean());
    }

    /** Mostly anywhere in 2025–2026; often in a clock-change night or around New Year. */
    private LocalDateTime randomWall() {
        int k = random.nextInt(100);
        LocalDateTime wall;
        if (k < 12) wall = DST_DAYS[random.nextInt(DST_DAYS.length)].atStartOfDay().plusSeconds(random.nextInt(5 * 3600));
        else if (k < 16) wall = LocalDateTime.of(2025 + random.nextInt(2), 12, 31, 22, 0).plusSeconds(random.nextInt(4 * 3600));
        else wall = START.plusSeconds(random.nextLong(730L * 86_400));
        if (random.nextInt(3) != 0) wall = wall.withSecond(0);
        if (random.nextInt(10) == 0) wall = wall.withNano(random.nextInt(1_000_000_000));
        return wall;
    }

    private static final DateTimeFormatter[] CSV_LOCAL = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("d-M-uuuu H:mm:ss"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS"), DateTimeFormatter.ofPattern("dd-MM-uu HH:mm:ss")};
    private static final DateTimeFormatter[] CSV_LOCAL_MINUTES = {
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"), DateTimeFormatter.ofPattern("d-M-uuuu H:mm"),
            DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm"), DateTimeFormatter.ofPattern("d-M-uu H:mm")};
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter OFFSET_FRACTION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final DateTimeFormatter OFFSET_COMPACT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssxx");

    /**
     * A CSV date-time of one of §2's forms: local wall-clock time where that reads back to the instant, else
     * (and sometimes anyway) with an offset. A Dutch form drops the fraction, which truncation drops too.
     */
    private String csvTime(Stamp s) {
        if (!s.localReadable() || random.nextInt(4) == 0) {
            return switch (random.nextInt(3)) {
                case 0 -> s.instant().atZone(AMSTERDAM).format(OFFSET_FRACTION);
                case 1 -> s.instant().atOffset(ZoneOffset.UTC).format(OFFSET);
                default -> s.instant().atZone(AMSTERDAM).format(OFFSET_COMPACT);
            };
        }
        boolean minutes = s.wall().getSecond() == 0 && s.wall().getNano() == 0 && random.nextBoolean();
        return (minutes ? pick(CSV_LOCAL_MINUTES) : pick(CSV_LOCAL)).format(s.wall());
    }

    /** A FHIR dateTime: always an offset — Amsterdam's, UTC or a far one — sometimes with a fraction. */
    private String fhirTime(Stamp s) {
        return switch (random.nextInt(5)) {
            case 0 -> s.instant().atOffset(ZoneOffset.UTC).format(OFFSET);
            case 1 -> s.instant().atOffset(pick(ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-3))).format(OFFSET);
            case 2 -> s.instant().atZone(AMSTERDAM).format(OFFSET_FRACTION);
            default -> s.instant().atZone(AMSTERDAM).format(OFFSET);
        };
    }

    /** A number as a CSV writes it: a decimal point or comma, a whole number sometimes as {@code 4,0}. */
    private String csvNumber(BigDecimal value) {
        if (value == null) return null;
        String text = value.toPlainString();
        if (value.scale() <= 0 && random.nextInt(6) == 0) text += ".0";
        return random.nextBoolean() ? text.replace('.', ',') : text;
    }

    private FhirJson resource(String type, String recordId) {
        FhirJson r = FhirJson.resource(type, String.valueOf(++resources));
        return recordId == null ? r : r.identifier(IDS, recordId);
    }

    private static void subject(FhirJson r, String patient) {
        if (patient != null) r.ref("subject", "Patient/" + patient);
    }

    private void fhir(String file, FhirJson resource) {
        ndjson.computeIfAbsent(file, f -> new ArrayList<>()).add(resource.json());
    }

    private void plant(RecordType type, ReasonCode reason, String field) {
        planted.add(new Planted(type, reason, field));
    }

    private void header(RecordType type, String header) {
        csv.put(type, new StringBuilder(header).append(type == FastingTheme.NUCHTER ? "\r\n" : "\n"));
        lines.put(type, 0);
    }

    private void row(RecordType type, char separator, String... fields) {
        StringBuilder b = csv.get(type);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) b.append(separator);
            b.append(quoted(fields[i], separator));
        }
        b.append(type == FastingTheme.NUCHTER ? "\r\n" : "\n");
        lines.merge(type, 1, Integer::sum);
    }

    private static String quoted(String field, char separator) {
        if (field == null) return "";
        if (field.indexOf(separator) < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private long anyOf(long... options) {
        return options[random.nextInt(options.length)];
    }
}
