package nl.verbeterhub.fhir;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.antistolling.AntistollingSettings;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekSettings;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.eigen.OwnGoals;
import nl.verbeterhub.theme.nuchter.FastingRowParser;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainScale;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;

/**
 * What a resource is to the hub: the rows of domain.md §6's mapping table — which record it bears, whether
 * its status makes it one, its pain scale and its VBI score — matched on system and code. A resource that
 * matches no row is no record, whatever it measures.
 */
public final class FhirMapping {

    /** What a resource's status makes of a recognised record (domain.md §6, "Status"). */
    enum Status {
        /** A record. */
        COUNTED,
        /** {@code entered-in-error}: removes an earlier record of its id. */
        REMOVED,
        /** Another status of the resource's value set: not a record. */
        NOT_COUNTED,
        /** No status, which R4 requires. */
        MISSING,
        /** A status outside the resource's value set. */
        INVALID
    }

    /** The kind of a last-intake Observation; the column of the NUCHTER row it fills. */
    enum IntakeKind {
        SOLID("solid", FastingTheme.NUCHTER.column("last_solid_at")),
        CLEAR_FLUID("clear-fluid", FastingTheme.NUCHTER.column("last_clear_fluid_at")),
        BREAST_MILK("breast-milk", FastingRowParser.BREAST_MILK);

        final String code;
        final int column;

        IntakeKind(String code, int column) {
            this.code = code;
            this.column = column;
        }
    }

    private final PainScales scales;
    private final VbiScores vbiScores;
    /** LOINC codes of an INR Observation ({@code hub.themes.antistolling.fhir.inr-codes}). */
    final Set<String> inrCodes;
    /** HL7 v2 0074 code, upper case → discipline ({@code hub.themes.diagnostiek.fhir.discipline-codes}). */
    final Map<String, String> disciplines;
    /** Critical interpretation codes, upper case ({@code hub.themes.diagnostiek.fhir.critical-interpretation-codes}). */
    final Set<String> criticalCodes;
    /** The hospitals' own-goal definitions: a MeasureReport's month id spells its indicator as they do. */
    final OwnGoals ownGoals;

    public FhirMapping(PainScales scales, VbiScores vbiScores) {
        this(scales, vbiScores, ThemeSettings.defaults());
    }

