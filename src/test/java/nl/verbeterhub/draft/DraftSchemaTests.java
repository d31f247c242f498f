package nl.verbeterhub.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.verbeterhub.json.HubJson;
import nl.verbeterhub.support.Fixture;
import nl.verbeterhub.support.Schemas;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.theme.pijn.PainTheme;
import nl.verbeterhub.theme.vbi.VbiTheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draft schema grows additively (issue 15): schema version stays 1, every theme has its indicators
 * shape, and what the intake's consumers validated before — the three first themes' drafts — still
 * validates, against the schema as it was and as it is.
 */
class DraftSchemaTests {

    /** The published schema before the four further themes, kept as it was. */
    private static final Path BEFORE = Path.of("src/test/resources/schemas/draft.v1.before-four-themes.schema.json");

    @TempDir
    Path dir;

    @Test
    void everyThemeHasItsIndicatorsShapeAndItsCode() throws Exception {
        JsonNode schema = HubJson.MAPPER.readTree(Path.of("schemas/draft.v1.schema.json").toFile());
        assertThat(schema.at("/properties/schemaVersion/const").asInt()).isEqualTo(1);
        List<String> codes = HubJson.MAPPER.convertValue(schema.at("/properties/theme/properties/code/enum"), List.class);
        assertThat(codes).containsExactly(Theme.values().stream().map(Theme::name).toArray(String[]::new));
        for (Theme theme : Theme.values()) {
            String def = theme.name().toLowerCase(Locale.ROOT);
            assertThat(schema.at("/$defs/" + def).isObject()).as(def).isTrue();
            assertThat(schema.at("/properties/indicators/oneOf").toString()).contains("#/$defs/" + def);
        }
    }

    @Test
    void theChangeIsAdditiveOnlyTheThemeCodesAndIndicatorShapesGrew() throws Exception {
        ObjectNode before = (ObjectNode) HubJson.MAPPER.readTree(BEFORE.toFile());
        ObjectNode now = (ObjectNode) HubJson.MAPPER.readTree(Path.of("schemas/draft.v1.schema.json").toFile());
        for (String kept : List.of("vbi", "nuchter", "pijn", "offsetDateTime", "count", "countOrSuppressed", "share", "percentiles")) {
            assertThat(now.at("/$defs/" + kept)).as(kept).isEqualTo(before.at("/$defs/" + kept));
        }
        for (String field : List.of("hospital", "period", "status", "pdca", "dataQuality", "sources", "generatedAt", "contentHash")) {
            assertThat(now.at("/properties/" + field)).as(field).isEqualTo(before.at("/properties/" + field));
        }
        assertThat(now.get("required")).isEqualTo(before.get("required"));
    }

    @Test
    void draftsOfTheFirstThreeThemesValidateAgainstTheOldSchemaAndTheNew() throws Exception {
        JsonSchema old;
        try (InputStream in = Files.newInputStream(BEFORE)) {
            old = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        try (Fixture f = new Fixture(dir, 1)) {
            f.deliver("vbi", "registration_id,patient_id,intervention_type,score,start,end\nR1,P1,polsband,5,2025-05-01 10:00,2025-05-01 11:00\n");
            f.deliver("nuchter", "procedure_id,patient_id,age_years,induction_at,last_clear_fluid_at\nN1,P2,4,2025-05-01 10:00,2025-05-01 08:00\n");
            f.deliver("pijn", "measurement_id,patient_id,measured_at,scale,value\nM1,P3,2025-05-01 08:00,NRS,5\n");
            for (Theme theme : List.of(VbiTheme.THEME, FastingTheme.THEME, PainTheme.THEME)) {
                JsonNode draft = f.draft(theme, 2025);
                assertThat(Schemas.check(old, draft)).as(theme + " against the old schema").isEmpty();
                assertThat(Schemas.check(Schemas.DRAFT, draft)).as(theme + " against the new schema").isEmpty();
            }
        }
    }
}
