package nl.verbeterhub.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.verbeterhub.connector.SourceSettings;
import nl.verbeterhub.theme.Theme;

/**
 * The arguments of {@code validate}: options first or mixed in, then one or more files or folders.
 *
 * @param charset {@code --charset}: the CSV files' character set over the connector's, or null
 * @param themes {@code --themes}: the further themes read from FHIR, over the connector's list, or null
 */
record Arguments(String agb, String name, Integer year, String connector, Charset charset, Set<Theme> themes,
                 List<Path> files) {

    static Arguments parse(List<String> args) {
        String agb = null;
        String name = null;
        Integer year = null;
        String connector = null;
        Charset charset = null;
        Set<Theme> themes = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--agb" -> agb = value(args, ++i, arg);
                case "--name" -> name = value(args, ++i, arg);
                case "--connector" -> connector = value(args, ++i, arg);
                case "--charset" -> charset = charset(value(args, ++i, arg));
                case "--themes" -> themes = themes(value(args, ++i, arg));
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
        return new Arguments(agb, name, year, connector, charset, themes, files);
    }

    /** {@code KWETSBAAR,DIAGNOSTIEK}: the themes a FHIR connector may list, case-insensitively; empty for none. */
    private static Set<Theme> themes(String list) {
        Set<Theme> themes = new TreeSet<>();
        for (String name : list.split(",", -1)) {
            if (name.isBlank() && list.isBlank()) continue;
            Theme theme = SourceSettings.Fhir.listable(name).orElseThrow(() -> new IllegalArgumentException(
                    "--themes takes KWETSBAAR, ANTISTOLLING, DIAGNOSTIEK or EIGEN, comma-separated; not '" + name + "'"));
            themes.add(theme);
        }
        return themes;
    }

    /** As a connector's {@code charset}: known, and ASCII-compatible (the line limit and NUL check read bytes). */
    private static Charset charset(String name) {
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--charset: unknown character set " + name + " (e.g. windows-1252, UTF-8)");
        }
        if (!"a".equals(new String("a".getBytes(charset), StandardCharsets.US_ASCII))
                || charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32")) {
            throw new IllegalArgumentException("--charset " + charset.name()
                    + " is not ASCII-compatible; convert such exports to UTF-8");
        }
        return charset;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(i);
    }
}
