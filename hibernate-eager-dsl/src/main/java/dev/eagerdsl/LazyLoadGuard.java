package dev.eagerdsl;

import dev.eagerdsl.internal.guard.Guard;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import java.util.function.Consumer;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Finds N+1 lazy loads while the application runs. {@link #install()} instruments Hibernate's lazy
 * initialization of collections and of to-one proxies with Byte Buddy (no {@code -javaagent} flag
 * needed; the library jar also works as one). Then:
 * <ul>
 *   <li>{@link Mode#WARN} (default): one WARN line per association and call site through the SLF4J
 *       logger {@code dev.eagerdsl.LazyLoad}, with a count and the fix as code;</li>
 *   <li>{@link Mode#STRICT}: {@link LazyLoadException} at the touch (for test suites);</li>
 *   <li>{@link Mode#FETCH_PEERS}: as WARN, and the association is loaded for all the owner's peers at once, so
 *       the loop costs 2 statements instead of N + 1;</li>
 *   <li>{@link Mode#OFF}: nothing, near zero cost.</li>
 * </ul>
 * Zero-code activation: the setting {@code eagerdsl.guard=off|warn|strict|fetch_peers} (a Hibernate property or
 * a system property), or the {@code -javaagent} argument.
 *
 * <p>Which switch wins, strongest first: a mode set in code ({@link #setMode}, the JUnit extension's
 * {@code @StrictLazyLoads}), the system property {@code eagerdsl.guard}, the {@code -javaagent} argument, the
 * Hibernate setting {@code eagerdsl.guard}. The first three hold for the whole JVM; a Hibernate setting holds for
 * the sessions of its own {@code SessionFactory} only, so two factories with different settings each behave as
 * set, and a factory that starts later never lowers a mode set above it. With no switch at all: WARN.
 *
 * @since 0.1.0
 */
public final class LazyLoadGuard {

    /**
     * What the guard does on a lazy load in the N+1 shape.
     *
     * @since 0.1.0
     */
    public enum Mode {
        /** Nothing happens. */
        OFF,
        /** One WARN line per association and call site, with a count and the fix. */
        WARN,
        /** {@link LazyLoadException} is thrown at the touch. */
        STRICT,
        /**
         * As {@link #WARN}, and at the first N+1-shaped load of an association the guard loads that association for
         * every peer of the owner (the other entities of the same query still in the session whose association is
         * not loaded yet) in one batched statement per chunk, with the prefetch engine: a loop over N rows costs 2
         * statements instead of N + 1, one more per nested level. The WARN line says how many peers were loaded and
         * names the fix to write, which stays the better form (it needs no first lazy load). Setting value
         * {@code fetch_peers}.
         *
         * @since 0.2.0
         */
        FETCH_PEERS
    }

    /**
     * A registration made by {@link #subscribe}; closing it stops the delivery.
     *
     * @since 0.1.0
     */
    public interface Subscription extends AutoCloseable {
        /**
         * Stops delivering events to the subscriber; idempotent.
         *
         * @since 0.1.0
         */
        @Override
        void close();
    }

    private LazyLoadGuard() {
    }

    /**
     * Instruments Hibernate's lazy initialization. Idempotent and thread-safe; works before or after
     * Hibernate has started. If the JVM forbids attaching an agent, logs one WARN naming the
     * {@code -javaagent} flag to use instead and returns {@code false}; the application runs on.
     *
     * @return whether the instrumentation is active
     * @since 0.1.0
     */
    public static boolean install() {
        return Guard.install();
    }

    /**
     * Tells whether the guard can see lazy loads.
     *
     * @return whether {@link #install()} (or the agent) has instrumented Hibernate
     * @since 0.1.0
     */
    public static boolean isInstalled() {
        return Guard.isInstalled();
    }

    /**
     * Sets the mode for the whole JVM, above every other switch (system property, agent argument, Hibernate
     * setting) until {@link #clearMode()}.
     *
     * @param mode the new mode
     * @since 0.1.0
     */
    public static void setMode(Mode mode) {
        Guard.setMode(mode);
    }

    /**
     * Forgets the mode set in code by {@link #setMode}: the system property, the agent argument and the
     * Hibernate settings decide again.
     *
     * @since 0.1.0
     */
    public static void clearMode() {
        Guard.clearMode();
    }

    /**
     * The mode set in code by {@link #setMode} (and not cleared), for a caller that changes it and puts it back.
     *
     * @return the mode set in code, or empty when the other switches decide
     * @since 0.1.0
     */
    public static Optional<Mode> modeSetInCode() {
        return Optional.ofNullable(Guard.modeSetInCode());
    }

    /**
     * The mode the guard is in for the whole JVM: the one set in code, else the system property
     * {@code eagerdsl.guard}, else the {@code -javaagent} argument, else the Hibernate setting of the last
     * {@code SessionFactory} started with one, else WARN. A factory's own sessions follow
     * {@link #mode(EntityManagerFactory)}.
     *
     * @return the current mode
     * @since 0.1.0
     */
    public static Mode mode() {
        return Guard.mode();
    }

    /**
     * The mode for the sessions of one factory: the JVM-wide switches when one is set, else that factory's
     * Hibernate setting {@code eagerdsl.guard}, else WARN.
     *
     * @param factory a Hibernate {@code SessionFactory} or a JPA {@code EntityManagerFactory} of Hibernate
     * @return the mode its sessions are watched in
     * @since 0.1.0
     */
    public static Mode mode(EntityManagerFactory factory) {
        return Guard.modeFor(factory.unwrap(SessionFactoryImplementor.class));
    }

    /**
     * Delivers every {@link LazyLoad} event (in WARN and STRICT mode) to {@code subscriber}, on the
     * thread that made the lazy load. A subscriber that throws is logged once and ignored.
     *
     * @param subscriber the listener
     * @return the subscription; close it to stop
     * @since 0.1.0
     */
    public static Subscription subscribe(Consumer<? super LazyLoad> subscriber) {
        return Guard.subscribe(subscriber);
    }
    /**
     * Turns the unused-prefetch report on or off for the whole JVM, above the system property
     * {@code eagerdsl.guard.unused} and the Hibernate setting {@code eagerdsl.guard.unused} (until
     * {@link #clearReportUnused()}). When on, a collection path that a plan prefetched ({@code list}, {@code find},
     * {@code stream}, {@code prefetchObjects}) and that no code read (iterated, sized, searched, changed) on any of its
     * owners before the session closed is reported once per session and (plan call site, path): an
     * {@link UnusedPrefetch} to the subscribers of {@link #subscribeUnused}, and an {@code EAGER-111} WARN line through
     * the logger {@code dev.eagerdsl.LazyLoad} naming the call site and the path to remove (once per call site and path
     * for the JVM; DEBUG when a later session repeats it). A filtered prefetch ({@code into(...)}) is never reported:
     * reads of its plain {@code List} field cannot be seen. Turning it on {@linkplain #install() installs} the guard;
     * off (the default), it costs one volatile read per collection read and per plan run.
     *
     * @param report whether to report unused prefetches
     * @since 0.2.0
     */
    public static void setReportUnused(boolean report) {
        dev.eagerdsl.internal.guard.UnusedPrefetches.setCode(report);
    }

    /**
     * Forgets the switch set by {@link #setReportUnused}: the system property {@code eagerdsl.guard.unused}, else each
     * factory's Hibernate setting {@code eagerdsl.guard.unused}, decides again (off when neither is set).
     *
     * @since 0.2.0
     */
    public static void clearReportUnused() {
        dev.eagerdsl.internal.guard.UnusedPrefetches.setCode(null);
    }

    /**
     * Delivers every {@link UnusedPrefetch} to {@code subscriber}, on the thread that closes the session. A subscriber
     * that throws is logged once and ignored.
     *
     * @param subscriber the listener
     * @return the subscription; close it to stop
     * @since 0.2.0
     */
    public static Subscription subscribeUnused(Consumer<? super UnusedPrefetch> subscriber) {
        return dev.eagerdsl.internal.guard.UnusedPrefetches.subscribe(subscriber);
    }
}