    public FhirMapping(PainScales scales, VbiScores vbiScores, ThemeSettings themes) {
        this.scales = scales;
        this.vbiScores = vbiScores;
        this.inrCodes = Set.copyOf(themes.of(AntistollingTheme.THEME, AntistollingSettings.class).fhirInrCodes());
        Map<String, String> disciplines = new HashMap<>();
        themes.of(DiagnostiekTheme.THEME, DiagnostiekSettings.class).fhirDisciplineCodes().forEach((code, discipline) ->
                disciplines.put(code.toUpperCase(Locale.ROOT), discipline));
        this.disciplines = Map.copyOf(disciplines);
        this.ownGoals = themes.of(EigenTheme.THEME, OwnGoals.class);
        this.criticalCodes = themes.of(DiagnostiekTheme.THEME, DiagnostiekSettings.class).fhirCriticalInterpretationCodes().stream()
                .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The record the resource bears, or null when it matches no row of the table. */
    RecordType recordType(FhirResource r) {
        return switch (r.resourceType) {
            case "Observation" -> isPain(r) ? PainTheme.PIJN : null;
            // A VBI by category or profile first: an anaesthesia code on it does not make it a procedure.
            case "Procedure" -> isVbi(r) ? VbiTheme.VBI : isAnaesthesia(r) ? FastingTheme.NUCHTER : null;
            case "Encounter" -> isAdmission(r) ? Admissions.ADMISSION : null;
            default -> null;
        };
    }

    private static boolean isPain(FhirResource r) {
        return r.code.has(Codes.SNOMED, Codes.PAIN_SCORE) || r.code.has(Codes.LOINC, Codes.NRS_LOINC)
                || r.code.has(Codes.SNOMED, Codes.FLACC) || r.code.has(Codes.SNOMED, Codes.COMFORT);
    }

    private static boolean isVbi(FhirResource r) {
        if (r.category.has(Codes.SNOMED, Codes.VBI_CATEGORY_2020) || r.category.has(Codes.SNOMED, Codes.VBI_CATEGORY_2024)) {
            return true;
        }
        return r.profiles.stream().anyMatch(p -> Codes.isProfile(p, Codes.VBI_PROFILE));
    }

    private static boolean isAnaesthesia(FhirResource r) {
        for (String code : Codes.ANAESTHESIA) {
            if (r.code.has(Codes.SNOMED, code)) return true;
        }
        return false;
    }

    static boolean isAdmission(FhirResource r) {
        for (String code : Codes.ADMISSION_CLASSES) {
            if (r.encounterClass.has(Codes.ACT_CODE, code)) return true;
        }
        return r.encounterClass.has(Codes.ZIB2024_ENCOUNTER_CLASS, Codes.ZIB2024_ADMISSION);
    }

    /** The kind of a last-intake Observation (LOINC 67517-3 with a coding of the hub's intake-kind system), or null. */
    static IntakeKind intakeKind(FhirResource r) {
        if (!"Observation".equals(r.resourceType) || !r.code.has(Codes.LOINC, Codes.LAST_INTAKE)) return null;
        for (IntakeKind kind : IntakeKind.values()) {
            if (r.code.has(Codes.INTAKE_KIND, kind.code)) return kind;
        }
        return null;
    }

    /** What the resource's status makes of it (domain.md §6, "Status"; themes.md §0.6). */
    static Status status(FhirResource r) {
        if (r.status == null) return Status.MISSING;
        var valueSet = switch (r.resourceType) {
            case "Observation" -> Codes.OBSERVATION_STATUSES;
            case "Procedure" -> Codes.PROCEDURE_STATUSES;
            case "DiagnosticReport" -> Codes.DIAGNOSTIC_REPORT_STATUSES;
            case "DocumentReference" -> Codes.DOCUMENT_REFERENCE_STATUSES;
            case "Task" -> Codes.TASK_STATUSES;
            case "MeasureReport" -> Codes.MEASURE_REPORT_STATUSES;
            case "ServiceRequest" -> Codes.SERVICE_REQUEST_STATUSES;
            default -> Codes.ENCOUNTER_STATUSES;
        };
        if (!valueSet.contains(r.status)) return Status.INVALID;
        if (r.status.equals(Codes.ENTERED_IN_ERROR)) return Status.REMOVED;
        boolean counted = switch (r.resourceType) {
            case "Observation" -> Codes.OBSERVATION_COUNTED.contains(r.status);
            case "Procedure" -> Codes.PROCEDURE_COUNTED.contains(r.status);
            case "DiagnosticReport" -> Codes.DIAGNOSTIC_REPORT_COUNTED.contains(r.status);
            case "DocumentReference" -> r.status.equals("current");
            case "Task" -> r.status.equals("completed");
            case "MeasureReport" -> r.status.equals("complete");
            case "ServiceRequest" -> !r.status.equals("draft");
            default -> Codes.ENCOUNTER_COUNTED.contains(r.status);
        };
        return counted ? Status.COUNTED : Status.NOT_COUNTED;
    }

    /**
     * The pain scale of a pain Observation, by the name the hub's configuration knows it, or null for
     * {@code UNKNOWN_SCALE}: SNOMED 225908003 with a known method (nl-core's NRS, VAS10, VAS100, or a scale
     * of the hub's own method system), LOINC 72514-3 as NRS, the FLACC and COMFORT codes.
     */
    String scale(FhirResource r) {
        if (r.code.has(Codes.SNOMED, Codes.PAIN_SCORE)) {
            for (int i = 0; i < r.method.size(); i++) {
                String system = r.method.system(i);
                String code = r.method.code(i);
                if (code == null) continue;
                if (Codes.PAIN_METHOD.equals(system) && Codes.PAIN_METHOD_CODES.contains(code)) return known(code);
                if (Codes.HUB_PAIN_SCALE.equals(system) && scales.find(code) != null) return scales.find(code).name();
            }
        }
        if (r.code.has(Codes.LOINC, Codes.NRS_LOINC)) return known("NRS");
        if (r.code.has(Codes.SNOMED, Codes.FLACC)) return known("FLACC");
        if (r.code.has(Codes.SNOMED, Codes.COMFORT)) return known("COMFORT");
        return null;
    }

    private String known(String name) {
        PainScale scale = scales.find(name);
        return scale == null ? null : scale.name();
    }

    /**
     * A VBI's score as text: the hub's extension first (its valueInteger; null when it has none, which
     * is unparsable), else the table by the intervention's code; empty when neither gives one.
     */
    Optional<String> vbiScore(FhirResource r) {
        if (r.vbiScoreExtension) return Optional.ofNullable(r.vbiScore).or(() -> Optional.of(UNREADABLE_SCORE));
        Integer score = vbiScores.score(r.code);
        return score == null ? Optional.empty() : Optional.of(score.toString());
    }

    /** Stands for a score extension without an integer: no score parses it. */
    static final String UNREADABLE_SCORE = "?";

    /**
     * A record's id (domain.md §6, "Identity"): the value of its identifier in the connector's system when
     * one is configured, else of its first identifier; else {@code {resourceType}/{id}}; else, in a Bundle,
     * the {@code Type/id} of a RESTful {@code fullUrl}; null when it has none of these.
     */
    static String recordId(FhirResource r, Optional<String> system, String fullUrl) {
        for (int i = 0; i < r.identifiers.size(); i++) {
            String value = r.identifiers.code(i);
            if (value == null || value.isBlank()) continue;
            if (system.isEmpty() || system.get().equals(r.identifiers.system(i))) return value;
        }
        if (r.id != null && !r.id.isBlank()) return r.resourceType + "/" + r.id;
        // A RESTful fullUrl names the resource as its id would; a urn:uuid: is new with every export.
        String canonical = fullUrl == null ? null : References.canonical(fullUrl);
        return canonical == null || References.isUrn(canonical) ? null : canonical;
    }
}
