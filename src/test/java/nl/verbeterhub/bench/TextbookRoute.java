package nl.verbeterhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.verbeterhub.kafka.EmbeddedKafkaBroker;
import nl.verbeterhub.pseudonym.PseudonymSecret;
import nl.verbeterhub.pseudonym.Pseudonymizer;
import nl.verbeterhub.record.RowResult;
import nl.verbeterhub.record.TextRow;
import nl.verbeterhub.state.StoredRecord;
import nl.verbeterhub.theme.pijn.PainRowParser;
import nl.verbeterhub.theme.pijn.PainScales;
import nl.verbeterhub.theme.pijn.PainTheme;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.dataformat.bindy.csv.BindyCsvDataFormat;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The route a Camel user would write: unmarshal the whole file with Bindy, split it, and send each row
 * as an exchange to Kafka (the component's defaults: one acknowledged send per exchange). Each row is
 * checked and pseudonymised with the hub's own classes, so only the plumbing differs.
 */
final class TextbookRoute {

    private TextbookRoute() {
    }

    static double run(Path file, long rows, HeapWatch heap) throws Exception {
        Path dir = Files.createTempDirectory(file.getParent(), "textbook-");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
             DefaultCamelContext camel = new DefaultCamelContext()) {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers",
                    broker.bootstrapServers()))) {
                admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic("bench.textbook", 6, (short) 1)))
                        .all().get();
            }
            PainRowParser parser = new PainRowParser(PainScales.defaults());
            AtomicLong sent = new AtomicLong();
            CountDownLatch allSent = new CountDownLatch(1);
            Pseudonymizer pseudonyms = new Pseudonymizer(PseudonymSecret.of("textbook-secret-0123456789"), 100_000);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("file:" + inbox + "?noop=true")
                            .unmarshal(new BindyCsvDataFormat(PainCsvRow.class))
                            .split(body()).streaming()
                                .process(exchange -> {
                                    PainCsvRow r = exchange.getIn().getBody(PainCsvRow.class);
                                    RowResult result = parser.parse(new TextRow(new String[] {r.measurementId, r.patientId,
                                            r.admissionId, r.measuredAt, r.scale, r.value, r.vulnerable}, false));
                                    if (result instanceof RowResult.Accepted a) {
                                        exchange.getIn().setHeader(KafkaConstants.KEY, "06010099:PIJN:"
                                                + pseudonyms.recordKey("06010099", "PIJN", a.recordId()));
                                        exchange.getIn().setBody(StoredRecord.encode(PainTheme.PIJN, "textbook",
                                                pseudonyms.patient("06010099", a.patientId()), a.anchorEpochSecond(), a.payload()));
                                    } else {
                                        exchange.getIn().setHeader(KafkaConstants.KEY, "rejected");
                                        exchange.getIn().setBody(new byte[0]);
                                    }
                                })
                                .to("kafka:bench.textbook?brokers=" + broker.bootstrapServers()
                                        + "&valueSerializer=org.apache.kafka.common.serialization.ByteArraySerializer")
                                .process(exchange -> {
                                    if (sent.incrementAndGet() == rows) allSent.countDown();
                                })
                            .end();
                }
            });
            camel.start();
            heap.reset();
            long started = System.nanoTime();
            Files.copy(file, inbox.resolve(file.getFileName()));
            if (!allSent.await(6, TimeUnit.HOURS)) throw new IllegalStateException("textbook route did not finish");
            return (System.nanoTime() - started) / 1e9;
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }
}
