package nl.verbeterhub.theme.eigen;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.time.Amsterdam;

/**
 * EIGEN figures against the hospital's definition as it is now (themes.md §4.5): every accepted record
 * makes its year's draft exist and counts for {@code dataUntil}, but only ids still in the definition
 * count in measures and milestones. A hospital has a few dozen such records a year: one pass, no order needed.
 */
final class EigenCalculator implements ThemeCalculator {

    private final OwnGoals goals;

    EigenCalculator(OwnGoals goals) {
        this.goals = goals;
    }

    @Override
    public Theme theme() {
        return EigenTheme.THEME;
    }

    @Override
    public SortedMap<Integer, EigenYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        OwnGoal goal = goals.definition(agb);
        SortedMap<Integer, EigenYear> years = new TreeMap<>();
        store.forEachRecord(agb, EigenTheme.EIGEN_MONTH, record -> {
            LocalDate month = Amsterdam.localDate(record.anchor());
            MonthRecord m = MonthRecord.decode(record.payload());
            yearOf(years, goal, month, record).month(m, month.getMonthValue());
        });
        store.forEachRecord(agb, EigenTheme.EIGEN_MILESTONE, record -> {
            LocalDate day = Amsterdam.localDate(record.anchor());
            yearOf(years, goal, day, record).milestone(MilestoneRecord.decode(record.payload()));
        });
        return years;
    }

    private static EigenYear yearOf(SortedMap<Integer, EigenYear> years, OwnGoal goal, LocalDate local,
                                    StoredRecord.View record) {
        EigenYear year = years.computeIfAbsent(local.getYear(), y -> new EigenYear(goal));
        year.seen(record.anchor());
        return year;
    }
}
