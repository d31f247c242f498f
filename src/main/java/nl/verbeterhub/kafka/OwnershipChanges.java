package nl.verbeterhub.kafka;

import java.util.Set;

/** What a change of the partitions an instance owns sets in motion; every call comes from the state applier's thread. */
public interface OwnershipChanges {

    OwnershipChanges NONE = new OwnershipChanges() {
        @Override
        public void fence(Set<Integer> partitions) {
        }

        @Override
        public void acquired(Set<Integer> partitions) {
        }

        @Override
        public void revoked(Set<Integer> partitions) {
        }
    };

    /** Fences the partitions' transactional ids: a previous owner's open transaction is aborted. */
    void fence(Set<Integer> partitions);

    /** The partitions are restored and owned now; long work belongs on another thread. */
    void acquired(Set<Integer> partitions);

    /** The partitions are no longer owned; stop what serves them before returning. */
    void revoked(Set<Integer> partitions);
}
