package nl.verbeterhub.theme.kwetsbaar;

import java.util.Set;

/**
 * {@code hub.themes.kwetsbaar.*} (themes.md §1.5). Destinations are the canonical English codes
 * ({@code deceased}, {@code home}, …).
 */
public record KwetsbaarSettings(int minAge, long minStayMinutes, long screeningWindowMinutes,
                                long screeningLookbackMinutes, long letterMaxMinutes, long medicationOverviewMaxMinutes,
                                Set<String> transferExcludedDestinations) {

    public static KwetsbaarSettings defaults() {
        return new KwetsbaarSettings(70, 1440, 1440, 43200, 1440, 1440, Set.of("deceased"));
    }
}
