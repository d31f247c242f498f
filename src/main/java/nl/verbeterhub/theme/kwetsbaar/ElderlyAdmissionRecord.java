package nl.verbeterhub.theme.kwetsbaar;

import java.nio.ByteBuffer;
import java.util.List;
import nl.verbeterhub.record.Checks;

/**
 * The kept fields of an elderly admission (anchor: admitted_at). The birth date is turned into
 * {@code ageYears} at ingest and dropped; every date-time is an epoch second or {@link Checks#ABSENT}.
 *
 * @param destination null when not given
 * @param screenedAt the screening times in the order of {@link #DOMAINS}
 */
record ElderlyAdmissionRecord(int ageYears, long dischargedAt, Destination destination, long[] screenedAt,
                              long letterSentAt, long medicationOverviewSentAt) {

    /** The VMS domains, in table order; {@code <domain>_screened_at} is each one's column. */
    static final List<String> DOMAINS = List.of("delirium", "falls", "malnutrition", "physical");

    private static final int SIZE = 2 + 8 + 1 + 8 * 4 + 8 + 8;

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(SIZE)
                .putShort((short) ageYears)
                .putLong(dischargedAt)
                .put(destination == null ? 0 : destination.id());
        for (long at : screenedAt) b.putLong(at);
        return b.putLong(letterSentAt).putLong(medicationOverviewSentAt).array();
    }

    static ElderlyAdmissionRecord decode(ByteBuffer b) {
        int age = b.getShort();
        long discharged = b.getLong();
        byte destination = b.get();
        long[] screened = new long[DOMAINS.size()];
        for (int i = 0; i < screened.length; i++) screened[i] = b.getLong();
        return new ElderlyAdmissionRecord(age, discharged, destination == 0 ? null : Destination.ofId(destination),
                screened, b.getLong(), b.getLong());
    }

    boolean discharged() {
        return dischargedAt != Checks.ABSENT;
    }
}
