package nl.verbeterhub.inbox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Runs before each redelivery of an inbox exchange, so that health shows the connector waiting. */
public final class RetryNotifier implements Processor {

    private final InboxHandler handler;

    public RetryNotifier(InboxHandler handler) {
        this.handler = handler;
    }

    @Override
    public void process(Exchange exchange) {
        handler.retrying(exchange);
    }
}
