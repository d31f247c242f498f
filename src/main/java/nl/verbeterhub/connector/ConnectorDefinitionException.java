package nl.verbeterhub.connector;

import java.nio.file.Path;

/** A connector file that cannot be used; the message names the file and the setting. */
public class ConnectorDefinitionException extends RuntimeException {

    public ConnectorDefinitionException(Path file, String problem) {
        super("connector file " + file + ": " + problem);
    }
}
