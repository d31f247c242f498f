package nl.verbeterhub.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.junit.jupiter.api.Test;

/** The commit marker on the extracts topic: its dominant problems round-trip, and older markers stay readable. */
class ExtractCommitJsonTests {

    private static final Instant T = Instant.parse("2026-11-20T06:00:00Z");
    private static final String SHA = "ab".repeat(32);

    private static ExtractCommit commit(List<DominantProblem> problems) {
        return new ExtractCommit("06019999", "pijn", "pijn.csv", SHA, T, T.plusSeconds(3),
                Map.of(PainTheme.PIJN, new TypeCounts(3_000, 20, Map.of(ReasonCode.UNPARSABLE, 2_980L))),
                SourceReport.NONE, problems);
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas", "extract.v1.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void dominantProblemsRoundTrip() throws Exception {
        List<DominantProblem> problems = List.of(
                new DominantProblem(PainTheme.PIJN, "measured_at", ReasonCode.UNPARSABLE, 2_980, 3_000, "dd/dd/dd dd:dd AM"),
                new DominantProblem(PainTheme.PIJN, null, ReasonCode.MALFORMED_ROW, 1_500, 3_000, null));
        byte[] json = ExtractCommitJson.write(commit(problems));
        JsonNode tree = HubJson.MAPPER.readTree(json);
        assertThat(tree.at("/dominantProblems/0/shape").asText()).isEqualTo("dd/dd/dd dd:dd AM");
        assertThat(tree.at("/dominantProblems/1").has("field")).isFalse();
        assertThat(schema().validate(tree)).isEmpty();
        ExtractCommit read = ExtractCommitJson.read(json);
        assertThat(read.dominantProblems()).isEqualTo(problems);
        assertThat(read).usingRecursiveComparison().isEqualTo(commit(problems));
        assertThat(read.withCommittedAt(T).dominantProblems()).isEqualTo(problems);
    }

    @Test
    void withoutThemTheFieldIsAbsentAndAnOlderMarkerReadsAsNone() throws Exception {
        byte[] json = ExtractCommitJson.write(commit(List.of()));
        JsonNode tree = HubJson.MAPPER.readTree(json);
        assertThat(tree.has("dominantProblems")).isFalse();
        assertThat(schema().validate(tree)).isEmpty();
        assertThat(ExtractCommitJson.read(json)).usingRecursiveComparison().isEqualTo(commit(List.of()));
        // As written before dominant problems existed (and by the 8-argument constructor).
        String older = "{\"agb\":\"06019999\",\"connector\":\"pijn\",\"name\":\"pijn.csv\",\"sha256\":\"" + SHA + "\","
                + "\"receivedAt\":\"2026-11-20T06:00:00Z\",\"committedAt\":\"2026-11-20T06:00:03Z\",\"counts\":{\"PIJN\":"
                + "{\"read\":3000,\"accepted\":20,\"rejectedByReason\":{\"UNPARSABLE\":2980}}}}";
        ExtractCommit read = ExtractCommitJson.read(older.getBytes(StandardCharsets.UTF_8));
        assertThat(read.dominantProblems()).isEmpty();
        assertThat(read).usingRecursiveComparison().isEqualTo(new ExtractCommit("06019999", "pijn", "pijn.csv", SHA, T, T.plusSeconds(3),
                read.counts(), SourceReport.NONE));
        assertThat(schema().validate(HubJson.MAPPER.readTree(older))).isEmpty();
    }
}
