package nl.verbeterhub.theme.antistolling;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;

/**
 * The kept fields of a periprocedural record (anchor: {@code procedure_at}), 20 bytes: class, flags,
 * bleeding risk, plan, then the two optional date-times.
 *
 * @param bleedingRisk null when not given
 * @param plan null when not given
 * @param planRecordedAt epoch second, or {@link Checks#ABSENT}
 * @param inrAt epoch second, or {@link Checks#ABSENT}
 * @param postponed null when not given
 */
record ProcedureRecord(AnticoagulantClass anticoagulant, boolean urgent, BleedingRisk bleedingRisk, Plan plan,
                       long planRecordedAt, long inrAt, Boolean postponed) {

    private static final int URGENT = 1;
    private static final int POSTPONED_KNOWN = 2;
    private static final int POSTPONED = 4;

    byte[] encode() {
        int flags = (urgent ? URGENT : 0)
                | (postponed != null ? POSTPONED_KNOWN : 0)
                | (Boolean.TRUE.equals(postponed) ? POSTPONED : 0);
        return ByteBuffer.allocate(4 + 8 + 8)
                .put(anticoagulant.code())
                .put((byte) flags)
                .put(bleedingRisk == null ? 0 : bleedingRisk.code())
                .put(plan == null ? 0 : plan.code())
                .putLong(planRecordedAt)
                .putLong(inrAt)
                .array();
    }

    static ProcedureRecord decode(ByteBuffer b) {
        AnticoagulantClass anticoagulant = AnticoagulantClass.ofCode(b.get());
        int flags = b.get();
        BleedingRisk risk = BleedingRisk.ofCode(b.get());
        Plan plan = Plan.ofCode(b.get());
        long planRecordedAt = b.getLong();
        long inrAt = b.getLong();
        Boolean postponed = (flags & POSTPONED_KNOWN) == 0 ? null : (flags & POSTPONED) != 0;
        return new ProcedureRecord(anticoagulant, (flags & URGENT) != 0, risk, plan, planRecordedAt, inrAt, postponed);
    }
}
