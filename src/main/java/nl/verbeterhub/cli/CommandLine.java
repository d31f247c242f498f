package nl.verbeterhub.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.config.StandaloneConfig;

/**
 * The hub's commands besides running: {@code validate}, {@code drafts}, {@code rejections}, and help.
 * Arguments that are all Spring Boot settings ({@code --name=value}, {@code --debug}, {@code --trace}) or
 * none run the hub; anything else is a command here, so that {@code --help} or a typo never starts a
 * hub with a broker and a {@code data/} folder in the current directory.
 */
public final class CommandLine {

    /** Wrong arguments: a short usage on stderr. */
    public static final int USAGE = 2;

    private static final Set<String> COMMANDS = Set.of("validate", "drafts", "rejections");
    private static final Set<String> HELP = Set.of("--help", "-h", "-help", "-?");

    private CommandLine() {
    }

    /** Whether the arguments are for a command (or help, or wrong) rather than for running the hub. */
    public static boolean isCommand(String[] args) {
        return Arrays.stream(args).anyMatch(a -> !isHubSetting(a));
    }

    /** What Spring Boot takes as a setting of the running hub. */
    private static boolean isHubSetting(String arg) {
        return arg.startsWith("--") && arg.indexOf('=') > 2 || arg.equals("--debug") || arg.equals("--trace");
    }

    /** Runs a command with stdout and stderr as UTF-8, whatever the platform's locale, and logs on stderr. */
    public static int run(String[] args) throws Exception {
        PrintStream out = stdout(System.out);
        PrintStream err = stderr(System.err);
        CliLogging.toStderr();
        try {
            return run(args, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs a command (any arguments for which {@link #isCommand} holds) and gives its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> all = Arrays.asList(args);
        String first = all.stream().filter(a -> !isHubSetting(a)).findFirst().orElse("");
        if (HELP.contains(first) || first.equals("help")) {
            // --help, help, help validate, --help drafts
            List<String> after = all.subList(all.indexOf(first) + 1, args.length);
            if (after.isEmpty()) {
                Help.all(out);
                return 0;
            }
            return Help.command(out, after.get(0)) ? 0 : unknown(err, after.get(0));
        }
        if (!COMMANDS.contains(first)) return unknown(err, first);
        if (!first.equals(args[0])) {
            err.println("verbeterhub: " + first + " comes first, and takes no --name=value settings");
            err.println(Help.USAGE);
            return USAGE;
        }
        List<String> rest = all.subList(1, args.length);
        if (rest.stream().anyMatch(HELP::contains)) {
            Help.command(out, first);
            return 0;
        }
        return switch (first) {
            case "validate" -> new ValidateCommand(StandaloneConfig.load(), Clock.systemUTC(), out, err).run(rest);
            case "drafts" -> new TopicDumpCommand(StandaloneConfig.load(), out, err)
                    .run(TopicDumpCommand.Which.DRAFTS, rest);
            case "rejections" -> new TopicDumpCommand(StandaloneConfig.load(), out, err)
                    .run(TopicDumpCommand.Which.REJECTIONS, rest);
            default -> throw new IllegalStateException(first);
        };
    }

    /**
     * Stdout for data (JSON), UTF-8 and buffered: the bytes pass through the platform's stream unchanged,
     * whatever its charset ({@code LANG=C} would print {@code …} as {@code ?}). Flush when done.
     */
    static PrintStream stdout(OutputStream platform) {
        return new PrintStream(new BufferedOutputStream(platform, 1 << 16), false, StandardCharsets.UTF_8);
    }

    /** Stderr for the summary and messages, UTF-8, flushed at every line. */
    static PrintStream stderr(OutputStream platform) {
        return new PrintStream(platform, true, StandardCharsets.UTF_8);
    }

    private static int unknown(PrintStream err, String arg) {
        err.println("verbeterhub: unknown " + (arg.startsWith("-") ? "option " : "command ") + arg);
        err.println(Help.USAGE);
        return USAGE;
    }
}
