package nl.verbeterhub.theme.diagnostiek;

import java.util.SortedMap;
import java.util.TreeMap;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.DeliveredTypes;
import nl.verbeterhub.theme.ObservedUntil;
import nl.verbeterhub.theme.PatientBoundary;
import nl.verbeterhub.theme.Theme;
import nl.verbeterhub.theme.ThemeCalculator;
import nl.verbeterhub.theme.Windows;
import nl.verbeterhub.time.LocalDays;

/**
 * DIAGNOSTIEK indicators in two passes over the results ordered by (patient, anchor): the first finds
 * {@code observedUntil} (the latest anchor, all years), which decides when an unseen result is late; the
 * second counts. Memory stays constant: distinct patients fall out of the order.
 */
final class DiagnostiekCalculator implements ThemeCalculator {

    private final DiagnostiekSettings settings;

    DiagnostiekCalculator(DiagnostiekSettings settings) {
        this.settings = settings;
    }

    @Override
    public Theme theme() {
        return DiagnostiekTheme.THEME;
    }

    @Override
    public SortedMap<Integer, DiagnostiekYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        long observedUntil = ObservedUntil.of(store, agb, DiagnostiekTheme.DIAGNOSTIEK);
        Pass pass = new Pass(observedUntil);
        if (observedUntil != ObservedUntil.NONE) store.forEachRecord(agb, DiagnostiekTheme.DIAGNOSTIEK, pass::visit);
        return pass.years;
    }

    private final class Pass {
        final SortedMap<Integer, DiagnostiekYear> years = new TreeMap<>();
        final long observedUntil;
        final PatientBoundary boundary = new PatientBoundary();
        final LocalDays days = new LocalDays();
        // A patient's records come in anchor order, so its years ascend: counting it once per year needs only the last.
        int patientYear;
        int year = Integer.MIN_VALUE;
        DiagnostiekYear counts;

        Pass(long observedUntil) {
            this.observedUntil = observedUntil;
        }

        void visit(StoredRecord.View record) {
            long t = record.anchor();
            DiagnostiekYear y = countsOf(days.of(t).getYear());
            if (boundary.next(record.patient())) patientYear = Integer.MIN_VALUE;
            if (year != patientYear) {
                patientYear = year;
                y.patients++;
            }
            y.results++;
            y.dataUntil = Math.max(y.dataUntil, t);

            ResultRecord r = ResultRecord.decode(record.payload());
            y.byDiscipline[r.discipline().ordinal()]++;
            long ack = r.acknowledgedAt();
            if (ack != Checks.ABSENT) {
                y.acknowledgementDelivered = true;
                y.ackMinutes.add(Windows.clamped(t, ack));
            }
            long window = r.urgent() ? settings.ackUrgentMinutes() : settings.ackRoutineMinutes();
            y.acknowledged.add(Windows.status(t, ack, window, observedUntil));
            y.lost.add(Windows.status(t, ack, settings.lostResultMinutes(), observedUntil));
            if (r.critical()) {
                y.critical++;
                long passedOn = r.firstPassedOn();
                if (passedOn != Checks.ABSENT) y.criticalEventDelivered = true;
                y.criticalPassedOn.add(Windows.status(t, passedOn, settings.criticalNotifyMinutes(), observedUntil));
            }
        }

        DiagnostiekYear countsOf(int year) {
            if (year != this.year) {
                this.year = year;
                counts = years.computeIfAbsent(year, k -> new DiagnostiekYear(observedUntil, settings.criticalNotifyMinutes()));
            }
            return counts;
        }
    }
}
