package nl.verbeterhub.theme.kwetsbaar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.verbeterhub.theme.MinuteHistogram;
import nl.verbeterhub.theme.Sentences;
import nl.verbeterhub.theme.Suppression;
import nl.verbeterhub.theme.ThemeYear;
import nl.verbeterhub.theme.Windows;
import nl.verbeterhub.time.Amsterdam;

/**
 * KWETSBAAR figures of one hospital-year (themes.md §1.4). "Delivered" is tracked per base set: a column
 * counts as delivered for S or T only when a record of that set has a value in it.
 */
final class KwetsbaarYear implements ThemeYear {

    private static final String AT = "/indicators/";
    private static final int DOMAINS = ElderlyAdmissionRecord.DOMAINS.size();

    private final int minAge;
    private final long observedUntil;
    long dataUntil = Long.MIN_VALUE;
    long admissions;
    long patients;
    // S: the stays long enough to judge the screening.
    private long stays;
    private long screenedAll;
    private final long[] screened = new long[DOMAINS];
    private final boolean[] screeningDelivered = new boolean[DOMAINS];
    // T: the discharges that hand over to a next caregiver.
    private long discharges;
    private final Windows.Share letter = new Windows.Share();
    private final Windows.Share overview = new Windows.Share();
    private final Windows.Share transfer = new Windows.Share();
    private boolean letterDelivered;
    private boolean overviewDelivered;
    private final MinuteHistogram letterMinutes = new MinuteHistogram();

    KwetsbaarYear(int minAge, long observedUntil) {
        this.minAge = minAge;
        this.observedUntil = observedUntil;
    }

    /** A record of S: which domains have a screening time at all, and which were screened on time. */
    void addStay(boolean[] present, boolean[] onTime) {
        stays++;
        boolean all = true;
        for (int i = 0; i < DOMAINS; i++) {
            screeningDelivered[i] |= present[i];
            if (onTime[i]) screened[i]++;
            else all = false;
        }
        if (all) screenedAll++;
    }

    /**
     * A record of T with the status of its letter and overview windows; {@code letterMinutes} is the
     * clamped minutes to the letter, or null without one.
     */
    void addDischarge(Windows.Status letterStatus, boolean hasLetter, Long letterMinutes,
                      Windows.Status overviewStatus, boolean hasOverview) {
        discharges++;
        letterDelivered |= hasLetter;
        overviewDelivered |= hasOverview;
        letter.add(letterStatus);
        overview.add(overviewStatus);
        transfer.add(both(letterStatus, overviewStatus));
        if (letterMinutes != null) this.letterMinutes.add(letterMinutes);
    }

    /** On time when both are, late when either is, else pending. */
    private static Windows.Status both(Windows.Status a, Windows.Status b) {
        if (a == Windows.Status.LATE || b == Windows.Status.LATE) return Windows.Status.LATE;
        if (a == Windows.Status.ON_TIME && b == Windows.Status.ON_TIME) return Windows.Status.ON_TIME;
        return Windows.Status.PENDING;
    }

    @Override
    public long dataUntil() {
        return dataUntil;
    }

    @Override
    public void writeIndicators(ObjectNode o, Suppression s) {
        s.count(o, "admissions", AT + "admissions", admissions);
        s.count(o, "patients", AT + "patients", patients);
        boolean allDelivered = true;
        for (boolean d : screeningDelivered) allDelivered &= d;
        share(o, "screenedAllDomainsShare", AT + "screenedAllDomainsShare", s, screenedAll, allDelivered);
        ObjectNode byDomain = o.putObject("screenedByDomainShare");
        for (int i = 0; i < DOMAINS; i++) {
            String domain = ElderlyAdmissionRecord.DOMAINS.get(i);
            share(byDomain, domain, AT + "screenedByDomainShare/" + domain, s, screened[i], screeningDelivered[i]);
        }
        s.count(o, "discharges", AT + "discharges", discharges);
        letter.write(o, "letterOnTimeShare", AT + "letterOnTimeShare", s, letterDelivered);
        overview.write(o, "medicationOverviewOnTimeShare", AT + "medicationOverviewOnTimeShare", s, overviewDelivered);
        transfer.write(o, "transferOnTimeShare", AT + "transferOnTimeShare", s, letterDelivered && overviewDelivered);
        s.percentiles(o, "letterMinutes", AT + "letterMinutes", letterMinutes);
        o.put("observedUntil", Amsterdam.format(observedUntil));
    }

    /** A share over S, null when a column it needs was not delivered for S. */
    private void share(ObjectNode o, String field, String pointer, Suppression s, long numerator, boolean delivered) {
        if (delivered) s.share(o, field, pointer, numerator, stays);
        else o.putNull(field);
    }

    @Override
    public String checkSentence(int year, ObjectNode indicators) {
        return "In " + year + " zijn " + Sentences.wholeOrUnknown(indicators.get("admissions")) + " opnames van "
                + minAge + "-plussers geregistreerd; tijdig gescreend op alle vier VMS-domeinen: "
                + Sentences.percentOneDecimal(indicators.get("screenedAllDomainsShare"))
                + "; ontslagbrief en medicatieoverzicht op tijd: "
                + Sentences.percentOneDecimal(indicators.get("transferOnTimeShare")) + ".";
    }
}
