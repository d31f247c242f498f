package nl.verbeterhub.theme.antistolling;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.theme.PatientBoundary;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.Windows;
import nl.verbeterhub.time.Amsterdam;
import nl.verbeterhub.time.LocalDays;

/**
 * ANTISTOLLING indicators: one pass over the procedures ordered by (patient, anchor), then two over the
 * shifts, which share one patient and so come in start order. The first shift pass finds the years the
 * shifts make exist and {@code rosterUntil}, which bounds every P_Y; the second measures coverage.
 */
final class AntistollingCalculator implements ThemeCalculator {

    private final AntistollingSettings settings;
    private final Set<AnticoagulantClass> continueAtLowRisk = EnumSet.noneOf(AnticoagulantClass.class);

    AntistollingCalculator(AntistollingSettings settings) {
        this.settings = settings;
        for (String name : settings.continueAtLowRiskClasses()) {
            continueAtLowRisk.add(AnticoagulantClass.configured(name, "continue-at-low-risk-classes"));
        }
    }

    @Override
    public Theme theme() {
        return AntistollingTheme.THEME;
    }

    @Override
    public SortedMap<Integer, AntistollingYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        SortedMap<Integer, AntistollingYear> years = new TreeMap<>();
        Procedures procedures = new Procedures(years);
        store.forEachRecord(agb, AntistollingTheme.ANTISTOLLING, procedures::visit);
        procedures.endPatient();

        LocalDays days = new LocalDays();
        long[] rosterUntil = {Long.MIN_VALUE};
        store.forEachRecord(agb, AntistollingTheme.ANTISTOLLING_SHIFT, shift -> {
            long start = shift.anchor();
            AntistollingYear year = years.computeIfAbsent(days.of(start).getYear(), y -> new AntistollingYear());
            year.dataUntil = Math.max(year.dataUntil, start);
            rosterUntil[0] = Math.max(rosterUntil[0], ShiftRecord.decode(shift.payload()).end());
        });
        if (rosterUntil[0] == Long.MIN_VALUE) return years; // no shifts: expertise stays null

        Coverage coverage = new Coverage(years.keySet(), rosterUntil[0]);
        store.forEachRecord(agb, AntistollingTheme.ANTISTOLLING_SHIFT,
                shift -> coverage.add(shift.anchor(), ShiftRecord.decode(shift.payload()).end()));
        coverage.finish();
        String roster = Amsterdam.format(rosterUntil[0]);
        years.forEach((year, figures) -> {
            figures.rosterUntil = roster;
            figures.coverage = coverage.of(year);
        });
        return years;
    }

    private final class Procedures {
        final SortedMap<Integer, AntistollingYear> years;
        final PatientBoundary boundary = new PatientBoundary();
        final Set<Integer> patientYears = new HashSet<>();
        final LocalDays days = new LocalDays();

        Procedures(SortedMap<Integer, AntistollingYear> years) {
            this.years = years;
        }

        void visit(StoredRecord.View record) {
            if (boundary.next(record.patient())) endPatient();
            long at = record.anchor();
            LocalDate day = days.of(at);
            AntistollingYear y = years.computeIfAbsent(day.getYear(), k -> new AntistollingYear());
            y.dataUntil = Math.max(y.dataUntil, at);
            ProcedureRecord p = ProcedureRecord.decode(record.payload());
            if (p.urgent()) return; // urgent procedures follow no plan: outside E
            patientYears.add(day.getYear());
            count(y, p, at, day);
        }

        void count(AntistollingYear y, ProcedureRecord p, long at, LocalDate day) {
            y.procedures++;
            y.byAnticoagulant[p.anticoagulant().ordinal()]++;
            if (p.planRecordedAt() != Checks.ABSENT) {
                y.planRecordedDelivered = true;
                if (Windows.minutes(p.planRecordedAt(), at) >= settings.planLeadMinutes()) y.planOnTime++;
            }
            if (p.plan() != null && p.bleedingRisk() == BleedingRisk.LOW && continueAtLowRisk.contains(p.anticoagulant())) {
                y.lowRiskWithPlan++;
                if (p.plan() == Plan.CONTINUE) y.lowRiskContinued++;
            }
            if (p.plan() != null && p.anticoagulant() == AnticoagulantClass.DOAC) {
                y.doacWithPlan++;
                if (p.plan() == Plan.BRIDGE) y.doacBridged++;
            }
            if (p.anticoagulant() == AnticoagulantClass.VKA && (p.plan() == Plan.INTERRUPT || p.plan() == Plan.BRIDGE)) {
                y.vkaInterrupted++;
                if (p.inrAt() != Checks.ABSENT) {
                    y.inrDelivered = true;
                    if (inrInTime(p.inrAt(), at, day)) y.vkaInrChecked++;
                }
            }
            if (p.postponed() != null) {
                y.postponedKnown++;
                if (p.postponed()) y.postponed++;
            }
        }

        /** At or before the procedure, at most {@code inr-max-days-before} Amsterdam calendar days earlier. */
        boolean inrInTime(long inrAt, long at, LocalDate day) {
            return inrAt <= at
                    && ChronoUnit.DAYS.between(Amsterdam.localDate(inrAt), day) <= settings.inrMaxDaysBefore();
        }

        void endPatient() {
            for (int year : patientYears) years.get(year).patients++;
            patientYears.clear();
        }
    }
}
