package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard's state: mode, instrumentation, subscribers. {@link #tracking()} is the one volatile
 * read the instrumented Hibernate code pays when the guard is OFF.
 */
public final class Guard {

    static final Logger LOG = LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");

    private static volatile boolean installed;
    /** some session may be watched (installed, and some switch not OFF): the only thing the hooks read on the fast path */
    private static volatile boolean tracking;
    /** some switch leaves the guard on (see {@link GuardModes}) */
    private static volatile boolean anyOn = true;
    /** the transformer is registered (the classes may not be loaded yet) */
    private static boolean registered;
    /** EAGER-106 was logged */
    private static volatile boolean reported;
    /** the agent jar registered the instrumentation (see {@link AgentMain}); hooks only run from transformed code */
    private static volatile boolean viaAgentJar;
    private static volatile boolean agentFailureReported;
    private static final Subscribers<LazyLoad> SUBSCRIBERS = new Subscribers<>("LazyLoadGuard.subscribe", "LazyLoad");

    static {
        String state = System.getProperty(AgentMain.STATE);
        if (state != null && !state.startsWith("failed")) {
            viaAgentJar = true;
            tracking = anyOn;
            dev.eagerdsl.internal.exec.ExecScope.listen(PlanScope.INSTANCE);
        }
    }

    private Guard() {
    }

    /** @return whether lazy loads are being watched (installed and not OFF) */
    public static boolean tracking() {
        return tracking;
    }

    /** {@code LazyLoadGuard.install()} */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        String agentJar = System.getProperty(AgentMain.STATE);
        if (agentJar != null) {
            return agentJar(agentJar);
        }
        Instrumentation inst;
        try {
            inst = ByteBuddyAgent.install();
        } catch (Throwable e) {
            LOG.warn("EAGER-103 LazyLoadGuard cannot attach to this JVM ({}): lazy loads are not watched. Start the JVM with"
                    + " -javaagent:/path/to/hibernate-eager-dsl-<version>-agent.jar (the artifact with the classifier agent); on JDK 21+ you"
                    + " may instead add"
                    + " -XX:+EnableDynamicAgentLoading.", e.toString());
            return false;
        }
        return install(inst);
    }

    /**
     * Instruments Hibernate with the given instrumentation (from {@code install()} or the {@code -javaagent}).
     *
     * @return whether Hibernate's classes are transformed (or, where this library cannot see them yet, will be when they load)
     */
    public static synchronized boolean install(Instrumentation inst) {
        if (installed) {
            return true;
        }
        GuardModes.refresh();
        if (!registered) {
            try {
                dev.eagerdsl.internal.exec.ExecScope.listen(PlanScope.INSTANCE);
                GuardInstrumentation.register(inst, Guard::transformed, () -> { });
                registered = true;
            } catch (Throwable e) {
                LOG.warn("EAGER-103 LazyLoadGuard could not instrument Hibernate ({}): lazy loads are not watched; the application runs on.",
                        e.toString());
                return false;
            }
        }
        boolean visible = GuardInstrumentation.loadTargets();
        List<String> failures = GuardInstrumentation.failures();
        if (!failures.isEmpty()) {
            LOG.warn("EAGER-103 LazyLoadGuard could not instrument Hibernate ({}): lazy loads are not watched; the application runs on.",
                    String.join("; ", failures));
            return false;
        }
        reportInstalled();
        return installed || !visible;
    }

    /** The agent jar ran ({@code state}: {@link AgentMain#STATE}): no second instrumentation; report what it did. */
    private static boolean agentJar(String state) {
        if (state.startsWith("failed")) {
            if (!agentFailureReported) {
                agentFailureReported = true;
                LOG.warn("EAGER-103 LazyLoadGuard's -javaagent could not instrument Hibernate ({}): lazy loads are not watched; the"
                        + " application runs on.", state.substring("failed: ".length()));
            }
            return false;
        }
        viaAgentJar = true;
        dev.eagerdsl.internal.exec.ExecScope.listen(PlanScope.INSTANCE);
        GuardModes.refresh();
        GuardInstrumentation.loadTargets();      // in this class loader, which sees Hibernate: transformed now
        reportInstalled();
        return true;
    }

    /** Both Hibernate classes are transformed (Byte Buddy's listener; may run while a class loads, so no lock and no log here). */
    private static void transformed() {
        installed = true;
        tracking = anyOn;
    }

    /** Logs the one INFO line once the instrumentation is in place; called by install and when a factory starts. */
    static void reportInstalled() {
        if (isInstalled() && !reported) {
            synchronized (Guard.class) {
                if (!reported) {
                    reported = true;
                    LOG.info("EAGER-106 LazyLoadGuard installed: Hibernate's lazy loading is watched (mode {}).", GuardModes.mode());
                }
            }
        }
    }

    /** @return whether Hibernate is instrumented */
    public static boolean isInstalled() {
        return installed || (viaAgentJar && "transformed".equals(System.getProperty(AgentMain.STATE)));
    }

    /** {@code LazyLoadGuard.setMode}: the mode set in code, above every other switch */
    public static void setMode(LazyLoadGuard.Mode m) {
        if (m == null) {
            throw new IllegalArgumentException("LazyLoadGuard.setMode(null): pass one of " + GuardModes.valid()
                    + ", or call LazyLoadGuard.clearMode() to let the other switches decide.");
        }
        GuardModes.setCode(m);
    }

    /** {@code LazyLoadGuard.clearMode}: forgets the mode set in code */
    public static void clearMode() {
        GuardModes.setCode(null);
    }

    /** @return the mode set in code, or {@code null} */
    public static LazyLoadGuard.Mode modeSetInCode() {
        return GuardModes.code();
    }

    /** @return the JVM's mode (see {@link GuardModes#mode()}) */
    public static LazyLoadGuard.Mode mode() {
        return GuardModes.mode();
    }

    /** @return the mode for sessions of this factory */
    public static LazyLoadGuard.Mode modeFor(Object sessionFactory) {
        return GuardModes.modeFor(sessionFactory);
    }

    /** @return the mode for this session (by its factory) */
    static LazyLoadGuard.Mode modeFor(org.hibernate.engine.spi.SharedSessionContractImplementor session) {
        return GuardModes.modeFor(session.getFactory());
    }

    /** Called by {@link GuardModes} when the switches change. */
    static void retrack(boolean on) {
        anyOn = on;
        tracking = (installed || viaAgentJar) && on;
    }

    /** {@code LazyLoadGuard.subscribe} */
    public static LazyLoadGuard.Subscription subscribe(Consumer<? super LazyLoad> subscriber) {
        return SUBSCRIBERS.subscribe(subscriber);
    }

    /** @return whether an event would reach anyone: a subscriber, or a JFR recording that takes {@code dev.eagerdsl.LazyLoad} */
    static boolean publishing() {
        return !SUBSCRIBERS.isEmpty() || LazyLoadEvent.enabled();
    }

    /** Delivers an event to JFR and every subscriber. */
    static void publish(LazyLoad event) {
        LazyLoadEvent.record(event);
        SUBSCRIBERS.publish(event);
    }
}
