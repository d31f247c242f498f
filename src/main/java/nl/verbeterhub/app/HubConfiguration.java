package nl.verbeterhub.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import nl.verbeterhub.config.HubProperties;
import nl.verbeterhub.config.ThemeBinding;
import nl.verbeterhub.connector.ConnectorLoader;
import nl.verbeterhub.connector.Connectors;
import nl.verbeterhub.draft.DraftBuilder;
import nl.verbeterhub.draft.DraftPublisher;
import nl.verbeterhub.draft.DraftService;
import nl.verbeterhub.draft.PublishedDrafts;
import nl.verbeterhub.extract.ExtractIngest;
import nl.verbeterhub.extract.ExtractLog;
import nl.verbeterhub.failure.FailureClassifier;
import nl.verbeterhub.fhir.FhirMapping;
import nl.verbeterhub.fhir.FhirReading;
import nl.verbeterhub.status.ConnectorStatus;
import nl.verbeterhub.status.HubReadiness;
import nl.verbeterhub.inbox.DeliveryReader;
import nl.verbeterhub.inbox.DeliveryWatch;
import nl.verbeterhub.inbox.DraftRegeneration;
import nl.verbeterhub.inbox.ExtractService;
import nl.verbeterhub.inbox.FhirInboxScanner;
import nl.verbeterhub.inbox.InboxHandler;
import nl.verbeterhub.inbox.InboxRetention;
import nl.verbeterhub.inbox.RetryNotifier;
import nl.verbeterhub.kafka.ExtractTransactions;
import nl.verbeterhub.kafka.ExtractLogFollower;
import nl.verbeterhub.kafka.KafkaEndpoints;
import nl.verbeterhub.kafka.Ownership;
import nl.verbeterhub.kafka.StateApplier;
import nl.verbeterhub.metrics.HubMetrics;
import nl.verbeterhub.ops.ExtractActivity;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.state.RecordStore;
import nl.verbeterhub.theme.ThemeSettings;
import org.springframework.boot.context.properties.bind.Binder;
import nl.verbeterhub.theme.Themes;
import nl.verbeterhub.theme.pijn.PainScales;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The hub's parts, wired once. Plain classes underneath: {@code validate} wires the same ones by hand. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PainScales painScales(HubProperties properties) {
        return properties.pain().toScales();
    }

    /** Every theme's thresholds and the hospitals' own goals; an invalid own-goal file stops start-up, naming file and field. */
    @Bean
    ThemeSettings themeSettings(Environment environment, PainScales scales) {
        return ThemeBinding.bind(Binder.get(environment), scales);
    }

    @Bean
    PseudonymSecret pseudonymSecret(HubProperties properties, Environment environment) throws IOException {
        return SecretResolver.resolve(properties, environment);
    }

    @Bean(destroyMethod = "close")
    RecordStore recordStore(HubProperties properties) throws IOException {
        return RecordStore.open(properties.dataDir().resolve("state"), 32L << 20);
    }

    @Bean
    ExtractLog extractLog() {
        return new ExtractLog();
    }

    @Bean
    Connectors connectors(HubProperties properties) throws IOException {
        return new Connectors(ConnectorLoader.load(properties.connectorsDir(), properties.inbox().pollDelay()));
    }

    @Bean
    ExtractIngest extractIngest(RecordStore store, PseudonymSecret secret, HubProperties properties, ThemeSettings themes,
                                Clock clock) {
        return new ExtractIngest(store, secret, properties.pseudonym().cacheSize(), Themes.parsers(themes), clock,
                properties.kafka().rowsPerTransaction());
    }

    @Bean
    FhirReading fhirReading(HubProperties properties, PainScales scales, ThemeSettings themes, PseudonymSecret secret) {
        return new FhirReading(new FhirMapping(scales, properties.fhir().toVbiScores(), themes), secret,
                properties.fhir().maxResourceBytes(),
                properties.dataDir().resolve("tmp"));
    }

    @Bean
    DeliveryReader deliveryReader(HubProperties properties, FhirReading fhir, RecordStore store, PseudonymSecret secret) {
        return new DeliveryReader(properties, fhir, store, secret);
    }

    /** The hospitals this instance serves: the record-state partitions the consumer group gave it. */
    @Bean
    Ownership ownership(HubProperties properties) {
        return new Ownership(properties.kafka().topics().partitions());
    }

    @Bean(destroyMethod = "close")
    ExtractTransactions extractTransactions(KafkaEndpoints endpoints, Ownership ownership, HubProperties properties) {
        return new ExtractTransactions(endpoints, ownership, properties.kafka().transactionTimeout(),
                properties.dataDir().resolve("tmp"));
    }

    @Bean(destroyMethod = "close")
    ExtractLogFollower extractLogFollower(KafkaEndpoints endpoints, ExtractLog log) {
        return new ExtractLogFollower(endpoints, log);
    }

    /** Every instance on one record-state topic is in one consumer group: it divides the hospitals among them. */
    @Bean(destroyMethod = "close")
    StateApplier stateApplier(KafkaEndpoints endpoints, RecordStore store, ExtractLogFollower markers, Ownership ownership,
                              HubProperties properties) {
        return new StateApplier(endpoints, store, markers, ownership, endpoints.topics().records() + ".owners",
                properties.kafka().sessionTimeout(), properties.kafka().handoverTimeout());
    }

    @Bean
    PublishedDrafts publishedDrafts() {
        return new PublishedDrafts();
    }

    @Bean
    DraftService draftService(RecordStore store, ExtractLog log, ThemeSettings themes, HubProperties properties,
                              Connectors connectors, ProducerTemplate template, PublishedDrafts published, Clock clock,
                              HubMetrics metrics, Ownership ownership) {
        DraftBuilder builder = new DraftBuilder(store, log, Themes.calculators(themes),
                properties.draft().minimumGroupSize(), connectors::hospitalName);
        return new DraftService(builder, new DraftPublisher(template, properties.deploymentUri()), published, store, log,
                clock, metrics, ownership);
    }

    @Bean
    HubMetrics hubMetrics(MeterRegistry registry, Connectors connectors, ExtractLog log) {
        return new HubMetrics(registry, connectors, log);
    }

    @Bean
    HubReadiness hubReadiness() {
        return new HubReadiness();
    }

    @Bean
    ConnectorStatus connectorStatus(Clock clock) {
        return new ConnectorStatus(clock);
    }

    @Bean
    FailureClassifier failureClassifier() {
        return new FailureClassifier();
    }

    @Bean
    ExtractService extractService(ExtractIngest ingest, DeliveryReader deliveries, ExtractTransactions transactions,
                                  ExtractLog log, HubReadiness readiness, ExtractActivity activity) {
        return new ExtractService(ingest, deliveries, transactions, log, readiness, activity);
    }

    @Bean
    DeliveryWatch deliveryWatch() {
        return new DeliveryWatch();
    }

    @Bean
    ExtractActivity extractActivity(Clock clock) {
        return new ExtractActivity(clock);
    }

    @Bean
    DraftRegeneration draftRegeneration(StateApplier applier, DraftService drafts, ConnectorStatus status, Clock clock,
                                        HubProperties properties) {
        return new DraftRegeneration(applier::awaitApplied, drafts, status, clock,
                Duration.ofMillis(properties.inbox().maxRetryDelayMs()));
    }

    @Bean
    InboxHandler inboxHandler(Connectors connectors, ExtractService extracts, DraftRegeneration regeneration,
                              ConnectorStatus status, Clock clock, HubMetrics metrics, DeliveryWatch watch) {
        return new InboxHandler(connectors, extracts, regeneration, status, clock, metrics, watch);
    }

    @Bean
    FhirInboxScanner fhirInboxScanner(Connectors connectors, Clock clock, HubProperties properties) {
        return new FhirInboxScanner(connectors, clock, properties.inbox().readLock());
    }

    @Bean
    RetryNotifier inboxRetryNotifier(InboxHandler handler) {
        return new RetryNotifier(handler);
    }

    @Bean
    InboxRetention inboxRetention(Connectors connectors, HubProperties properties, Clock clock) {
        return new InboxRetention(connectors, properties.inbox().doneRetention(), clock);
    }
}
