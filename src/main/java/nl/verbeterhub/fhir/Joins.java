package nl.verbeterhub.fhir;

import java.nio.ByteBuffer;
import nl.verbeterhub.record.Checks;
import nl.verbeterhub.record.ReasonCode;
import nl.verbeterhub.theme.nuchter.FastingTheme;
import nl.verbeterhub.time.FhirDateTimes;

/**
 * The anaesthesia join of domain.md §6: an Encounter gives a procedure its urgency, the last-intake
 * Observations ({@code partOf} the procedure) its fasting times. Both are read before any procedure
 * ({@link Pass}), kept in the join store, and looked up per procedure.
 */
final class Joins {

    private static final byte URGENT = 1;
    private static final byte ELECTIVE = 0;
    private static final int SEEN = 1;
    private static final int BAD = 2;
    private static final int URGENCY = FastingTheme.NUCHTER.column("urgency");

    private final JoinStore join;

    Joins(JoinStore join) {
        this.join = join;
    }

    void encounter(FhirResource r, String fullUrl) {
        String self = References.self(r, fullUrl);
        // An Encounter entered in error never took place: a procedure in it has no urgency to take from it.
        if (self == null || FhirMapping.status(r) == FhirMapping.Status.REMOVED) return;
        boolean urgent = false;
        for (String code : Codes.URGENT_PRIORITIES) urgent |= r.priority.has(Codes.ACT_PRIORITY, code);
        join.put(join.key(JoinStore.ENCOUNTER, self), new byte[] {urgent ? URGENT : ELECTIVE});
    }

    /** A last intake of a final, amended or corrected status, for every procedure it is part of. */
    void intake(FhirResource r, FhirMapping.IntakeKind kind) {
        if (FhirMapping.status(r) != FhirMapping.Status.COUNTED) return;
        long time = FhirDateTimes.instant(r.valueDateTime);
        int at = kind.ordinal() * JoinStore.INTAKE_BYTES;
        for (String partOf : r.partOf) {
            byte[] key = key(partOf, "Procedure", Aliases.PROCEDURE, JoinStore.INTAKES);
            if (key == null) continue;
            ByteBuffer entry = join.entry(key);
            int flags = entry.get(at);
            if (time == FhirDateTimes.UNPARSABLE) {
                flags |= BAD;
            } else if ((flags & SEEN) == 0 || time > entry.getLong(at + 1)) {
                entry.putLong(at + 1, time);
                flags |= SEEN;
            }
            entry.put(at, (byte) flags);
        }
    }

    /**
     * A procedure's intakes into its row: of several of one kind the latest counts; one whose time is
     * missing or unreadable (a date only included) makes that field unparsable — a bad intake rejects the record.
     */
    void intakes(FhirRow row, String procedure) {
        byte[] all = procedure == null ? null : join.get(join.key(JoinStore.INTAKES, procedure));
        for (FhirMapping.IntakeKind kind : FhirMapping.IntakeKind.values()) {
            long value = Checks.ABSENT;
            if (all != null) {
                ByteBuffer intake = ByteBuffer.wrap(all, kind.ordinal() * JoinStore.INTAKE_BYTES, JoinStore.INTAKE_BYTES);
                int flags = intake.get();
                if ((flags & BAD) != 0) value = FhirDateTimes.UNPARSABLE;
                else if ((flags & SEEN) != 0) value = intake.getLong();
            }
            row.instant(kind.column, value);
        }
    }

    /** Urgent when the procedure's Encounter has priority EM or UR; elective without one; unresolved when it is not in the extract. */
    void urgency(FhirRow row, String encounterReference) {
        urgency(row, encounterReference, URGENCY);
    }

    /** The same into another table's urgency column (ANTISTOLLING: "urgency as NUCHTER"). */
    void urgency(FhirRow row, String encounterReference, int column) {
        if (encounterReference == null) return;
        byte[] key = key(encounterReference, "Encounter", Aliases.ENCOUNTER, JoinStore.ENCOUNTER);
        byte[] urgency = key == null ? null : join.get(key);
        if (urgency == null) {
            row.problem(column, ReasonCode.UNRESOLVED_REFERENCE);
        } else {
            row.set(column, urgency[0] == URGENT ? "urgent" : "elective");
        }
    }

    /** The join key of what a reference names, if it is of the type expected; else null. */
    byte[] key(String reference, String type, byte aliasKind, byte space) {
        String canonical = References.canonical(reference);
        if (canonical == null) return null;
        if (References.isUrn(canonical)) {
            byte[] alias = join.get(join.key(JoinStore.ALIAS, canonical));
            return alias == null || alias[0] != aliasKind ? null : Aliases.key(alias, space);
        }
        return References.isOfType(canonical, type) ? join.key(space, canonical) : null;
    }
}
