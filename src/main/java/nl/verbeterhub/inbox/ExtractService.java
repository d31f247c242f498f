package nl.verbeterhub.inbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.connector.ConnectorConfig;
import nl.verbeterhub.csv.UnusableFileException;
import nl.verbeterhub.extract.CsvIngest;
import nl.verbeterhub.extract.ExtractCommit;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.extract.ExtractSource;
import nl.verbeterhub.extract.Sha256;
import nl.verbeterhub.health.HubReadiness;
import nl.verbeterhub.kafka.ExtractTransactions;
import nl.verbeterhub.kafka.KafkaExtractSink;
import nl.verbeterhub.theme.Theme;

/**
 * Commits one delivered file in the order of design-notes §2: hash it; skip a re-delivery; read it into
 * one Kafka transaction together with its commit marker. Moving the file and regenerating the drafts
 * come after, in the route.
 */
public final class ExtractService {

    private static final Duration READY_WAIT = Duration.ofSeconds(10);

    private final CsvIngest ingest;
    private final ExtractTransactions transactions;
    private final ExtractLog log;
    private final HubReadiness readiness;
    private final HubProperties properties;

    public ExtractService(CsvIngest ingest, ExtractTransactions transactions, ExtractLog log, HubReadiness readiness,
                          HubProperties properties) {
        this.ingest = ingest;
        this.transactions = transactions;
        this.log = log;
        this.readiness = readiness;
        this.properties = properties;
    }

    public ExtractOutcome commit(ConnectorConfig connector, Path file, Instant receivedAt)
            throws UnusableFileException, IOException, InterruptedException, TimeoutException {
        readiness.awaitReady(READY_WAIT);
        String sha256 = Sha256.of(file);
        if (log.committed(connector.id(), sha256)) {
            // Also the retry of an extract whose commit reached the broker before an error here: regenerate
            // what its commit would have (changed drafts only are published, so a true re-delivery costs nothing).
            Set<Theme> themes = regenerated(connector, log.themesOf(connector.id(), sha256));
            return new ExtractOutcome(connector.agb(), sha256, true, themes, Map.of());
        }
        ExtractSource source = new ExtractSource(connector.agb(), connector.id(), file.getFileName().toString(), sha256,
                receivedAt, connector.snapshot(), connector.snapshotYears(),
                connector.csvOptions(properties.csv().maxLineBytes()));
        KafkaExtractSink sink = transactions.begin(source, log::begun);
        try (sink) {
            ExtractCommit commit = ingest.ingest(source, file, sink);
            sink.commit(commit);
            log.add(commit);
            return new ExtractOutcome(connector.agb(), sha256, false, regenerated(connector, themes(commit)),
                    sink.lastRecordOffsets());
        } finally {
            // Half an extract may be durable; then its "begun" marker stands and keeps its drafts back.
            if (!sink.leftHalfWay()) log.finished(connector.id());
        }
    }

    /** The extract's own themes, and every other theme whose drafts name this connector's latest extract. */
    private Set<Theme> regenerated(ConnectorConfig connector, Set<Theme> own) {
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        themes.addAll(own);
        themes.addAll(log.themesContributedBy(connector.agb(), connector.id()));
        return themes;
    }

    private static Set<Theme> themes(ExtractCommit commit) {
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        commit.counts().keySet().forEach(type -> themes.add(type.theme()));
        return themes;
    }
}
