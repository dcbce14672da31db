package dev.eagerdsl.internal.guard;

import dev.eagerdsl.UnusedPrefetch;
import dev.eagerdsl.internal.exec.ExecScope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The unused-prefetch report ({@code EAGER-111}): a collection path that a plan prefetched at one call site
 * and that no code read, on any of its owners, before the session closed.
 *
 * <ul>
 *   <li>When a plan has run (told through {@link ExecScope.Listener#prefetched}), each prefetched collection is
 *       remembered, weakly, with the {@link Group} of its (call site, path) in the session;</li>
 *   <li>a read of an initialized collection ({@link UnusedHooks#collectionRead}) marks its group read: the
 *       application's own code, whether the entity is still managed or detached meanwhile (evict, clear, a
 *       stream's passed chunk); not the plan's own walk over the collections it loaded, nor Hibernate's
 *       cascades (a flush of a {@code cascade = ALL} collection walks it);</li>
 *   <li>when the session closes, each group of it that was never read is reported: an {@link UnusedPrefetch} to
 *       the subscribers, and one WARN line per (call site, path) for the JVM (DEBUG when a later session repeats
 *       it).</li>
 * </ul>
 * Only collection levels are watched: a filtered prefetch's {@code into} field is a plain {@code List} whose
 * reads cannot be seen, so it is never reported (the collection levels of its nested plan are).
 *
 * <p>Off by default. When off, the instrumented read paths pay one volatile read ({@link #on}) and a plan pays one
 * per run; nothing is kept per entity and no stack is walked.
 */
public final class UnusedPrefetches {

    /** The setting (system property, or Hibernate setting for its own factory): {@code true} or {@code false}. */
    static final String SETTING = "eagerdsl.guard.unused";

    /** set in code ({@code LazyLoadGuard.setReportUnused}), else {@code null} */
    private static volatile Boolean code;
    private static volatile Boolean systemProperty;
    /** each started factory whose Hibernate setting named a value */
    private static final Map<Object, Boolean> FACTORIES = new ConcurrentHashMap<>();
    /** some switch turns the report on (for some factory): the one thing the hot paths read */
    static volatile boolean on;

    /** prefetched collections (weakly, by identity) -> their {@link Group}, or a {@code Group[]} when several plans prefetched it */
    private static final WeakIdentityMap TRACKED = new WeakIdentityMap();
    /** (call site, path) -> how many sessions reported it: the first one logs a WARN */
    private static final Map<String, AtomicLong> REPORTED = new ConcurrentHashMap<>();
    /** {@code LazyLoadGuard.subscribeUnused} */
    private static final Subscribers<UnusedPrefetch> SUBSCRIBERS = new Subscribers<>("LazyLoadGuard.subscribeUnused", "UnusedPrefetch");

    /** One (plan call site, path) in one session. */
    static final class Group {
        final String callSite;
        final String path;
        final String ownerEntity;
        /** the collections tracked for it (distinct) */
        int owners;
        /** read by some code, or reported: either way decided, and its collections need no watching any more */
        volatile boolean read;

        Group(String callSite, String path, String ownerEntity) {
            this.callSite = callSite;
            this.path = path;
            this.ownerEntity = ownerEntity;
        }
    }

    private UnusedPrefetches() {
    }

    // ---- switches ------------------------------------------------------------------------------------------

    /**
     * {@code LazyLoadGuard.setReportUnused} and {@code clearReportUnused}: the switch set in code, above the system
     * property and the Hibernate settings. Turning it on installs the guard (reads are seen through its
     * instrumentation).
     *
     * @param value on or off, or {@code null} to let the other switches decide
     */
    public static void setCode(Boolean value) {
        code = value;
        refresh();
        if (Boolean.TRUE.equals(value)) {
            // reads can be seen only through the instrumentation
            Guard.install();
        }
    }

    /** A factory starts with its Hibernate setting ({@code null}: none). */
    static void factoryStarted(Object factory, Object setting) {
        Boolean value = parse("the Hibernate setting", setting);
        if (value != null) {
            FACTORIES.put(factory, value);
        }
        refresh();
    }

    static void factoryClosed(Object factory) {
        FACTORIES.remove(factory);
        refresh();
    }

    /** Re-reads the system property. */
    static synchronized void refresh() {
        systemProperty = parse("the system property", System.getProperty(SETTING));
        Boolean jvm = jvm();
        on = jvm != null ? jvm : FACTORIES.containsValue(Boolean.TRUE);
    }

    private static Boolean jvm() {
        Boolean c = code;
        return c != null ? c : systemProperty;
    }

    /** @return whether the sessions of {@code factory} are watched: code, else system property, else its Hibernate setting, else off */
    static boolean enabledFor(Object factory) {
        if (!on) {
            return false;
        }
        Boolean jvm = jvm();
        if (jvm != null) {
            return jvm;
        }
        return Boolean.TRUE.equals(FACTORIES.get(factory));
    }

    private static Boolean parse(String where, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String v = value.toString().trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        Guard.LOG.warn("EAGER-107 Ignoring {} {}={}: the value must be true or false.", where, SETTING, value);
        return null;
    }

    /**
     * {@code LazyLoadGuard.subscribeUnused}
     *
     * @param subscriber the listener
     * @return the subscription
     */
    public static dev.eagerdsl.LazyLoadGuard.Subscription subscribe(java.util.function.Consumer<? super UnusedPrefetch> subscriber) {
        return SUBSCRIBERS.subscribe(subscriber);
    }

    /** @return the switch set in code, or {@code null} */
    public static Boolean code() {
        return code;
    }

    // ---- a plan ran --------------------------------------------------------------------------------------------

    /** @return whether a plan run in {@code session} should tell what it prefetched */
    static boolean wanted(SharedSessionContractImplementor session) {
        return on && Guard.isInstalled() && enabledFor(session.getFactory());
    }

    /** A plan's run in {@code session} prefetched {@code levels}: remember each collection with its (call site, path). */
    static void prefetched(SharedSessionContractImplementor session, List<ExecScope.Prefetched> levels) {
        if (!wanted(session)) {
            return;
        }
        SessionState state = SessionStates.of(session);
        String site = null;
        for (ExecScope.Prefetched level : levels) {
            if (site == null) {
                site = CallSites.find();
            }
            String key = site + "\u0000" + level.ownerEntity() + "\u0000" + level.path();
            Map<String, Group> groups = state.unusedPrefetches();
            Group g = groups.get(key);
            if (g == null) {
                g = new Group(site, level.path(), level.ownerEntity());
                groups.put(key, g);
            } else if (g.read) {
                // read already in this session: nothing left to find out
                continue;
            }
            for (PersistentCollection<?> c : level.collections()) {
                if (TRACKED.add(c, g)) {
                    g.owners++;
                }
            }
        }
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    /** An initialized collection is read (or changed); {@link #on} was checked. */
    static void read(Object collection) {
        Object value = TRACKED.get(collection);
        if (value == null || ExecScope.active()) {
            // not prefetched, or the plan's own walk over what it loaded
            return;
        }
        if (UnusedHooks.cascading()) {
            // Hibernate's cascade (persist, merge, remove, the transient-reference check of every flush) walking it
            return;
        }
        if (value instanceof Group g) {
            g.read = true;
        } else {
            for (Group g : (Group[]) value) {
                g.read = true;
            }
        }
        // its group is decided: this collection needs no watching any more
        TRACKED.remove(collection);
    }

    // ---- the session closes -------------------------------------------------------------------------------------

    /** Reports the session's groups that were never read. */
    static void sessionClosed(SessionState state) {
        Map<String, Group> groups = state.unusedPrefetchesOrNull();
        if (groups == null) {
            return;
        }
        state.dropUnusedPrefetches();
        for (Group g : groups.values()) {
            if (g.read || g.owners == 0) {
                continue;
            }
            // later reads (after the close) no longer count
            g.read = true;
            report(g);
        }
        TRACKED.expunge();
    }

    private static void report(Group g) {
        UnusedPrefetch event = new UnusedPrefetch(g.ownerEntity, g.path, g.owners, g.callSite);
        SUBSCRIBERS.publish(event);
        String line = message(event);
        long sessions = REPORTED.computeIfAbsent(g.callSite + "\u0000" + g.ownerEntity + "\u0000" + g.path, k -> new AtomicLong())
                .incrementAndGet();
        if (sessions == 1) {
            Guard.LOG.warn(line);
        } else {
            Guard.LOG.debug("{} (in {} sessions since start)", line, sessions);
        }
    }

    /** @return the {@code EAGER-111} line for {@code u} */
    static String message(UnusedPrefetch u) {
        int dot = u.path().lastIndexOf('.');
        String attribute = u.path().substring(dot + 1);
        return "EAGER-111 Unused prefetch: " + u.ownerEntity() + "." + attribute + " (\"" + u.path() + "\") was prefetched for "
                + u.owners() + (u.owners() == 1 ? " owner" : " owners") + " by the plan at " + u.callSite()
                + ", and no code read it before the session closed. Fix: remove \"" + u.path() + "\" from that plan"
                + (dot < 0 ? "." : " (keep \"" + u.path().substring(0, dot) + "\" if it is read).");
    }

    /** @return how many collections are watched (tests: back to 0 once they are read or collected) */
    static int tracked() {
        TRACKED.expunge();
        return TRACKED.size();
    }

    /** Forgets which (call site, path) were logged (tests). */
    static void reset() {
        REPORTED.clear();
    }
}
