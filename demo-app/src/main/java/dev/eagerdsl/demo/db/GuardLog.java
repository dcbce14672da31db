package dev.eagerdsl.demo.db;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * A logback appender (see {@code logback.xml}) that keeps the lines of the guard's logger
 * {@code dev.eagerdsl.LazyLoad}, so that the demo can print them, unchanged, under the scenario
 * that caused them instead of in the middle of its tables.
 */
public final class GuardLog extends AppenderBase<ILoggingEvent> {

    private static final List<String> LINES = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
        synchronized (LINES) {
            LINES.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage());
        }
    }

    /** @return the lines logged since the last call, oldest first; forgets them */
    public static List<String> drain() {
        synchronized (LINES) {
            List<String> out = List.copyOf(LINES);
            LINES.clear();
            return out;
        }
    }
}
