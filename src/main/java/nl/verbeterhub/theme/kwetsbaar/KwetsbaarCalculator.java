package nl.verbeterhub.theme.kwetsbaar;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
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
 * KWETSBAAR indicators in two ordered passes: the first finds {@code observedUntil} (the latest
 * admission of all years, themes.md §0.3), which decides whether an absent letter or overview is late or
 * still pending; the second counts. Records come ordered by (patient, anchor), so distinct patients per
 * year fall out of the order and memory stays constant.
 */
final class KwetsbaarCalculator implements ThemeCalculator {

    private final KwetsbaarSettings settings;
    private final Set<Destination> excluded;

    /** @throws IllegalArgumentException when an excluded destination is none of themes.md §1.1 */
    KwetsbaarCalculator(KwetsbaarSettings settings) {
        this.settings = settings;
        this.excluded = EnumSet.noneOf(Destination.class);
        for (String name : settings.transferExcludedDestinations()) {
            Destination d = Destination.parse(name);
            if (d == null) {
                throw new IllegalArgumentException(
                        "hub.themes.kwetsbaar.transfer-excluded-destinations: unknown destination " + name);
            }
            excluded.add(d);
        }
    }

    Set<Destination> excluded() {
        return excluded;
    }

    @Override
    public Theme theme() {
        return KwetsbaarTheme.THEME;
    }

    @Override
    public SortedMap<Integer, KwetsbaarYear> compute(RecordStore store, String agb, DeliveredTypes delivered) {
        long observedUntil = ObservedUntil.of(store, agb, KwetsbaarTheme.KWETSBAAR);
        Pass pass = new Pass(observedUntil);
        if (observedUntil != ObservedUntil.NONE) {
            store.forEachRecord(agb, KwetsbaarTheme.KWETSBAAR, pass::visit);
            pass.endPatient();
        }
        return pass.years;
    }

    private final class Pass {
        final SortedMap<Integer, KwetsbaarYear> years = new TreeMap<>();
        final long observedUntil;
        final PatientBoundary boundary = new PatientBoundary();
        final Set<Integer> patientYears = new HashSet<>();
        final LocalDays days = new LocalDays();
        final boolean[] present = new boolean[ElderlyAdmissionRecord.DOMAINS.size()];
        final boolean[] onTime = new boolean[present.length];

        Pass(long observedUntil) {
            this.observedUntil = observedUntil;
        }

        void visit(StoredRecord.View view) {
            if (boundary.next(view.patient())) endPatient();
            long admitted = view.anchor();
            int year = days.of(admitted).getYear();
            KwetsbaarYear y = years.computeIfAbsent(year, k -> new KwetsbaarYear(settings.minAge(), observedUntil));
            y.dataUntil = Math.max(y.dataUntil, admitted);

            ElderlyAdmissionRecord r = ElderlyAdmissionRecord.decode(view.payload());
            if (r.ageYears() < settings.minAge()) return;
            y.admissions++;
            patientYears.add(year);
            if (!r.discharged()) return; // still admitted: waits for its discharge
            if (Windows.minutes(admitted, r.dischargedAt()) >= settings.minStayMinutes()) stay(y, admitted, r);
            if (r.destination() == null || !excluded.contains(r.destination())) discharge(y, r);
        }

        void stay(KwetsbaarYear y, long admitted, ElderlyAdmissionRecord r) {
            for (int i = 0; i < present.length; i++) {
                long at = r.screenedAt()[i];
                present[i] = at != Checks.ABSENT;
                long minutes = present[i] ? Windows.minutes(admitted, at) : 0;
                onTime[i] = present[i] && minutes >= -settings.screeningLookbackMinutes()
                        && minutes <= settings.screeningWindowMinutes();
            }
            y.addStay(present, onTime);
        }

        void discharge(KwetsbaarYear y, ElderlyAdmissionRecord r) {
            long t = r.dischargedAt();
            long letter = r.letterSentAt();
            long overview = r.medicationOverviewSentAt();
            y.addDischarge(Windows.status(t, letter, settings.letterMaxMinutes(), observedUntil),
                    letter != Checks.ABSENT, letter == Checks.ABSENT ? null : Windows.clamped(t, letter),
                    Windows.status(t, overview, settings.medicationOverviewMaxMinutes(), observedUntil),
                    overview != Checks.ABSENT);
        }

        void endPatient() {
            for (int year : patientYears) years.get(year).patients++;
            patientYears.clear();
        }
    }
}
