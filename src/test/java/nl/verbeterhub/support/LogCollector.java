package nl.verbeterhub.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Keeps every log line of the run (message, arguments and stack traces) for the privacy checks. */
public final class LogCollector extends AppenderBase<ILoggingEvent> {

    private final List<String> lines = new ArrayList<>();

    public static LogCollector attach() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LogCollector collector = new LogCollector();
        collector.setContext(context);
        collector.setName("privacy-collector");
        collector.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(collector);
        // Our own code and Camel at every level: no identifier may appear even in debug output.
        context.getLogger("nl.verbeterhub").setLevel(Level.TRACE);
        context.getLogger("org.apache.camel").setLevel(Level.DEBUG);
        return collector;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        StringBuilder b = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                b.append('\n').append(frame.getSTEAsString());
            }
        }
        lines.add(b.toString());
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
