package nl.verbeterhub.kafka;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The hospitals this instance serves: those whose record-state partition the consumer group gave it
 * (design-notes §3). A partition counts as owned only once its state is restored, and stops counting
 * before its hand-over begins. Work that publishes for a hospital runs inside {@link #whileOwning}, so
 * that a revocation waits for it and nothing is published for a hospital after its partition left.
 */
public final class Ownership {

    private final int partitions;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();

    public Ownership(int partitions) {
        if (partitions < 1) throw new IllegalArgumentException("partitions must be positive");
        this.partitions = partitions;
    }

    /** Every hospital owned: one process that serves everything (tests, tools). */
    public static Ownership everything(int partitions) {
        Ownership all = new Ownership(partitions);
        for (int p = 0; p < partitions; p++) all.owned.add(p);
        return all;
    }

    public int partitions() {
        return partitions;
    }

    public int partitionOf(String agb) {
        return HospitalPartitioner.partitionOf(agb, partitions);
    }

    public boolean owns(String agb) {
        return owned.contains(partitionOf(agb));
    }

    public boolean ownsPartition(int partition) {
        return owned.contains(partition);
    }

    public Set<Integer> owned() {
        return new TreeSet<>(owned);
    }

    /**
     * Runs the work if this instance owns the hospital, holding the ownership meanwhile.
     *
     * @return the work's result, or {@code otherwise} when the hospital is served elsewhere
     */
    public <T> T whileOwning(String agb, Supplier<T> work, T otherwise) {
        guard.readLock().lock();
        try {
            return owns(agb) ? work.get() : otherwise;
        } finally {
            guard.readLock().unlock();
        }
    }

    void acquired(Set<Integer> restored) {
        owned.addAll(restored);
    }

    /** Waits for work under way for these partitions, then gives them up. */
    void revoke(Set<Integer> leaving) {
        guard.writeLock().lock();
        try {
            owned.removeAll(leaving);
        } finally {
            guard.writeLock().unlock();
        }
    }
}
