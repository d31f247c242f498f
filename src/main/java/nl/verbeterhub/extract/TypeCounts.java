package nl.verbeterhub.extract;

import java.util.EnumMap;
import java.util.Map;
import nl.verbeterhub.record.ReasonCode;

/**
 * How many records of one type an extract held: read (data lines), accepted, and rejected by reason.
 * Mutable while the extract is read, then frozen into its commit marker.
 */
public final class TypeCounts {

    private long read;
    private long accepted;
    private final EnumMap<ReasonCode, Long> rejected = new EnumMap<>(ReasonCode.class);

    public TypeCounts() {
    }

    public TypeCounts(long read, long accepted, Map<ReasonCode, Long> rejected) {
        this.read = read;
        this.accepted = accepted;
        this.rejected.putAll(rejected);
    }

    public void countAccepted() {
        read++;
        accepted++;
    }

    public void countRejected(ReasonCode reason) {
        read++;
        rejected.merge(reason, 1L, Long::sum);
    }

    public void add(TypeCounts other) {
        read += other.read;
        accepted += other.accepted;
        other.rejected.forEach((reason, n) -> rejected.merge(reason, n, Long::sum));
    }

    public long read() {
        return read;
    }

    public long accepted() {
        return accepted;
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rejections by reason, only reasons that occurred, in the enum's order. */
    public Map<ReasonCode, Long> rejectedByReason() {
        return new EnumMap<>(rejected);
    }
}
