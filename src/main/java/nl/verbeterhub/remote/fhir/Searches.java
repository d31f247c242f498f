package nl.verbeterhub.remote.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
        INTAKES
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
        String subject = withSubjects ? "&_include=%s:subject" : "";
        List<Search> searches = new ArrayList<>();
        searches.add(new Search("pain Observation search", "Observation?code=" + codes(SNOMED + "225908003", LOINC + "72514-3",
                SNOMED + "108291000146105", SNOMED + "108301000146109") + subject.formatted("Observation"), Kind.PLAIN));
        searches.add(new Search("admission Encounter search", "Encounter?class=" + codes(ACT_CODE + "IMP", ACT_CODE + "ACUTE",
                ACT_CODE + "NONAC", ZIB2024_ENCOUNTER_CLASS + "TA") + subject.formatted("Encounter"), Kind.PLAIN));
        // Every Procedure: a VBI may be recognised by a versioned meta.profile alone, which no _profile search
        // matches; what the mapping does not recognise is ignored.
        searches.add(new Search("Procedure search", "Procedure?" + ANAESTHESIA_INCLUDES.substring(1), Kind.PROCEDURES));
        searches.add(new Search("intake Observation search", "Observation?code=" + codes(INTAKE_CODE), Kind.INTAKES));
        String tail = "&_count=" + pageSize + since.map(s -> "&_lastUpdated=" + encode("ge" + s)).orElse("");
        return searches.stream().map(s -> new Search(s.purpose(), s.query() + tail, s.kind())).toList();
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
