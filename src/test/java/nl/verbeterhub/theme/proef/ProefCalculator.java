package nl.verbeterhub.theme.proef;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.ThemeYear;
import nl.verbeterhub.time.LocalDays;

/** {@code measurements} per year and the share of those with minutes that took over the configured maximum. */
final class ProefCalculator implements ThemeCalculator {

    private final long maxMinutes;

    ProefCalculator(long maxMinutes) {
        this.maxMinutes = maxMinutes;
    }

    @Override
    public Theme theme() {
        return ProefTheme.THEME;
    }

    @Override
    public SortedMap<Integer, Year> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        SortedMap<Integer, Year> years = new TreeMap<>();
        LocalDays days = new LocalDays();
        store.forEachRecord(agb, ProefTheme.PROEF, record -> {
            Year y = years.computeIfAbsent(days.of(record.anchor()).getYear(), k -> new Year());
            y.dataUntil = Math.max(y.dataUntil, record.anchor());
            y.measurements++;
            long minutes = record.payload().getLong();
            if (minutes >= 0) y.timed++;
            if (minutes > maxMinutes) y.overMax++;
        });
        return years;
    }

    static final class Year implements ThemeYear {
        long measurements;
        long timed;
        long overMax;
        long dataUntil = Long.MIN_VALUE;

        @Override
        public long dataUntil() {
            return dataUntil;
        }

        @Override
        public void writeIndicators(ObjectNode o, Suppression s) {
            s.count(o, "measurements", "/indicators/measurements", measurements);
            s.share(o, "overMaxShare", "/indicators/overMaxShare", overMax, timed);
        }

        @Override
        public String checkSentence(int year, ObjectNode indicators) {
            return "In " + year + " zijn " + Sentences.number(indicators.get("measurements")) + " proefmetingen geregistreerd.";
        }
    }
}
