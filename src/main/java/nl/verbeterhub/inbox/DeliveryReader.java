package nl.verbeterhub.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.extract.PatientLinks;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.fhir.EarlierPatients;
import nl.verbeterhub.fhir.FhirExtract;
import nl.verbeterhub.fhir.FhirReading;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.state.RecordStore;

/** Turns what was dropped in a connector's inbox into a {@link Delivery}: the one place that knows each source type's files. */
public final class DeliveryReader {

    private final HubProperties properties;
    private final FhirReading fhir;
    private final RecordStore store;
    private final PseudonymSecret secret;

    /** @param store the local state, where the Patients a FHIR connector delivered before are linked */
    public DeliveryReader(HubProperties properties, FhirReading fhir, RecordStore store, PseudonymSecret secret) {
        this.properties = properties;
        this.fhir = fhir;
        this.store = store;
        this.secret = secret;
    }

    /** The Patients this connector delivered before, when a patient identifier system makes them matter. */
    private EarlierPatients earlierPatients(ConnectorConfig connector) {
        if (connector.fhir().patientIdentifierSystem().isEmpty()) return EarlierPatients.NONE;
        Pseudonymizer pseudonyms = new Pseudonymizer(secret, 1);
        return canonical -> store.patientOf(PatientLinks.key(pseudonyms, connector.agb(), connector.id(), canonical));
    }

    public Delivery open(ConnectorConfig connector, Path delivered) throws UnusableFileException, IOException {
        String name = delivered.getFileName().toString();
        // By what the inbox holds, not by the connector's type: a remote connector delivers CSV or FHIR into it.
        if (connector.readsFhir()) {
            FhirExtract extract = FhirExtract.delivered(delivered);
            return new Delivery(extract.name(), extract.sha256(),
                    fhir.source(extract, connector.agb(), connector.fhir(), earlierPatients(connector)));
        }
        if (!Files.isRegularFile(delivered)) {
            throw new UnusableFileException(UnusableFileException.Reason.UNSUPPORTED_FILE, "not a file");
        }
        return new Delivery(name, Sha256.of(delivered),
                new CsvRecordSource(delivered, name, connector.csv().options(properties.csv().maxLineBytes())));
    }
}
