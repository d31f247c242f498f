package nl.verbeterhub.fhir;

import java.util.Optional;
import nl.verbeterhub.pseudonym.Pseudonymizer;

/**
 * Who a record is about (domain.md §6, "Identity"). Without a patient identifier system, the patient is
 * the subject reference itself ({@code Patient/{id}}, a {@code urn:uuid:} resolved through the Bundle's
 * {@code fullUrl}), pseudonymised like a CSV patient number. With one, it is that identifier of the
 * Patient in the same extract, or of the Patient the connector delivered before; else it is unresolved.
 */
final class Subjects {

    /** A record's subject as far as it resolves; {@link #missing()} when the record names none. */
    static final class Subject {
        private static final Subject MISSING = new Subject(null, null, null, null, false);
        private static final Subject UNRESOLVED = new Subject(null, null, null, null, true);

        /** What the core pseudonymises, unless {@link #pseudonym} is already known. */
        final String text;
        final byte[] pseudonym;
        /** The Patient's canonical reference, or null when only its join key is known (a URN). */
        final String canonical;
        private byte[] key;
        final boolean unresolved;

        private Subject(String text, byte[] pseudonym, String canonical, byte[] key, boolean unresolved) {
            this.text = text;
            this.pseudonym = pseudonym;
            this.canonical = canonical;
            this.key = key;
            this.unresolved = unresolved;
        }

        boolean missing() {
            return text == null && !unresolved;
        }
    }

    private static final String CONDITIONAL = "Patient?";
    /** Not a reference's form (those start with a type or {@code urn:}): no identifier key meets a reference's. */
    private static final String IDENTIFIER_KEY = "identifier|";

    private final JoinStore join;
    private final Pseudonymizer pseudonyms;
    private final String agb;
    private final Optional<String> patientSystem;
    private final EarlierPatients earlier;

    Subjects(JoinStore join, Pseudonymizer pseudonyms, String agb, Optional<String> patientSystem,
             EarlierPatients earlier) {
        this.join = join;
        this.pseudonyms = pseudonyms;
        this.agb = agb;
        this.patientSystem = patientSystem;
        this.earlier = earlier;
    }

    boolean byIdentifier() {
        return patientSystem.isPresent();
    }

    Subject of(FhirResource r) {
        String reference = r.subjectReference;
        if (reference == null) {
            if (r.subjectIdentifierValue == null && r.subjectIdentifierSystem == null) return Subject.MISSING;
            return byIdentifier(r.subjectIdentifierSystem, r.subjectIdentifierValue);
        }
        if (reference.startsWith(CONDITIONAL)) {
            // Patient?identifier=system|value, common in transaction Bundles: the same as a subject identifier.
            String[] identifier = BundleRequests.identifier(reference.substring(CONDITIONAL.length()));
            return identifier == null ? Subject.UNRESOLVED : byIdentifier(identifier[0], identifier[1]);
        }
        String canonical = References.canonical(reference);
        if (canonical == null) return Subject.UNRESOLVED;
        byte[] key = null;
        byte[] pseudonym = null;
        if (References.isUrn(canonical)) {
            byte[] alias = join.get(join.key(JoinStore.ALIAS, canonical));
            if (alias == null || alias[0] != Aliases.PATIENT) return Subject.UNRESOLVED;
            key = Aliases.key(alias, JoinStore.PATIENT);
            pseudonym = Aliases.pseudonym(alias);
            canonical = null;
        } else if (!References.isOfType(canonical, "Patient")) {
            return Subject.UNRESOLVED;
        }
        // The canonical form is what is pseudonymised: Patient/1 however it is written (domain.md §6, "Identity").
        String text = canonical == null ? reference : canonical;
        if (!byIdentifier()) return new Subject(text, pseudonym, canonical, key, false);
        Subject subject = new Subject(text, null, canonical, key, false);
        byte[] facts = join.get(key(subject));
        pseudonym = PatientFacts.identifierPseudonym(facts);
        if (pseudonym == null && canonical != null) pseudonym = earlier.pseudonym(canonical);
        return pseudonym == null ? Subject.UNRESOLVED : new Subject(text, pseudonym, canonical, subject.key, false);
    }

    /** A subject named by identifier alone resolves with a patient identifier system of the same system. */
    private Subject byIdentifier(String system, String value) {
        if (!byIdentifier() || !patientSystem.get().equals(system) || value == null || value.isBlank()) {
            return Subject.UNRESOLVED;
        }
        return new Subject(value, pseudonyms.patient(agb, value), null, identifierKey(value), false);
    }

    /** Where a Patient's facts are found by its identifier in the patient identifier system. */
    byte[] identifierKey(String value) {
        return join.key(JoinStore.PATIENT, IDENTIFIER_KEY + value);
    }

    /** The join key of the subject's Patient, for its birth date. */
    byte[] key(Subject subject) {
        if (subject.key == null) subject.key = join.key(JoinStore.PATIENT, subject.canonical);
        return subject.key;
    }
}
