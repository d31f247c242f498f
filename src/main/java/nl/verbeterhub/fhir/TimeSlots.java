package nl.verbeterhub.fhir;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * Times kept per join entry in numbered slots, each a flag and the earliest instant seen: the first
 * screening of a domain, the first letter, the first acknowledgement. A time that cannot be read (a date
 * only included) marks its slot bad: the field is then unparsable and rejects the record, as an
 * unreadable intake rejects a NUCHTER record.
 */
final class TimeSlots {

    static final int BYTES = 9;
    private static final int SEEN = 1;
    private static final int BAD = 2;

    private TimeSlots() {
    }

    /** Notes one time, as FHIR text, in slot {@code slot} of the entry. */
    static void earliest(ByteBuffer entry, int slot, String time) {
        int at = slot * BYTES;
        long instant = time == null ? FhirDateTimes.UNPARSABLE : FhirDateTimes.instant(time);
        int flags = entry.get(at);
        if (instant == FhirDateTimes.UNPARSABLE) {
            flags |= BAD;
        } else if ((flags & SEEN) == 0 || instant < entry.getLong(at + 1)) {
            entry.putLong(at + 1, instant);
            flags |= SEEN;
        }
        entry.put(at, (byte) flags);
    }

    /** The slot's instant, {@link FhirDateTimes#UNPARSABLE} when one was bad, {@link Checks#ABSENT} when none. */
    static long of(byte[] entry, int slot) {
        if (entry == null) return Checks.ABSENT;
        ByteBuffer b = ByteBuffer.wrap(entry, slot * BYTES, BYTES);
        int flags = b.get();
        if ((flags & BAD) != 0) return FhirDateTimes.UNPARSABLE;
        return (flags & SEEN) != 0 ? b.getLong() : Checks.ABSENT;
    }
}
