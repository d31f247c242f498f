package nl.verbeterhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;

/** Drops a file into a connector's inbox and waits until its route has processed that very file. */
public final class Deliveries {

    private Deliveries() {
    }

    /**
     * Only an exchange made after the drop, for this file name, counts: an earlier file's late events
     * once matched a wait before the file was even picked up.
     */
    public static void deliver(CamelContext camel, String connector, Path inbox, String name, byte[] content,
                               Duration timeout) {
        long dropped = System.currentTimeMillis();
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("inbox-" + connector)
                .filter(e -> e.getClock().getCreated() >= dropped
                        && name.equals(e.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class)))
                .whenDone(1).create();
        HubTestProperties.drop(inbox, name, content);
        assertThat(done.matches(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("processed " + name).isTrue();
    }
}
