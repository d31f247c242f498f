package nl.verbeterhub.theme.eigen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The kept fields of a milestone report (anchor: local midnight of reported_on, which gives its year). */
record MilestoneRecord(String milestoneId, MilestoneStatus status) {

    byte[] encode() {
        byte[] id = milestoneId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + id.length + 1).put((byte) id.length).put(id)
                .put((byte) status.ordinal()).array();
    }

    static MilestoneRecord decode(ByteBuffer b) {
        byte[] id = new byte[b.get()];
        b.get(id);
        return new MilestoneRecord(new String(id, StandardCharsets.UTF_8), MilestoneStatus.values()[b.get()]);
    }
}
