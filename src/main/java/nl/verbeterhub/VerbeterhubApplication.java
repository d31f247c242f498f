package nl.verbeterhub;

import nl.verbeterhub.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Runs the hub (embedded Kafka broker unless {@code hub.kafka.bootstrap-servers} is set) when given no
 * arguments or only Spring Boot settings ({@code --name=value}); anything else is one of its commands
 * ({@code validate}, {@code drafts}, {@code rejections}), help ({@code --help}) or a usage error (exit 2),
 * handled by {@link CommandLine} before Spring starts.
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
