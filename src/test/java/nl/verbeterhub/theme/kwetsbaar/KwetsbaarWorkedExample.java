package nl.verbeterhub.theme.kwetsbaar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** themes.md §1.6's published values, literally: one place for the CSV and the FHIR delivery of the example. */
public final class KwetsbaarWorkedExample {

    private KwetsbaarWorkedExample() {
    }

    public static void assertPublishedValues(ObjectNode draft) {
        ObjectNode i = (ObjectNode) draft.get("indicators");
        assertThat(i.get("admissions").asLong()).isEqualTo(5);
        assertThat(i.get("patients").asLong()).isEqualTo(4);
        assertThat(i.get("screenedAllDomainsShare").decimalValue()).isEqualByComparingTo("0.3333");
        JsonNode byDomain = i.get("screenedByDomainShare");
        assertThat(byDomain.get("delirium").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(byDomain.get("falls").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(byDomain.get("malnutrition").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(byDomain.get("physical").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(i.get("discharges").asLong()).isEqualTo(3);
        assertThat(i.get("letterOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(i.get("medicationOverviewOnTimeShare").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(i.get("transferOnTimeShare").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(i.get("letterMinutes").toString()).isEqualTo("{\"median\":1439,\"p90\":3660}");
        assertThat(i.get("observedUntil").asText()).isEqualTo("2026-04-20T10:00:00+02:00");
        assertThat(draft.at("/period/dataUntil").asText()).isEqualTo("2026-04-20T10:00:00+02:00");
        assertThat(draft.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 5 opnames van 70-plussers geregistreerd; "
                + "tijdig gescreend op alle vier VMS-domeinen: 33,3%; ontslagbrief en medicatieoverzicht op tijd: 50,0%.");
    }
}
