package nl.verbeterhub.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.VerbeterhubApplication;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.record.RecordTables;
import nl.verbeterhub.theme.proef.ProefTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's "a theme is one package plus its configuration", shown rather than claimed: the test-only
 * package {@code theme.proef} (record type, parser, calculator, settings, schema fragment, labels) becomes a
 * theme of a hub process by one services line that only that process sees, and its setting is read from
 * {@code hub.themes.proef}. Nothing in the hub's own code names it.
 */
class AddedThemeIT {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    /** {@code validate} in {@code work}, on the test class path plus {@code extra}. */
    private Run validate(Path work, Path extra, String... files) throws Exception {
        String classPath = System.getProperty("java.class.path") + (extra == null ? "" : File.pathSeparator + extra);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", classPath, VerbeterhubApplication.class.getName(), "validate", "--agb", "06019999"));
        command.addAll(List.of(files));
        Path out = dir.resolve("out.json");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aPackageAndOneServicesLineMakeATheme() throws Exception {
        Path registration = Files.createDirectories(dir.resolve("registration/META-INF/services"));
        Files.writeString(registration.resolve(RecordTables.class.getName()), ProefTheme.class.getName() + "\n");
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("application.yml"), "hub:\n  themes:\n    proef:\n      max-minutes: 20\n");
        StringBuilder csv = new StringBuilder("proef_id;patient_id;measured_at;minutes\n");
        int[] minutes = {10, 15, 19, 20, 21, 25, 29, 31, 35, 40, 5, 8};
        for (int i = 0; i < minutes.length; i++) {
            csv.append("PR-").append(i).append(";P").append(i % 5).append(";").append(1 + i).append("-3-2026 10:00;")
                    .append(minutes[i]).append('\n');
        }
        csv.append("PR-x;P1;1-3-2026;5\n");           // a date without its time
        csv.append("PR-y;P1;2-3-2026 10:00;veel\n");  // minutes that are no number
        Files.writeString(work.resolve("proef.csv"), csv);

        Run run = validate(work, dir.resolve("registration"), "proef.csv");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode proef = null;
        for (JsonNode draft : HubJson.MAPPER.readTree(run.out())) {
            if (draft.at("/theme/code").asText().equals("PROEF")) proef = draft;
        }
        assertThat(proef).as(run.out()).isNotNull();
        assertThat(proef.at("/theme/title").asText()).isEqualTo("Proefthema");
        assertThat(proef.at("/period/year").asInt()).isEqualTo(2026);
        // 6 of 12 took over the configured 20 minutes (over the default 30 it would be 3).
        assertThat(proef.get("indicators")).isEqualTo(HubJson.MAPPER.readTree("{\"measurements\": 12, \"overMaxShare\": 0.5}"));
        assertThat(proef.at("/pdca/check").asText()).isEqualTo("In 2026 zijn 12 proefmetingen geregistreerd.");
        assertThat(proef.at("/dataQuality/recordsRejected").asLong()).isEqualTo(2);
        assertThat(proef.at("/dataQuality/rejectedByReason/UNPARSABLE").asLong()).isEqualTo(2);

        // Without its services line the same hub knows no such header: the file is unusable.
        Run without = validate(work, null, "proef.csv");
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.out()).doesNotContain("PROEF");
    }
}
