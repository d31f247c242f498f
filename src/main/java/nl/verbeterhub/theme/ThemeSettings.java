package nl.verbeterhub.theme;

import nl.verbeterhub.theme.antistolling.AntistollingSettings;
import nl.verbeterhub.theme.diagnostiek.DiagnostiekSettings;
import nl.verbeterhub.theme.eigen.OwnGoals;
import nl.verbeterhub.theme.kwetsbaar.KwetsbaarSettings;
import nl.verbeterhub.theme.pijn.PainScales;

/** Every theme's configuration ({@code hub.pain.*}, {@code hub.themes.*}), as the modules are built from it. */
public record ThemeSettings(PainScales pain, KwetsbaarSettings kwetsbaar, AntistollingSettings antistolling,
                            DiagnostiekSettings diagnostiek, OwnGoals ownGoals) {

    public static ThemeSettings defaults() {
        return new ThemeSettings(PainScales.defaults(), KwetsbaarSettings.defaults(), AntistollingSettings.defaults(),
                DiagnostiekSettings.defaults(), OwnGoals.none());
    }

    public ThemeSettings withPain(PainScales scales) {
        return new ThemeSettings(scales, kwetsbaar, antistolling, diagnostiek, ownGoals);
    }

    public ThemeSettings withOwnGoals(OwnGoals goals) {
        return new ThemeSettings(pain, kwetsbaar, antistolling, diagnostiek, goals);
    }
}
