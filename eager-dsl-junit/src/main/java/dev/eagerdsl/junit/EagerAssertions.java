package dev.eagerdsl.junit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on the SQL statements a piece of code runs, counted by {@link StatementCounter} (register it as the
 * {@code hibernate.session_factory.statement_inspector}).
 *
 * <pre>{@code
 * List<Team> teams = assertStatements(2, () -> Related.select("league").prefetch("players")
 *         .list(session.createQuery("from Team t order by t.id", Team.class)));
 * }</pre>
 *
 * <p>A failure lists every statement that ran, numbered, and points at statements that ran more than once (the
 * N+1 shape).
 *
 * @since 0.1.0
 */
public final class EagerAssertions {

    private EagerAssertions() {
    }

    /**
     * Runs {@code work} and asserts that it ran exactly {@code expected} SQL statements on this thread.
     *
     * @param expected the number of statements, 0 or more
     * @param work the code to run
     * @throws AssertionFailedError if another number of statements ran; the message lists them
     * @throws IllegalStateException if no {@link StatementCounter} is registered with Hibernate
     * @since 0.1.0
     */
    public static void assertStatements(int expected, Executable work) {
        assertStatements(expected, () -> {
            work.execute();
            return null;
        });
    }

    /**
     * Runs {@code work}, asserts that it ran exactly {@code expected} SQL statements on this thread, and returns
     * its result.
     *
     * @param expected the number of statements, 0 or more
     * @param work the code to run
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws AssertionFailedError if another number of statements ran; the message lists them
     * @throws IllegalStateException if no {@link StatementCounter} is registered with Hibernate
     * @since 0.1.0
     */
    public static <T> T assertStatements(int expected, ThrowingSupplier<T> work) {
        if (expected < 0) {
            throw new IllegalArgumentException("assertStatements(" + expected + ", ...): the expected number of"
                    + " statements is 0 or more.");
        }
        List<String> ran = new ArrayList<>();
        T result = record(work, ran);
        if (ran.size() != expected) {
            throw new AssertionFailedError(describe(expected, ran), expected, ran.size());
        }
        return result;
    }

    /**
     * Runs {@code work} and returns the SQL statements it ran on this thread, in order; for assertions on their
     * text.
     *
     * @param work the code to run
     * @return the statements, as Hibernate prepared them
     * @throws IllegalStateException if no {@link StatementCounter} is registered with Hibernate
     * @since 0.1.0
     */
    public static List<String> recordStatements(Executable work) {
        List<String> ran = new ArrayList<>();
        record(() -> {
            work.execute();
            return null;
        }, ran);
        return List.copyOf(ran);
    }

    private static <T> T record(ThrowingSupplier<T> work, List<String> into) {
        List<String> recording = StatementCounter.start();
        T result;
        try {
            result = work.get();
        } catch (Throwable t) {
            throw EagerAssertions.<RuntimeException>sneaky(t);
        } finally {
            StatementCounter.stop(recording);
            into.addAll(recording);
        }
        if (!StatementCounter.isRegistered()) {
            throw new IllegalStateException("No StatementCounter is registered with Hibernate, so no statement can be"
                    + " counted. Set hibernate.session_factory.statement_inspector=" + StatementCounter.class.getName()
                    + " (Spring Boot: spring.jpa.properties.hibernate.session_factory.statement_inspector="
                    + StatementCounter.class.getName() + "), or call StatementCounter.record(sql) from your own"
                    + " StatementInspector.");
        }
        return result;
    }

    static String describe(int expected, List<String> ran) {
        StringBuilder sb = new StringBuilder("Expected ").append(statements(expected)).append(" but ");
        if (ran.isEmpty()) {
            return sb.append("none ran.").toString();
        }
        sb.append(ran.size()).append(" ran:");
        Map<String, int[]> firstAndCount = new LinkedHashMap<>();
        for (int i = 0; i < ran.size(); i++) {
            sb.append("\n  ").append(i + 1).append(": ").append(ran.get(i));
            int index = i;
            firstAndCount.computeIfAbsent(ran.get(i), k -> new int[] {index + 1, 0})[1]++;
        }
        for (int[] fc : firstAndCount.values()) {
            if (fc[1] > 1) {
                sb.append("\nStatement ").append(fc[0]).append(" ran ").append(fc[1]).append(" times: an N+1?")
                        .append(" Load that association with Related.select(\"path\") (to-one) or")
                        .append(" Related.prefetch(\"path\") (collections).");
            }
        }
        return sb.toString();
    }

    private static String statements(int n) {
        return n == 1 ? "1 SQL statement" : n + " SQL statements";
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
