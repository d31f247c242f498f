package nl.verbeterhub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.verbeterhub.connector.ConnectorType;
import org.junit.jupiter.api.Test;

/** A file name from a request is never a path (issue 17, push upload). */
class UploadNamesTests {

    @Test
    void onlyTheLastSegmentAndSafeCharactersAreKept() {
        assertThat(UploadNames.name("../../etc/passwd.csv", null, null, ConnectorType.CSV_INBOX)).isEqualTo("passwd.csv");
        assertThat(UploadNames.name("..\\..\\x.csv", null, null, ConnectorType.CSV_INBOX)).isEqualTo("x.csv");
        assertThat(UploadNames.name(".hidden.csv", null, null, ConnectorType.CSV_INBOX)).isEqualTo("hidden.csv");
        assertThat(UploadNames.name("pijn mei;rm -rf.csv", null, null, ConnectorType.CSV_INBOX)).isEqualTo("pijn_mei_rm_-rf.csv");
        assertThat(UploadNames.name(null, "attachment; filename=\"../a.ndjson\"", null, ConnectorType.FHIR_INBOX)).isEqualTo("a.ndjson");
        assertThat(UploadNames.name(null, null, "application/fhir+json", ConnectorType.FHIR_INBOX)).isEqualTo("upload.json");
        assertThat(UploadNames.name(null, null, "text/csv; charset=utf-8", ConnectorType.CSV_INBOX)).isEqualTo("upload.csv");
        assertThat(UploadNames.name("x".repeat(300) + ".csv", null, null, ConnectorType.CSV_INBOX)).hasSize(100).endsWith(".csv");
        assertThat(UploadNames.name("report." + "x".repeat(95) + ".csv", null, null, ConnectorType.CSV_INBOX))
                .as("the cut must not bring a leading dot back").doesNotStartWith(".").endsWith(".csv");
    }

    @Test
    void theNameMustBeWhatTheConnectorReads() {
        assertThatThrownBy(() -> UploadNames.name("a.exe", null, null, ConnectorType.CSV_INBOX))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(415));
        assertThatThrownBy(() -> UploadNames.name("a.csv", null, null, ConnectorType.FHIR_INBOX)).isInstanceOf(ApiException.class);
    }
}
