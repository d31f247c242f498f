package nl.verbeterhub.inbox;

import java.io.IOException;
import nl.verbeterhub.extract.RecordSource;

/**
 * What was dropped in an inbox, ready to be read: its name, its identity and its records.
 *
 * @param name as delivered: a file's name, or a bulk export's folder name
 * @param sha256 the identity that recognises a re-delivery, whatever the name
 */
public record Delivery(String name, String sha256, RecordSource records) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        records.close();
    }
}
