package nl.verbeterhub.theme.kwetsbaar;

import java.util.Locale;
import java.util.Set;
import nl.verbeterhub.theme.ThemeProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code hub.themes.kwetsbaar.*}: the thresholds of themes.md §1.5 with the contract's defaults. */
public record KwetsbaarProperties(@DefaultValue("70") int minAge, @DefaultValue("1440") long minStayMinutes,
                                  @DefaultValue("1440") long screeningWindowMinutes,
                                  @DefaultValue("43200") long screeningLookbackMinutes,
                                  @DefaultValue("1440") long letterMaxMinutes,
                                  @DefaultValue("1440") long medicationOverviewMaxMinutes,
                                  @DefaultValue("deceased") Set<String> transferExcludedDestinations)
        implements ThemeProperties<KwetsbaarSettings> {

    @Override
    public KwetsbaarSettings toSettings() {
        return new KwetsbaarSettings(minAge, minStayMinutes, screeningWindowMinutes, screeningLookbackMinutes,
                letterMaxMinutes, medicationOverviewMaxMinutes,
                ThemeProperties.cased(transferExcludedDestinations, v -> v.toLowerCase(Locale.ROOT)));
    }
}
