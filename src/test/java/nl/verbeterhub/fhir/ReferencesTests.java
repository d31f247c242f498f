package nl.verbeterhub.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** One form for every way a reference is written (domain.md §6, "Identity", "Joins"), and nothing for what cannot resolve. */
class ReferencesTests {

    /** The longest id and type name there are: constants, as annotation values must be. */
    private static final String ID_64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-";
    private static final String ID_257 = ID_64 + ID_64 + ID_64 + ID_64 + "a";
    private static final String TYPE_64 = "PabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijk";

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "Patient/1 Patient/1",
            "Patient/a.b-C9 Patient/a.b-C9",
            "http://x/fhir/Patient/1 Patient/1",
            "https://fhir.example.org:8443/r4/base/Encounter/e-1.2 Encounter/e-1.2",
            "Patient/1/_history/2 Patient/1",
            "http://x/fhir/Patient/1/_history/2 Patient/1",
            "/Patient/1 Patient/1",
            "Procedure/" + ID_64 + " Procedure/" + ID_64,
            TYPE_64 + "/1 " + TYPE_64 + "/1",
            "urn:uuid:9d4e4f4c-3b0a-4b8e-9d3c-1f2a3b4c5d6e urn:uuid:9d4e4f4c-3b0a-4b8e-9d3c-1f2a3b4c5d6e",
            "urn:oid:2.16.840.1.113883.2.4.6.3 urn:oid:2.16.840.1.113883.2.4.6.3"})
    void canonicalFormOfWhatResolves(String reference, String canonical) {
        assertThat(References.canonical(reference)).isEqualTo(canonical);
    }

    @Test
    void aRelativeReferenceIsItsOwnCanonicalForm() {
        String reference = new String("Patient/1".toCharArray());
        assertThat(References.canonical(reference)).isSameAs(reference);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            " ", "\t",
            // contained and conditional: nothing outside the resource or the server's search
            "#p", "#", "Patient?identifier=a|b", "http://x/fhir/Patient?identifier=http://fhir.nl/fhir/NamingSystem/bsn|1",
            "Patient/1?_format=json",
            // no id
            "Patient", "Patient/", "http://x/fhir/Patient/", "Patient/1/_history/2/", "_history/2", "Patient/_history/2",
            "/1", "1",
            // bad type: lower case, a digit, one letter, too long, none
            "patient/1", "Pat1ent/1", "P/1", "http://x/" + TYPE_64 + "a/1", "/Patient//1", "Patient//1",
            // bad id: a space, a colon, no ASCII, too long (FHIR's 64 tolerated up to 256), a trailing space
            "Patient/a b", "Patient/a:b", "Patient/é", "Patient/1 ", "Patient/" + ID_257,
            "Patient/1/_history", "Patient/1/extra",
            // a URN the hub does not resolve
            "urn:isbn:0451450523", "URN:UUID:9d4e4f4c"})
    void noCanonicalFormForWhatCannotResolve(String reference) {
        assertThat(References.canonical(reference)).isNull();
    }

    @Test
    void urnsAreUuidAndOidOnly() {
        assertThat(References.isUrn("urn:uuid:9d4e4f4c-3b0a-4b8e-9d3c-1f2a3b4c5d6e")).isTrue();
        assertThat(References.isUrn("urn:oid:1.2.3")).isTrue();
        assertThat(References.isUrn("urn:isbn:1")).isFalse();
        assertThat(References.isUrn("Patient/urn:uuid:1")).isFalse();
        assertThat(References.isUrn("http://x/urn:uuid:1")).isFalse();
    }

    @Test
    void typeOfACanonicalReference() {
        assertThat(References.type("Patient/1")).isEqualTo("Patient");
        assertThat(References.type("Encounter/a.b-c")).isEqualTo("Encounter");
        assertThat(References.type("urn:uuid:9d4e4f4c-3b0a-4b8e-9d3c-1f2a3b4c5d6e")).isNull();
        assertThat(References.type("urn:oid:1.2.3")).isNull();
        assertThat(References.type("Patient")).isNull();
    }

    @Test
    void isOfTypeMatchesTheWholeTypeName() {
        assertThat(References.isOfType("Patient/1", "Patient")).isTrue();
        assertThat(References.isOfType(References.canonical("http://x/fhir/Patient/1/_history/3"), "Patient")).isTrue();
        assertThat(References.isOfType("PatientX/1", "Patient")).isFalse();
        assertThat(References.isOfType("Patien/1", "Patient")).isFalse();
        assertThat(References.isOfType("Group/1", "Patient")).isFalse();
        assertThat(References.isOfType("Patient/", "Patient")).as("no id").isFalse();
        assertThat(References.isOfType("urn:uuid:1", "Patient")).isFalse();
    }

    @Test
    void selfIsTypeAndIdElseTheFullUrl() {
        assertThat(References.self(resource("Procedure", "n-1.2"), null)).isEqualTo("Procedure/n-1.2");
        assertThat(References.self(resource("Procedure", "n1"), "urn:uuid:9d4e4f4c")).as("the id wins")
                .isEqualTo("Procedure/n1");
        assertThat(References.self(resource("Procedure", null), "urn:uuid:9d4e4f4c")).isEqualTo("urn:uuid:9d4e4f4c");
        assertThat(References.self(resource("Procedure", null), "http://x/fhir/Procedure/n1/_history/4"))
                .isEqualTo("Procedure/n1");
        assertThat(References.self(resource("Patient", "a b"), "urn:oid:1.2.3")).as("an invalid id is no id")
                .isEqualTo("urn:oid:1.2.3");
        assertThat(References.self(resource("Patient", ID_257), null)).as("an over-long id is no id").isNull();
        assertThat(References.self(resource("Patient", ID_64 + "_a"), null)).as("beyond FHIR's grammar, as systems send")
                .isEqualTo("Patient/" + ID_64 + "_a");
        assertThat(References.self(resource("Patient", ""), "#p")).isNull();
        assertThat(References.self(resource("Patient", null), null)).isNull();
    }

    private static FhirResource resource(String type, String id) {
        FhirResource r = new FhirResource();
        r.resourceType = type;
        r.id = id;
        return r;
    }
}
