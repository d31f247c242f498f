package nl.verbeterhub;

import nl.verbeterhub.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the hub (embedded Kafka broker unless {@code hub.kafka.bootstrap-servers} is set), or one of its
 * commands: {@code validate}, {@code drafts}, {@code rejections}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VerbeterhubApplication {

    public static void main(String[] args) throws Exception {
        if (CommandLine.isCommand(args)) {
            System.exit(CommandLine.run(args));
        }
        SpringApplication.run(VerbeterhubApplication.class, args);
    }
}
