package dev.eagerdsl.internal.exec;

import java.util.Collection;
import java.util.List;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * What the engine tells later stages (the guard) about the plans it runs, without calling them:
 * the data flows path → plan → exec → guard, and the guard reads this, never the other way round.
 *
 * <ul>
 *   <li>{@link #active()}: whether the current thread is running a plan's statements (re-entrant);</li>
 *   <li>a {@link Listener}, set by the guard, told where the entities a plan reached sit below the
 *       query's root, so that a fix can name the whole path;</li>
 *   <li>the same {@link Listener}, told which collections a plan prefetched (only when it
 *       {@linkplain Listener#wantsPrefetched asks}), so that the guard can report those no code read.</li>
 * </ul>
 */
public final class ExecScope {

    /** Told about what a plan reached; implemented by the guard. */
    public interface Listener {

        /** @return whether {@link #reached} wants the entities now (it is not called otherwise) */
        boolean wantsEntities();

        /**
         * The entities a plan reached through {@code path} ({@code ""} for the roots themselves).
         *
         * @param session the session
         * @param path the dotted path from the root
         * @param viaCollection whether the path crosses a collection
         * @param entities the entities at the end of the path (proxies allowed)
         */
        void reached(SharedSessionContractImplementor session, String path, boolean viaCollection, Collection<?> entities);

        /**
         * @param session the session a plan is about to run in
         * @return whether {@link #prefetched} wants to hear which collections the plan prefetches (asked once per run)
         */
        default boolean wantsPrefetched(SharedSessionContractImplementor session) {
            return false;
        }

        /**
         * The collections one run of a plan prefetched, once the run is done (still inside {@link #active()}).
         *
         * @param session the session
         * @param levels one entry per collection level of the plan that had owners
         */
        default void prefetched(SharedSessionContractImplementor session, List<Prefetched> levels) {
        }
    }

    /**
     * The collections one level of a plan prefetched: the owners' initialized collections of that path.
     *
     * @param path the dotted path from the root, as the plan names it, e.g. {@code tags} or {@code author.books}
     * @param ownerEntity the entity name of the owners, e.g. {@code Book}
     * @param collections the owners' collections of that path, each once, initialized
     */
    public record Prefetched(String path, String ownerEntity, List<PersistentCollection<?>> collections) {
    }

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static volatile Listener listener;

    private ExecScope() {
    }

    /** @param l the listener (the guard), or {@code null} for none */
    public static void listen(Listener l) {
        listener = l;
    }

    /** Marks the current thread as running a plan (re-entrant). */
    static void enter() {
        DEPTH.get()[0]++;
    }

    /** Ends {@link #enter()}. */
    static void exit() {
        DEPTH.get()[0]--;
    }

    /** @return whether the current thread is running a plan's statements */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /** @return whether a listener wants the entities a plan reaches */
    static boolean wantsEntities() {
        Listener l = listener;
        return l != null && l.wantsEntities();
    }

    /** @return whether a listener wants the collections a plan run in {@code session} prefetches */
    static boolean wantsPrefetched(SharedSessionContractImplementor session) {
        Listener l = listener;
        return l != null && l.wantsPrefetched(session);
    }

    static void prefetched(SharedSessionContractImplementor session, List<Prefetched> levels) {
        Listener l = listener;
        if (l != null && !levels.isEmpty()) {
            l.prefetched(session, levels);
        }
    }

    static void reached(SharedSessionContractImplementor session, String path, boolean viaCollection, Collection<?> entities) {
        Listener l = listener;
        if (l != null && !entities.isEmpty() && l.wantsEntities()) {
            l.reached(session, path, viaCollection, entities);
        }
    }

    /**
     * Where the root of the statements the engine runs now sits below the plan's root: set around a
     * level's statements, so that a later stage can place every entity they load from Hibernate's own
     * result-set state (the root's path, then the entity's path inside the statement) instead of being
     * told about each entity.
     *
     * @param path the dotted path from the plan's root ({@code ""} for the roots)
     * @param viaCollection whether that path crosses a collection
     */
    public record At(String path, boolean viaCollection) {
    }

    private static final ThreadLocal<At[]> AT = new ThreadLocal<>();

    /**
     * @param where where the next statements' root sits, or {@code null} for none
     * @return what was set before, to give back to {@link #restore}
     */
    static At at(At where) {
        At[] slot = AT.get();
        if (slot == null) {
            slot = new At[1];
            AT.set(slot);
        }
        At before = slot[0];
        slot[0] = where;
        return before;
    }

    /** @param before what {@link #at(At)} returned */
    static void restore(At before) {
        AT.get()[0] = before;
    }

    /** @return where the root of the plan statements running now on this thread sits, or {@code null} outside them */
    public static At at() {
        At[] slot = AT.get();
        return slot == null ? null : slot[0];
    }
}
