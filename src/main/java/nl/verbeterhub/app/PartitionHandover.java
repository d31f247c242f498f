package nl.verbeterhub.app;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import nl.verbeterhub.draft.DraftService;
import nl.verbeterhub.draft.PublishedDrafts;
import nl.verbeterhub.kafka.ExtractTransactions;
import nl.verbeterhub.kafka.KafkaEndpoints;
import nl.verbeterhub.kafka.Ownership;
import nl.verbeterhub.kafka.OwnershipChanges;
import nl.verbeterhub.kafka.StateApplier;
import nl.verbeterhub.ops.OwnedConnectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * What a change of ownership sets in motion. A partition given to this instance: its transactional id is
 * fenced before its state is read; once restored, the drafts its previous owner published are read back,
 * its hospitals' drafts regenerated (only changed ones are published), and its connectors started. A
 * partition taken away: its connectors stop (an extract under way may finish) and its producer closes.
 * Acquisitions run one after the other on one thread, the first one (at start-up) included.
 */
@Component
class PartitionHandover implements OwnershipChanges, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionHandover.class);
    private static final long RETRY_MILLIS = 5_000;

    private final KafkaEndpoints endpoints;
    private final Ownership ownership;
    private final ExtractTransactions transactions;
    private final PublishedDrafts published;
    private final DraftService drafts;
    private final OwnedConnectors connectors;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "partition-handover");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean started;

    PartitionHandover(KafkaEndpoints endpoints, Ownership ownership, ExtractTransactions transactions,
                      PublishedDrafts published, DraftService drafts, OwnedConnectors connectors, StateApplier applier) {
        this.endpoints = endpoints;
        this.ownership = ownership;
        this.transactions = transactions;
        this.published = published;
        this.drafts = drafts;
        this.connectors = connectors;
        applier.handOverTo(this);
    }

    @Override
    public void fence(Set<Integer> partitions) {
        transactions.fence(partitions);
    }

    /**
     * At start-up, once the first partitions are restored: publish what changed for every hospital served
     * here and start their connectors. Acquisitions before this are covered by it.
     *
     * @return how many draft values were published
     */
    Future<Integer> startServing() {
        return executor.submit(() -> {
            published.load(endpoints);
            int sent = drafts.regenerateAll();
            connectors.serve(ownership::owns);
            started = true;
            return sent;
        });
    }

    @Override
    public void acquired(Set<Integer> partitions) {
        executor.execute(() -> takeOver(partitions));
    }

    private void takeOver(Set<Integer> partitions) {
        if (!started) return; // startServing() covers them
        Predicate<String> these = agb -> partitions.contains(ownership.partitionOf(agb)) && ownership.owns(agb);
        try {
            // First what the previous owner published: an extract here must not publish it again.
            published.refresh(endpoints, these);
        } catch (Exception e) {
            LOG.warn("Reading back the drafts of partitions {} failed ({}); retrying", partitions, e.getClass().getSimpleName());
            executor.schedule(() -> takeOver(partitions), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        // The connectors start whatever a calculator does below: their inboxes must not wait for it.
        connectors.serve(these);
        regenerate(partitions, these);
    }

    private void regenerate(Set<Integer> partitions, Predicate<String> these) {
        try {
            int sent = drafts.regenerateHospitals(these);
            LOG.info("Took over partitions {}: {} draft value(s) published", partitions, sent);
        } catch (Exception e) {
            LOG.warn("Regenerating the drafts of partitions {} failed ({}); retrying", partitions, e.getClass().getSimpleName());
            executor.schedule(() -> regenerate(partitions, these), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void revoked(Set<Integer> partitions) {
        connectors.leave(agb -> partitions.contains(ownership.partitionOf(agb)));
        transactions.release(partitions);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
