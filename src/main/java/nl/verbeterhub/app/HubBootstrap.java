package nl.verbeterhub.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.kafka.ExtractLogFollower;
import nl.verbeterhub.kafka.KafkaEndpoints;
import nl.verbeterhub.kafka.StateApplier;
import nl.verbeterhub.kafka.TopicMismatchException;
import nl.verbeterhub.kafka.TopicSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Brings the state up before anything is computed or published (design-notes §2): topics, the extract
 * log, the record state of the partitions the instances' group gives this instance (fenced, then restored
 * up to their end), the drafts published so far; then regenerates its hospitals' drafts once and starts
 * their connectors. Runs in the background so
 * that health can say what the hub waits for (a broker that is away, say); retries until it succeeds.
 */
@Component
class HubBootstrap implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(HubBootstrap.class);
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration PROGRESS = Duration.ofSeconds(5);

    private final KafkaEndpoints endpoints;
    private final ExtractLogFollower markers;
    private final StateApplier applier;
    private final PartitionHandover handover;
    private final HubReadiness readiness;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-bootstrap");
        t.setDaemon(true);
        return t;
    });
    private boolean applierStarted;

    HubBootstrap(KafkaEndpoints endpoints, ExtractLogFollower markers, StateApplier applier, PartitionHandover handover,
                 HubReadiness readiness) {
        this.endpoints = endpoints;
        this.markers = markers;
        this.applier = applier;
        this.handover = handover;
        this.readiness = readiness;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        noteCollector();
        executor.execute(this::bootstrap);
    }

    /** The hub's throughput was measured on the parallel collector; say so when it runs on another. */
    private static void noteCollector() {
        List<String> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList();
        if (collectors.stream().noneMatch(name -> name.startsWith("PS "))) {
            LOG.info("Running on {}; start the hub with -XX:+UseParallelGC for its measured throughput "
                    + "(docs/decisions.md 32)", String.join(" + ", collectors));
        }
    }

    private void bootstrap() {
        try {
            readiness.waitingFor("creating topics");
            TopicSetup.ensure(endpoints);
            readiness.waitingFor("reading the extract log");
            if (!markers.following()) markers.restoreAndFollow(Duration.ofHours(1));
            readiness.waitingFor("joining the instances' group; fencing and restoring the record state");
            if (!applierStarted) {
                applier.start();
                applierStarted = true;
            }
            awaitFirstAssignment();
            readiness.waitingFor("reading back published drafts; regenerating drafts");
            int sent = handover.startServing().get();
            readiness.ready();
            LOG.info("Hub ready: state restored, {} draft value(s) published at start-up", sent);
        } catch (TopicMismatchException e) {
            // Not worth a retry: the hub must not run on these topics. Never ready; health DOWN says why.
            readiness.waitingFor("stopped: " + e.getMessage());
            LOG.error("The hub does not start: {}", e.getMessage());
        } catch (Exception e) {
            readiness.waitingFor(readiness.waitingFor() + " (failed: " + e.getClass().getSimpleName() + ", retrying)");
            LOG.warn("Start-up step failed ({}); retrying in {}s", e.getClass().getSimpleName(), RETRY.toSeconds(), e);
            executor.schedule(this::bootstrap, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Waits in slices, so that health says which step of the group's first assignment takes long and why. */
    private void awaitFirstAssignment() throws Exception {
        long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
        while (true) {
            try {
                applier.awaitFirstAssignment(PROGRESS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) throw e;
                String error = applier.lastError();
                readiness.waitingFor("joining the instances' group: " + applier.firstAssignmentProgress()
                        + (error == null ? "" : "; last failure: " + error));
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
