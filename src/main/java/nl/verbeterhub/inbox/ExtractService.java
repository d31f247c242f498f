package nl.verbeterhub.inbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.UnusableFileException;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.kafka.ExtractTransactions;
import nl.verbeterhub.kafka.KafkaExtractSink;
import nl.verbeterhub.kafka.NotOwnedException;
import nl.verbeterhub.ops.ExtractActivity;
import nl.verbeterhub.theme.Theme;

/**
 * Commits one delivery in the order of design-notes §2: identify it; skip a re-delivery; read it into
 * Kafka transactions ending with its commit marker. Moving it and regenerating the drafts come after, in
 * the route. Knows no source type: {@link DeliveryReader} turns the delivery into records.
 */
public final class ExtractService {

    private static final Duration READY_WAIT = Duration.ofSeconds(10);

    private final ExtractIngest ingest;
    private final DeliveryReader deliveries;
    private final ExtractTransactions transactions;
    private final ExtractLog log;
    private final HubReadiness readiness;
    private final ExtractActivity activity;

    public ExtractService(ExtractIngest ingest, DeliveryReader deliveries, ExtractTransactions transactions,
                          ExtractLog log, HubReadiness readiness, ExtractActivity activity) {
        this.activity = activity;
        this.ingest = ingest;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.log = log;
        this.readiness = readiness;
    }

    /** @param delivered a file, or a bulk export's folder */
    public ExtractOutcome commit(ConnectorConfig connector, Path delivered, Instant receivedAt)
            throws UnusableFileException, IOException, InterruptedException, TimeoutException {
        readiness.awaitReady(READY_WAIT);
        try (Delivery delivery = deliveries.open(connector, delivered)) {
            String sha256 = delivery.sha256();
            if (log.committed(connector.id(), sha256)) {
                // Also the retry of an extract whose commit reached the broker before an error here: regenerate
                // what its commit would have (changed drafts only are published, so a true re-delivery costs nothing).
                Set<Theme> themes = regenerated(connector, log.themesOf(connector.id(), sha256));
                return new ExtractOutcome(connector.agb(), sha256, true, themes, Map.of(), null);
            }
            ExtractSource source = new ExtractSource(connector.agb(), connector.id(), delivery.name(), sha256,
                    receivedAt, connector.snapshot(), connector.snapshotYears());
            KafkaExtractSink sink = transactions.begin(source, log::begun);
            try (sink) {
                ExtractCommit commit = ingest.ingest(source, delivery.records(),
                        activity.observe(connector.id(), delivery.name(), sha256, sink));
                sink.commit(commit);
                log.add(commit);
                return new ExtractOutcome(connector.agb(), sha256, false, regenerated(connector, themes(commit)),
                        sink.lastRecordOffsets(), commit);
            } catch (RuntimeException e) {
                // A producer closed by a hand-over: the file is the new owner's now, not poison.
                if (!transactions.serves(connector.agb())) throw new NotOwnedException(connector.agb(), e);
                throw e;
            } finally {
                // Half an extract may be durable; then its "begun" marker stands and keeps its drafts back.
                if (!sink.leftHalfWay()) log.finished(connector.id());
                activity.finished(connector.id());
            }
        }
    }

    /** The extract's own themes, and every other theme whose drafts name this connector's latest extract. */
    private Set<Theme> regenerated(ConnectorConfig connector, Set<Theme> own) {
        Set<Theme> themes = new TreeSet<>();
        themes.addAll(own);
        themes.addAll(log.themesContributedBy(connector.agb(), connector.id()));
        return themes;
    }

    private static Set<Theme> themes(ExtractCommit commit) {
        Set<Theme> themes = new TreeSet<>();
        commit.counts().keySet().forEach(type -> themes.add(Theme.of(type)));
        return themes;
    }
}
