package nl.verbeterhub.theme.vbi;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.admission.Admissions;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.MinuteHistogram;
import nl.verbeterhub.theme.PatientBoundary;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.time.LocalDays;

/** VBI indicators: one pass over the registrations in patient order, one over the admissions. */
public final class VbiCalculator implements ThemeCalculator {

    @Override
    public Theme theme() {
        return VbiTheme.THEME;
    }

    @Override
    public SortedMap<Integer, VbiYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        SortedMap<Integer, VbiYear> years = new TreeMap<>();
        PatientBoundary boundary = new PatientBoundary();
        Set<Integer> patientYears = new HashSet<>();
        Set<Integer> patientHeavyYears = new HashSet<>();
        LocalDays days = new LocalDays();
        store.forEachRecord(agb, VbiTheme.VBI, record -> {
            if (boundary.next(record.patient())) {
                countPatient(years, patientYears, patientHeavyYears);
            }
            long start = record.anchor();
            LocalDate local = days.of(start);
            VbiYear y = years.computeIfAbsent(local.getYear(), k -> new VbiYear());
            VbiRecord vbi = VbiRecord.decode(record.payload());
            y.registrations++;
            y.byScore[vbi.score() - 1]++;
            y.dataUntil = Math.max(y.dataUntil, start);
            patientYears.add(local.getYear());
            if (vbi.heavy()) {
                y.heavy++;
                y.heavyByMonth[local.getMonthValue() - 1]++;
                patientHeavyYears.add(local.getYear());
                if (vbi.hasDuration()) {
                    y.heavyDurations.add(MinuteHistogram.minutesBetween(start, vbi.end()));
                }
                if (vbi.alternativesConsidered() != null) {
                    y.heavyAlternativesKnown++;
                    if (vbi.alternativesConsidered()) y.heavyWithAlternatives++;
                }
            }
        });
        countPatient(years, patientYears, patientHeavyYears);
        addAdmissions(store, delivered, agb, years);
        return years;
    }

    private static void countPatient(SortedMap<Integer, VbiYear> years, Set<Integer> patientYears,
                                     Set<Integer> patientHeavyYears) {
        patientYears.forEach(year -> years.get(year).patients++);
        patientHeavyYears.forEach(year -> years.get(year).patientsWithHeavy++);
        patientYears.clear();
        patientHeavyYears.clear();
    }

    /** Admissions per year; null for every year when the hospital never delivered admissions. */
    private static void addAdmissions(RecordStore store, DeliveredTypes delivered, String agb, SortedMap<Integer, VbiYear> years) {
        if (years.isEmpty() || !delivered.delivered(Admissions.ADMISSION)) {
            return;
        }
        years.values().forEach(y -> y.admissions = 0L);
        LocalDays days = new LocalDays();
        store.forEachRecord(agb, Admissions.ADMISSION, record -> {
            VbiYear y = years.get(days.of(record.anchor()).getYear());
            if (y != null) y.admissions++;
        });
    }
}
