package nl.verbeterhub.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.csv.CsvRecordSource;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.extract.UnusableFileException;

/** Turns what was dropped in a connector's inbox into a {@link Delivery}: the one place that knows each source type's files. */
public final class DeliveryReader {

    private final HubProperties properties;

    public DeliveryReader(HubProperties properties) {
        this.properties = properties;
    }

    public Delivery open(ConnectorConfig connector, Path delivered) throws UnusableFileException, IOException {
        String name = delivered.getFileName().toString();
        return switch (connector.type()) {
            case CSV_INBOX -> {
                if (!Files.isRegularFile(delivered)) {
                    throw new UnusableFileException(UnusableFileException.Reason.UNSUPPORTED_FILE, "not a file");
                }
                yield new Delivery(name, Sha256.of(delivered),
                        new CsvRecordSource(delivered, name, connector.csv().options(properties.csv().maxLineBytes())));
            }
        };
    }
}
