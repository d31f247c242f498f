package nl.verbeterhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dispatch of {@code main}: help and wrong arguments answered before anything starts. */
class CommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        assertThat(CommandLine.isCommand(args)).as("handled here, not by a starting hub").isTrue();
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsOrOnlySpringSettingsRunTheHub() {
        assertThat(CommandLine.isCommand(new String[0])).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=8081", "--hub.kafka.embedded-port=19092"})).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--debug"})).isFalse();
        assertThat(CommandLine.isCommand(new String[] {"--server.port=8081", "--help"})).isTrue();
    }

    @Test
    void helpNamesEveryCommandWithItsOptionsAndStartsNothing() throws Exception {
        boolean dataBefore = Files.exists(Path.of("data"));
        for (String help : new String[] {"--help", "-h", "help"}) {
            assertThat(run(help)).as(help).isZero();
            assertThat(out()).contains("validate", "drafts", "rejections", "(no command)", "--agb", "--charset NAME",
                    "--connector ID", "--year", "--bootstrap-servers", "windows-1252");
            assertThat(err()).isEmpty();
        }
        assertThat(run("--server.port=8081", "--help")).isZero();
        assertThat(out()).contains("Commands:");
        assertThat(Files.exists(Path.of("data"))).as("help writes no data/ folder").isEqualTo(dataBefore);
    }

    @Test
    void eachCommandHasItsOwnHelp() throws Exception {
        assertThat(run("validate", "--help")).isZero();
        assertThat(out()).startsWith("usage: validate --agb").contains("--charset NAME", "FILE|FOLDER").doesNotContain("--bootstrap-servers");
        assertThat(run("validate", "--agb", "06019999", "-h")).isZero();
        assertThat(out()).startsWith("usage: validate");
        assertThat(run("help", "validate")).isZero();
        assertThat(out()).startsWith("usage: validate");
        assertThat(run("drafts", "--help")).isZero();
        assertThat(out()).startsWith("usage: drafts").contains("--bootstrap-servers");
        assertThat(run("rejections", "--help")).isZero();
        assertThat(out()).startsWith("usage: rejections").contains("--agb");
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownCommandOrOptionPrintsAShortUsageOnStderrAndExitsTwo() throws Exception {
        assertThat(run("valdate", "--agb", "06019999")).isEqualTo(2);
        assertThat(err()).contains("unknown command valdate", "usage:", "--help");
        assertThat(out()).isEmpty();
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus");
        assertThat(run("help", "nothing")).isEqualTo(2);
        assertThat(run("--server.port=1", "validate")).isEqualTo(2);
        assertThat(err()).contains("validate comes first");
        assertThat(run("validate", "--agb", "06019999", "--bogus", "samples/vbi-2026-11-20.csv")).isEqualTo(2);
        assertThat(err()).contains("unknown option --bogus", "usage: validate");
        assertThat(out()).isEmpty();
        assertThat(run("drafts", "--agb")).isEqualTo(2);
        assertThat(err()).contains("--agb needs a value", "usage: drafts");
        assertThat(run("rejections", "--where")).isEqualTo(2);
        assertThat(err()).contains("unknown option --where", "usage: rejections");
    }
}
