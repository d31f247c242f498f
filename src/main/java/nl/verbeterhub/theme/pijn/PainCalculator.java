package nl.verbeterhub.theme.pijn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.PatientBoundary;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.time.LocalDays;

/**
 * PIJN indicators in one pass over the measurements ordered by (patient, instant): distinct patients,
 * patient-days and 60-minute follow-ups fall out of the order, so memory stays constant.
 */
public final class PainCalculator implements ThemeCalculator {

    /** A follow-up counts when {@code 0 < u − t ≤ 3600} seconds. */
    static final long FOLLOW_UP_SECONDS = 3600;

    private final PainScales scales;

    public PainCalculator(PainScales scales) {
        this.scales = scales;
    }

    @Override
    public Theme theme() {
        return PainTheme.THEME;
    }

    @Override
    public SortedMap<Integer, PainYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        Pass pass = new Pass();
        store.forEachRecord(agb, PainTheme.PIJN, pass::visit);
        pass.endPatient();
        return pass.years;
    }

    /** A measurement needing action, waiting for the patient's next measurement at a later instant. */
    private record Pending(long at, PainYear year, boolean vulnerable) {
    }

    private final class Pass {
        final SortedMap<Integer, PainYear> years = new TreeMap<>();
        final PatientBoundary boundary = new PatientBoundary();
        final Set<Integer> patientYears = new HashSet<>();
        final List<Pending> pending = new ArrayList<>();
        final LocalDays days = new LocalDays();
        LocalDate day;
        int measurementsThatDay;
        // The previous record's year and its counts: a patient's records mostly share one.
        int year = Integer.MIN_VALUE;
        PainYear counts;
        int patientYear = Integer.MIN_VALUE;

        void visit(StoredRecord.View record) {
            if (boundary.next(record.patient())) {
                endPatient();
            }
            long at = record.anchor();
            if (!pending.isEmpty()) resolveFollowUps(at);
            LocalDate local = days.of(at);
            countDay(local);
            PainYear y = countsOf(local.getYear());
            if (local.getYear() != patientYear) {
                patientYear = local.getYear();
                patientYears.add(patientYear);
            }
            y.measurements++;
            y.dataUntil = Math.max(y.dataUntil, at);

            PainRecord pain = PainRecord.decode(record.payload());
            // A scale removed from configuration since: the measurement counts, never as pain.
            PainScale scale = scales.find(pain.scale());
            boolean vulnerable = pain.flaggedVulnerable() || (scale != null && scale.observation());
            if (vulnerable) y.vulnerableMeasurements++;
            if (scale == null) return;
            boolean action = scale.needsAction(pain.value());
            if (action) {
                y.needingAction++;
                pending.add(new Pending(at, y, vulnerable));
            }
            if (scale.countsForSevere()) {
                y.severeEligible++;
                if (scale.severe(pain.value())) y.severe++;
            }
            if (vulnerable && action) y.vulnerableNeedingAction++;
        }

        PainYear countsOf(int year) {
            if (year != this.year) {
                this.year = year;
                counts = years.computeIfAbsent(year, k -> new PainYear());
            }
            return counts;
        }

        /** Every pending measurement before {@code at} has its first later measurement at {@code at}. */
        void resolveFollowUps(long at) {
            pending.removeIf(p -> {
                if (p.at() >= at) return false;
                if (at - p.at() <= FOLLOW_UP_SECONDS) {
                    p.year().followedUp++;
                    if (p.vulnerable()) p.year().vulnerableFollowedUp++;
                }
                return true;
            });
        }

        void countDay(LocalDate local) {
            if (!local.equals(day)) {
                endDay();
                day = local;
            }
            measurementsThatDay++;
        }

        void endDay() {
            if (day != null) {
                PainYear y = years.get(day.getYear());
                y.patientDays++;
                if (measurementsThatDay >= 3) y.patientDays3Plus++;
            }
            day = null;
            measurementsThatDay = 0;
        }

        void endPatient() {
            pending.clear();
            endDay();
            for (int y : patientYears) years.get(y).patients++;
            patientYears.clear();
            patientYear = Integer.MIN_VALUE;
        }
    }
}
