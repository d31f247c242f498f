package nl.verbeterhub.remote.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;

/**
 * The searches of one run (domain.md §6): the resource types and codes the mapping reads, each with what
 * its records need in the same run: the Patient (age, patient identifier), the Encounter (urgency) and the
 * intake Observations of an anaesthesia Procedure, by {@code _include} and {@code _revinclude}.
 */
final class Searches {

    static final String SNOMED = "http://snomed.info/sct|";
    static final String LOINC = "http://loinc.org|";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode|";
    private static final String ZIB2024_ENCOUNTER_CLASS = "urn:oid:2.16.840.1.113883.2.4.3.11.60.40.4.29.1|";
    static final String INTAKE_CODE = LOINC + "67517-3";
    private static final String HUB = "http://verbeterhub.nl/fhir/CodeSystem/";
    private static final String VMS = HUB + "vms-domain|";
    private static final String TRANSFER = HUB + "transfer-document|";
    private static final String FOLLOWUP = HUB + "result-followup|";
    /** What an anaesthesia Procedure needs in its run (the Patient for the age, the Encounter, the intakes). */
    static final String ANAESTHESIA_INCLUDES = "&_include=Procedure:subject&_include=Procedure:encounter"
            + "&_revinclude=Observation:part-of";

    /** What a search returns, for de-duplication within a run. */
    enum Kind {
        /** Pain Observations, admission Encounters (and their Patients): each once by nature. */
        PLAIN,
        /** Procedures, with the intakes they include: both may come again from another search. */
        PROCEDURES,
        /** Intake Observations: may have come with their Procedure; their Procedures may be missing. */
        INTAKES,
        /** A further theme's resources (a full read only): each written once, whichever search brought it. */
        THEME
    }

    /** One search: what it is for (named in failures), its query relative to the base URL, and its kind. */
    record Search(String purpose, String query, Kind kind) {
    }

    private Searches() {
    }

    /**
     * @param since the watermark ({@code _lastUpdated=ge}, the server's own precision), empty for a full read
     * @param withSubjects include every record's Patient (a patient identifier system needs it)
     */
    static List<Search> of(Optional<Instant> since, boolean withSubjects, int pageSize) {
        return of(since, withSubjects, pageSize, Set.of(), List.of());
    }

    /**
     * @param themes the further themes the connector lists: their searches join resources among themselves,
     *               so the loader allows them on a snapshot connector only, whose every run is a full read
     * @param inrCodes the LOINC codes of an INR Observation ({@code hub.themes.antistolling.fhir.inr-codes})
     */
    static List<Search> of(Optional<Instant> since, boolean withSubjects, int pageSize, Set<Theme> themes,
                           List<String> inrCodes) {
        String subject = withSubjects ? "&_include=%s:subject" : "";
        // An elderly admission's age is its Patient's birth date: its Encounter brings it.
        String encounterSubject = withSubjects || themes.contains(KwetsbaarTheme.THEME) ? "&_include=Encounter:subject" : "";
        List<Search> searches = new ArrayList<>();
        searches.add(new Search("pain Observation search", "Observation?code=" + codes(SNOMED + "225908003", LOINC + "72514-3",
                SNOMED + "108291000146105", SNOMED + "108301000146109") + subject.formatted("Observation"), Kind.PLAIN));
        searches.add(new Search("admission Encounter search", "Encounter?class=" + codes(ACT_CODE + "IMP", ACT_CODE + "ACUTE",
                ACT_CODE + "NONAC", ZIB2024_ENCOUNTER_CLASS + "TA") + encounterSubject, Kind.PLAIN));
        // Every Procedure: a VBI may be recognised by a versioned meta.profile alone, which no _profile search
        // matches; what the mapping does not recognise is ignored.
        searches.add(new Search("Procedure search", "Procedure?" + ANAESTHESIA_INCLUDES.substring(1), Kind.PROCEDURES));
        searches.add(new Search("intake Observation search", "Observation?code=" + codes(INTAKE_CODE), Kind.INTAKES));
        searches.addAll(themeSearches(themes, inrCodes, subject));
        String tail = "&_count=" + pageSize + since.map(s -> "&_lastUpdated=" + encode("ge" + s)).orElse("");
        return searches.stream().map(s -> new Search(s.purpose(), s.query() + tail, s.kind())).toList();
    }

    /** What themes.md §1.3, §2.3, §3.3 and §4.4 read, beyond the searches above. */
    private static List<Search> themeSearches(Set<Theme> themes, List<String> inrCodes, String subject) {
        List<Search> searches = new ArrayList<>();
        if (themes.contains(KwetsbaarTheme.THEME)) {
            searches.add(new Search("VMS screening Observation search", "Observation?code=" + codes(VMS + "delirium",
                    VMS + "falls", VMS + "malnutrition", VMS + "physical"), Kind.THEME));
            searches.add(new Search("transfer DocumentReference search", "DocumentReference?type=" + codes(LOINC + "18842-5",
                    TRANSFER + "discharge-letter", TRANSFER + "medication-overview"), Kind.THEME));
        }
        if (themes.contains(AntistollingTheme.THEME) && !inrCodes.isEmpty()) {
            searches.add(new Search("INR Observation search", "Observation?code="
                    + codes(inrCodes.stream().map(code -> LOINC + code).toArray(String[]::new)) + subject.formatted("Observation"),
                    Kind.THEME));
        }
        if (themes.contains(DiagnostiekTheme.THEME)) {
            searches.add(new Search("DiagnosticReport search", "DiagnosticReport?_include=DiagnosticReport:based-on"
                    + "&_include=DiagnosticReport:result" + subject.formatted("DiagnosticReport"), Kind.THEME));
            searches.add(new Search("result follow-up Task search", "Task?code=" + codes(FOLLOWUP + "acknowledged",
                    FOLLOWUP + "critical-notified"), Kind.THEME));
        }
        if (themes.contains(EigenTheme.THEME)) searches.add(new Search("MeasureReport search", "MeasureReport?", Kind.THEME));
        return searches;
    }

    /** The anaesthesia Procedures (and what they need) of intakes that changed without them, by id. */
    static Search procedures(List<String> ids, int pageSize) {
        return new Search("anaesthesia Procedure search by id", "Procedure?_id=" + codes(ids.toArray(String[]::new))
                + ANAESTHESIA_INCLUDES + "&_count=" + pageSize, Kind.PROCEDURES);
    }

    private static String codes(String... codes) {
        return Arrays.stream(codes).map(Searches::encode).collect(Collectors.joining(","));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
