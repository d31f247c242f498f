package nl.verbeterhub.fhir;

import java.util.Map;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;

/**
 * KWETSBAAR from FHIR (themes.md §1.3): every admission Encounter is also an elderly admission; its VMS
 * screening Observations and its transfer documents (DocumentReference) name it, are read first (records
 * pass) and kept per Encounter, earliest per domain and per kind. Those whose Encounter is not in the
 * extract are ignored: the record is its Encounter.
 */
final class KwetsbaarRows {

    private static final RecordType TYPE = KwetsbaarTheme.KWETSBAAR;
    private static final int PATIENT = TYPE.column("patient_id");
    private static final int BIRTH_DATE = TYPE.column("birth_date");
    private static final int ADMITTED_AT = TYPE.column("admitted_at");
    private static final int DISCHARGED_AT = TYPE.column("discharged_at");
    private static final int DESTINATION = TYPE.column("discharge_destination");
    /** The vms-domain codes, in slot order; their columns follow. */
    private static final String[] DOMAINS = {"delirium", "falls", "malnutrition", "physical"};
    private static final int[] SCREENED = {TYPE.column("delirium_screened_at"), TYPE.column("falls_screened_at"),
            TYPE.column("malnutrition_screened_at"), TYPE.column("physical_screened_at")};
    private static final int LETTER_SLOT = 4;
    private static final int OVERVIEW_SLOT = 5;
    private static final int LETTER = TYPE.column("letter_sent_at");
    private static final int OVERVIEW = TYPE.column("medication_overview_sent_at");
    /** zib BestemmingCodelijst's SNOMED codes; any other code is {@code other}. */
    private static final Map<String, String> DESTINATIONS = Map.of("264362003", "home", "42665001", "nursing_home",
            "80522000", "rehabilitation", "284546000", "hospice", "22232009", "hospital", "62480006",
            "psychiatric_hospital", "183676005", "deceased", "445060000", "against_advice");

    private final JoinStore join;
    private final Joins joins;
    private final RowSubjects subjects;

    KwetsbaarRows(JoinStore join, Joins joins, RowSubjects subjects) {
        this.join = join;
        this.joins = joins;
        this.subjects = subjects;
    }

    /** Whether the Observation is a VMS screening; if so, its time is kept for its admission. */
    boolean screening(FhirResource r) {
        int domain = domain(r);
        if (domain < 0) return false;
        if (FhirMapping.status(r) == FhirMapping.Status.COUNTED && r.encounterReference != null) {
            String time = r.effectiveDateTime != null ? r.effectiveDateTime : r.effectivePeriodStart;
            note(r.encounterReference, domain, time);
        }
        return true;
    }

    private static int domain(FhirResource r) {
        for (int i = 0; i < DOMAINS.length; i++) {
            if (r.code.has(Codes.VMS_DOMAIN, DOMAINS[i])) return i;
        }
        return -1;
    }

    /** A current DocumentReference: a discharge letter or medication overview of each admission it names. */
    void document(FhirResource r) {
        if (FhirMapping.status(r) != FhirMapping.Status.COUNTED) return;
        boolean letter = r.type.has(Codes.LOINC, Codes.DISCHARGE_LETTER_LOINC)
                || r.type.has(Codes.TRANSFER_DOCUMENT, "discharge-letter");
        boolean overview = r.type.has(Codes.TRANSFER_DOCUMENT, "medication-overview");
        for (String encounter : r.contextEncounters) {
            if (letter) note(encounter, LETTER_SLOT, r.date);
            if (overview) note(encounter, OVERVIEW_SLOT, r.date);
        }
    }

    private void note(String encounterReference, int slot, String time) {
        byte[] key = joins.key(encounterReference, "Encounter", Aliases.ENCOUNTER, JoinStore.ADMISSION_FACTS);
        if (key != null) TimeSlots.earliest(join.entry(key), slot, time);
    }

    /** The elderly admission of an admission Encounter, read in the joined pass. */
    FhirRow row(FhirResource r, String id, String fullUrl) {
        FhirRow row = new FhirRow(TYPE.columns().size()).set(0, id);
        Subjects.Subject subject = subjects.subject(row, r, PATIENT);
        subjects.birthDate(row, subject, PATIENT, BIRTH_DATE);
        row.time(ADMITTED_AT, r.periodStart).time(DISCHARGED_AT, r.periodEnd);
        String destination = destination(r);
        if (destination != null) row.set(DESTINATION, destination);
        String self = References.self(r, fullUrl);
        byte[] facts = self == null ? null : join.get(join.key(JoinStore.ADMISSION_FACTS, self));
        for (int i = 0; i < SCREENED.length; i++) row.instant(SCREENED[i], TimeSlots.of(facts, i));
        row.instant(LETTER, TimeSlots.of(facts, LETTER_SLOT));
        return row.instant(OVERVIEW, TimeSlots.of(facts, OVERVIEW_SLOT));
    }

    /** The first SNOMED code of the table; any other code is {@code other}; none, no destination. */
    private static String destination(FhirResource r) {
        Codings d = r.dischargeDisposition;
        boolean coded = false;
        for (int i = 0; i < d.size(); i++) {
            if (d.code(i) == null) continue;
            coded = true;
            if (Codes.SNOMED.equals(d.system(i)) && DESTINATIONS.containsKey(d.code(i))) return DESTINATIONS.get(d.code(i));
        }
        return coded ? "other" : null;
    }
}
