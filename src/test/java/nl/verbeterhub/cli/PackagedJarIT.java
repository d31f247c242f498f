package nl.verbeterhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.support.FhirJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar target/verbeterhub.jar validate …} as hospital IT staff run it: stdout is data only. */
class PackagedJarIT {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run jar(String... args) throws Exception {
        return jar(null, Map.of(), args);
    }

    /** The jar run in {@code workDir} (null: this one), with the environment changed by {@code env}. */
    private Run jar(Path workDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                Path.of("target/verbeterhub.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (workDir != null) builder.directory(workDir.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheCommandsAndStartsNoHub() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Run run = jar(work, Map.of(), "--help");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("validate", "drafts", "rejections", "--charset");
        assertThat(work.resolve("data")).as("no broker, no state: nothing written").doesNotExist();
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
        assertThat(jar(work, Map.of(), "--no-such-option").exit()).isEqualTo(2);
    }

    @Test
    void theSummaryIsUtf8UnderAPosixLocale() throws Exception {
        Path file = Files.write(dir.resolve("pijn.csv"), ("measurement_id;patient_id;measured_at;scale;value;opmerking\r\n"
                + "m1;p1;01-05-2025 08:00;NRS;4;rustig\r\nm2;p2;01-05-2025 09:00;NRS;6;patiënt\r\n")
                .getBytes(Charset.forName("windows-1252")));
        Run run = jar(null, Map.of("LANG", "C", "LC_ALL", "C"), "validate", "--agb", "06019999", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("pijn.csv: unusable — NOT_TEXT: no UTF-8 text (line 3)", "--charset windows-1252");
        assertThat(jar(null, Map.of("LANG", "C", "LC_ALL", "C"), "validate", "--agb", "06019999", "--charset", "windows-1252",
                file.toString()).exit()).isZero();
    }

    @Test
    void validatePrintsOnlyTheDraftsOnStdout() throws Exception {
        Run run = jar("validate", "--agb", "06019999", "samples/vbi-2026-11-20.csv", "samples/opnames-2026-11-20.csv");
        assertThat(run.exit()).isZero();
        JsonNode drafts = HubJson.MAPPER.readTree(run.out());
        assertThat(drafts.isArray()).isTrue();
        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(0).at("/indicators/admissions").asInt()).isEqualTo(16);
        assertThat(run.err()).contains("records read").doesNotContain("P1000");
    }

    @Test
    void validateReadsFhirWithEverythingItNeedsInTheJar() throws Exception {
        // A Bundle goes through HAPI FHIR, an NDJSON file through the streaming reader: both must be packaged.
        Path bundle = FhirJson.bundle(dir.resolve("bundle.json"), "transaction",
                new FhirJson.Entry("urn:uuid:p", "POST", "Patient", FhirJson.patient("pt-0001", "2019-01-01")),
                new FhirJson.Entry("urn:uuid:n", "POST", "Procedure",
                        FhirJson.anaesthesia("n1", "urn:uuid:p", null, "2025-06-02T10:00:00+02:00")));
        Path ndjson = FhirJson.ndjson(dir.resolve("Observation.ndjson"),
                FhirJson.intake("i1", "urn:uuid:n", "clear-fluid", "2025-06-02T07:00:00+02:00"));
        Run run = jar("validate", "--agb", "06019999", bundle.toString(), ndjson.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode drafts = HubJson.MAPPER.readTree(run.out());
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).at("/indicators/clearFluidFastingMinutes/median").asInt()).isEqualTo(180);
        assertThat(run.err()).contains("resources read: Observation 1, Patient 1, Procedure 1").doesNotContain("pt-0001");
    }

    @Test
    void unusableInputExitsTwo() throws Exception {
        assertThat(jar("validate", "--agb", "06019999", dir.resolve("nothing.csv").toString()).exit()).isEqualTo(2);
    }

    @Test
    void anInvalidOwnGoalFileStopsTheStartNamingFileAndField() throws Exception {
        Path goals = Files.createDirectories(dir.resolve("goals"));
        Files.writeString(goals.resolve("06019999.yaml"), "goal: {id: g, title: \"Doel\"}\n"
                + "indicators:\n  - {id: a, title: \"A\", scoring: proportion, target: 1.5}\n");
        Files.createDirectories(dir.resolve("connectors"));
        Run run = jar(dir, Map.of("VERBETERHUB_PSEUDONYM_SECRET", "packaged-jar-secret-0123456789"),
                "--server.port=0", "--hub.kafka.bootstrap-servers=localhost:1", "--hub.kafka.max-block=PT1S");
        assertThat(run.exit()).isNotZero();
        assertThat(run.out() + run.err()).contains("An own-goal definition is invalid")
                .contains("06019999.yaml").contains("indicators[0].target");
    }
}
