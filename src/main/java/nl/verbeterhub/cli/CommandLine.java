package nl.verbeterhub.cli;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import nl.verbeterhub.config.StandaloneConfig;

/** The hub's commands besides running: {@code validate}, {@code drafts}, {@code rejections}. */
public final class CommandLine {

    private static final Set<String> COMMANDS = Set.of("validate", "drafts", "rejections");

    private CommandLine() {
    }

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) throws Exception {
        CliLogging.toStderr();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "validate" -> new ValidateCommand(StandaloneConfig.load(), Clock.systemUTC(), System.out, System.err).run(rest);
            case "drafts" -> new TopicDumpCommand(StandaloneConfig.load(), System.out, System.err).run(TopicDumpCommand.Which.DRAFTS, rest);
            case "rejections" -> new TopicDumpCommand(StandaloneConfig.load(), System.out, System.err).run(TopicDumpCommand.Which.REJECTIONS, rest);
            default -> throw new IllegalArgumentException(args[0]);
        };
    }
}
