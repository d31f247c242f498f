package nl.verbeterhub.theme.nuchter;

import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.MinuteHistogram;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.time.LocalDays;

/** NUCHTER indicators: fasting minutes between instants, thresholds on whole minutes. */
public final class FastingCalculator implements ThemeCalculator {

    @Override
    public Theme theme() {
        return FastingTheme.THEME;
    }

    @Override
    public SortedMap<Integer, FastingYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        SortedMap<Integer, FastingYear> years = new TreeMap<>();
        LocalDays days = new LocalDays();
        store.forEachRecord(agb, FastingTheme.NUCHTER, record -> {
            long induction = record.anchor();
            FastingYear y = years.computeIfAbsent(days.of(induction).getYear(), k -> new FastingYear());
            y.dataUntil = Math.max(y.dataUntil, induction);
            FastingRecord fasting = FastingRecord.decode(record.payload());
            if (!fasting.inPopulation()) {
                return;
            }
            y.procedures++;
            if (fasting.lastClearFluid() == Checks.ABSENT) {
                y.clearMissing++;
            } else {
                long minutes = MinuteHistogram.minutesBetween(fasting.lastClearFluid(), induction);
                y.clearFluid.add(minutes);
                if (minutes > FastingYear.ONE_HOUR) y.clearOver1h++;
                if (minutes > FastingYear.TWO_HOURS) y.clearOver2h++;
            }
            if (fasting.lastSolid() != Checks.ABSENT) {
                long minutes = MinuteHistogram.minutesBetween(fasting.lastSolid(), induction);
                y.solid.add(minutes);
                if (minutes > FastingYear.EIGHT_HOURS) y.solidOver8h++;
            }
        });
        return years;
    }
}
