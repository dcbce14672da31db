package dev.eagerdsl;

import dev.eagerdsl.internal.guard.Guard;
import java.util.function.Consumer;

/**
 * Finds N+1 lazy loads while the application runs. {@link #install()} instruments Hibernate's lazy
 * initialization of collections and of to-one proxies with Byte Buddy (no {@code -javaagent} flag
 * needed; the library jar also works as one). Then:
 * <ul>
 *   <li>{@link Mode#WARN} (default): one WARN line per association and call site through the SLF4J
 *       logger {@code dev.eagerdsl.LazyLoad}, with a count and the fix as code;</li>
 *   <li>{@link Mode#STRICT}: {@link LazyLoadException} at the touch (for test suites);</li>
 *   <li>{@link Mode#OFF}: nothing, near zero cost.</li>
 * </ul>
 * Zero-code activation: the setting {@code eagerdsl.guard=off|warn|strict} (a Hibernate property or
 * a system property).
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
        STRICT
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
     * Sets the mode for the whole JVM.
     *
     * @param mode the new mode
     * @since 0.1.0
     */
    public static void setMode(Mode mode) {
        Guard.setMode(mode);
    }

    /**
     * The mode the guard is in, for the whole JVM.
     *
     * @return the current mode
     * @since 0.1.0
     */
    public static Mode mode() {
        return Guard.mode();
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
}
