package nl.verbeterhub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.verbeterhub.record.RecordType;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeDefinition;
import nl.verbeterhub.theme.ThemeModule;
import nl.verbeterhub.theme.ThemeSettings;
import nl.verbeterhub.theme.antistolling.AntistollingSettings;
import nl.verbeterhub.theme.antistolling.AntistollingTheme;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekSettings;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekTheme;
import nl.verbeterhub.theme.eigen.EigenTheme;
import nl.verbeterhub.theme.eigen.OwnGoalDefinitionException;
import nl.verbeterhub.theme.eigen.OwnGoals;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarSettings;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarTheme;
import nl.verbeterhub.theme.pijn.PainScales;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each theme's settings are bound from hub.themes.<theme>.* to the record its own package defines. */
class ThemeBindingTests {

    @TempDir
    Path dir;

    private static ThemeSettings bind(Map<String, String> properties) {
        return ThemeBinding.bind(new Binder(new MapConfigurationPropertySource(properties)), PainScales.defaults());
    }

    @Test
    void nothingConfiguredGivesTheContractsDefaults() {
        ThemeSettings settings = bind(Map.of("hub.themes.eigen.definitions-dir", dir.resolve("none").toString()));
        assertThat(settings.of(KwetsbaarTheme.THEME, KwetsbaarSettings.class)).isEqualTo(KwetsbaarSettings.defaults());
        assertThat(settings.of(AntistollingTheme.THEME, AntistollingSettings.class)).isEqualTo(AntistollingSettings.defaults());
        assertThat(settings.of(DiagnostiekTheme.THEME, DiagnostiekSettings.class)).isEqualTo(DiagnostiekSettings.defaults());
        assertThat(settings.of(EigenTheme.THEME, OwnGoals.class).indicatorId("06019999", "x")).isEqualTo("x");
    }

    @Test
    void eachThemesSettingsAreReadUnderItsOwnNameAndCasedAsItsRecordsCompare() {
        ThemeSettings settings = bind(Map.of(
                "hub.themes.kwetsbaar.min-age", "75",
                "hub.themes.kwetsbaar.transfer-excluded-destinations", " Deceased ,home",
                "hub.themes.antistolling.continue-at-low-risk-classes", "vka",
                "hub.themes.antistolling.anticoagulant-atc.b01ac", "platelet",
                "hub.themes.antistolling.fhir.inr-codes", "6301-6",
                "hub.themes.diagnostiek.ack-urgent-minutes", "720",
                "hub.themes.diagnostiek.fhir.discipline-codes.ch", "LAB",
                "hub.themes.eigen.definitions-dir", dir.toString()));
        KwetsbaarSettings kwetsbaar = settings.of(KwetsbaarTheme.THEME, KwetsbaarSettings.class);
        assertThat(kwetsbaar.minAge()).isEqualTo(75);
        assertThat(kwetsbaar.minStayMinutes()).isEqualTo(1440);
        assertThat(kwetsbaar.transferExcludedDestinations()).containsExactlyInAnyOrder("deceased", "home");
        AntistollingSettings antistolling = settings.of(AntistollingTheme.THEME, AntistollingSettings.class);
        assertThat(antistolling.continueAtLowRiskClasses()).isEqualTo(Set.of("VKA"));
        assertThat(antistolling.anticoagulantAtc()).isEqualTo(Map.of("B01AC", "PLATELET"));
        assertThat(antistolling.fhirInrCodes()).isEqualTo(List.of("6301-6"));
        DiagnostiekSettings diagnostiek = settings.of(DiagnostiekTheme.THEME, DiagnostiekSettings.class);
        assertThat(diagnostiek.ackUrgentMinutes()).isEqualTo(720);
        assertThat(diagnostiek.ackRoutineMinutes()).isEqualTo(10080);
        assertThat(diagnostiek.fhirDisciplineCodes()).isEqualTo(Map.of("CH", "lab"));
    }

    @Test
    void aCodeWithAnUnderscoreIsConfiguredWithAHyphen() {
        ThemeDefinition definition = new ThemeDefinition() {
            @Override
            public Theme theme() {
                return Theme.define("EIGEN_DOEL", "t");
            }

            @Override
            public List<RecordType> recordTypes() {
                return List.of();
            }

            @Override
            public ThemeModule module(ThemeSettings settings) {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(ThemeBinding.prefix(definition)).isEqualTo("hub.themes.eigen-doel");
    }

    @Test
    void aValueOfTheWrongTypeNamesTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("hub.themes.kwetsbaar.min-age", "zeventig")))
                .isInstanceOf(BindException.class).hasMessageContaining("hub.themes.kwetsbaar");
    }

    @Test
    void anInvalidOwnGoalFileStopsTheBindingNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("06019999.yaml"), "title: [\n");
        assertThatThrownBy(() -> bind(Map.of("hub.themes.eigen.definitions-dir", dir.toString())))
                .isInstanceOf(OwnGoalDefinitionException.class).hasMessageContaining("06019999.yaml");
    }
}
