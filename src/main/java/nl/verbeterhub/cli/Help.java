package nl.verbeterhub.cli;

import java.io.PrintStream;

/**
 * What {@code --help}, {@code -h} and {@code help} print: the commands with their options. Printed before
 * anything is loaded or started, so asking for help never starts a hub or writes {@code data/}.
 */
final class Help {

    static final String VALIDATE_USAGE = "usage: validate --agb 06019999 [--name \"Ziekenhuis\"] [--year 2025]"
            + " [--connector ID] [--charset NAME] [--themes LIST] FILE|FOLDER...";
    static final String DRAFTS_USAGE = "usage: drafts [--bootstrap-servers host:port] [--agb 06019999]";
    static final String REJECTIONS_USAGE = "usage: rejections [--bootstrap-servers host:port] [--agb 06019999]";
    static final String USAGE = """
            usage: java -jar verbeterhub.jar [--name=value...]     run the hub
                   java -jar verbeterhub.jar validate|drafts|rejections [OPTIONS]
                   java -jar verbeterhub.jar --help | COMMAND --help""";

    private static final String HUB = """
              (no command)   Runs the hub: the connectors in connectors/, an embedded Kafka broker on
                             localhost:9092 (its log and the state in data/ under the current folder)
                             unless HUB_KAFKA_BOOTSTRAP_SERVERS is set, health on
                             http://localhost:8080/actuator/health. Spring Boot settings may be given as
                             --name=value, e.g. --server.port=8081 --hub.kafka.embedded-port=19092.
            """;

    private static final String VALIDATE = """
              validate       Checks extracts before they are scheduled: the routes' parsing, checking,
                             pseudonymising and aggregation, without broker or web server; writes nothing
                             outside a temporary folder. Prints the drafts as a JSON array on stdout and a
                             summary per extract on stderr (UTF-8). Exit 0 when every extract was read
                             (rejected records included), 2 when one is unusable or the arguments are wrong.
                --agb CODE         the hospital's 8-digit AGB code (required)
                --name NAME        the hospital's name in the drafts (default: its connector's, else the AGB)
                --year YYYY        print only the drafts of that year
                --connector ID     read with that connector's settings (charset, columns, identifier systems)
                --charset NAME     the CSV files' character set, over the connector's (default UTF-8);
                                   windows-1252 for Excel's "CSV (puntkomma gescheiden)"
                --themes LIST      further themes read from FHIR too, over the connector's list: any of
                                   KWETSBAAR,ANTISTOLLING,DIAGNOSTIEK,EIGEN (default: the connector's, else none)
                FILE|FOLDER...     each CSV file is an extract of its own; every FHIR file (.ndjson, a Bundle
                                   .json) or bulk export folder given is together one extract
            """;

    private static final String DRAFTS = """
              drafts         Prints the current draft of every key on the drafts topic as a JSON array.
              rejections     Prints every rejected record on the rejections topic, one JSON object a line.
                --bootstrap-servers HOST:PORT   the Kafka cluster (default: the hub's, localhost:9092)
                --agb CODE                      only that hospital's
                             Exit 0; 1 when no broker answers; 2 when the arguments are wrong.
            """;

    private Help() {
    }

    /** Every command with its options. */
    static void all(PrintStream out) {
        out.println(USAGE);
        out.println();
        out.println("Commands:");
        out.print(HUB);
        out.print(VALIDATE);
        out.print(DRAFTS);
        out.println("  --help, -h, help [COMMAND]   this text, or one command's");
    }

    /** One command's text; false when there is no such command. */
    static boolean command(PrintStream out, String command) {
        switch (command) {
            case "validate" -> {
                out.println(VALIDATE_USAGE);
                out.println();
                out.print(VALIDATE);
            }
            case "drafts", "rejections" -> {
                out.println(command.equals("drafts") ? DRAFTS_USAGE : REJECTIONS_USAGE);
                out.println();
                out.print(DRAFTS);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
