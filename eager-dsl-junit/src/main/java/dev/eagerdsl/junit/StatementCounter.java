package dev.eagerdsl.junit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, for {@link EagerAssertions#assertStatements(int,
 * org.junit.jupiter.api.function.Executable) assertStatements}. Register it as the statement inspector of the
 * {@code SessionFactory} under test, by class name:
 *
 * <pre>
 * hibernate.session_factory.statement_inspector=dev.eagerdsl.junit.StatementCounter
 * # Spring Boot:
 * spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.eagerdsl.junit.StatementCounter
 * </pre>
 *
 * <p>Every instance records into the same place, so the instance Hibernate creates needs no wiring. Statements are
 * recorded per thread, and only while an assertion runs on that thread: work handed to other threads is not
 * counted. If the factory already has an inspector of its own, call {@link #record(String)} from it instead.
 *
 * @since 0.1.0
 */
public final class StatementCounter implements StatementInspector {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<Deque<List<String>>> RECORDINGS = ThreadLocal.withInitial(ArrayDeque::new);

    private static volatile boolean registered;

    /**
     * Called by Hibernate when it reads the {@code hibernate.session_factory.statement_inspector} setting.
     *
     * @since 0.1.0
     */
    public StatementCounter() {
        registered = true;
    }

    /**
     * Records {@code sql} and returns it unchanged.
     *
     * @param sql the statement Hibernate is about to prepare
     * @return {@code sql}
     * @since 0.1.0
     */
    @Override
    public String inspect(String sql) {
        record(sql);
        return sql;
    }

    /**
     * Records a statement for the assertions running on this thread; for an inspector of your own that cannot be
     * replaced by this one.
     *
     * @param sql the statement
     * @since 0.1.0
     */
    public static void record(String sql) {
        registered = true;
        for (List<String> recording : RECORDINGS.get()) {
            recording.add(sql);
        }
    }

    /** Starts recording on this thread; nested recordings each see every statement. */
    static List<String> start() {
        List<String> recording = new ArrayList<>();
        RECORDINGS.get().push(recording);
        return recording;
    }

    /** Ends the recording {@link #start()} returned. */
    static void stop(List<String> recording) {
        Deque<List<String>> active = RECORDINGS.get();
        active.removeFirstOccurrence(recording);
        if (active.isEmpty()) {
            RECORDINGS.remove();
        }
    }

    /** @return whether Hibernate has created a counter (or {@link #record} was called) in this JVM */
    static boolean isRegistered() {
        return registered;
    }

    /** For this module's own tests: forget that a counter was registered, return what was known. */
    static boolean resetRegistered(boolean value) {
        boolean was = registered;
        registered = value;
        return was;
    }
}
