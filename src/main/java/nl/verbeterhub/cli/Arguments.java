package nl.verbeterhub.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The arguments of {@code validate}: options first or mixed in, then one or more files or folders. */
record Arguments(String agb, String name, Integer year, String connector, List<Path> files) {

    static Arguments parse(List<String> args) {
        String agb = null;
        String name = null;
        Integer year = null;
        String connector = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--agb" -> agb = value(args, ++i, arg);
                case "--name" -> name = value(args, ++i, arg);
                case "--connector" -> connector = value(args, ++i, arg);
                case "--year" -> {
                    String y = value(args, ++i, arg);
                    if (!y.matches("\\d{4}")) throw new IllegalArgumentException("--year takes a year like 2025");
                    year = Integer.parseInt(y);
                }
                default -> {
                    if (arg.startsWith("--")) throw new IllegalArgumentException("unknown option " + arg);
                    files.add(Path.of(arg));
                }
            }
        }
        if (agb == null || !agb.matches("\\d{8}")) throw new IllegalArgumentException("--agb takes an 8-digit AGB code");
        if (files.isEmpty()) throw new IllegalArgumentException("no files given");
        return new Arguments(agb, name, year, connector, files);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }
}
