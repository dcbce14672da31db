package dev.eagerdsl.internal.guard;

import java.util.Collection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * The contract between the plan executor and the guard. The executor calls {@link #enter()} /
 * {@link #exit()} around everything a plan runs (lazy loads inside are the library's own and are
 * never reported), and {@link #recordPath} for the entities a plan reached, so that the guard can
 * name the whole path from the query's root in a fix.
 */
public final class PlanScope {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private PlanScope() {
    }

    /** Marks the current thread as running a plan (re-entrant). */
    public static void enter() {
        DEPTH.get()[0]++;
    }

    /** Ends {@link #enter()}. */
    public static void exit() {
        DEPTH.get()[0]--;
    }

    /** @return whether the current thread is inside a plan */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /**
     * Records that {@code entities} were reached by a plan through {@code path} ({@code ""} for the
     * roots themselves).
     *
     * @param session the session
     * @param path the dotted path from the root
     * @param viaCollection whether the path crosses a collection
     * @param entities the entities at the end of the path (proxies allowed)
     */
    public static void recordPath(SharedSessionContractImplementor session, String path, boolean viaCollection,
                                  Collection<?> entities) {
        if (!Guard.tracking() || entities.isEmpty()) {
            return;
        }
        try {
            SessionState state = SessionStates.of(session);
            PathInfo info = new PathInfo(path, viaCollection);
            for (Object e : entities) {
                Key key;
                if (e instanceof HibernateProxy p) {
                    LazyInitializer li = p.getHibernateLazyInitializer();
                    key = new Key(li.getEntityName(), li.getInternalIdentifier());
                } else {
                    var persister = session.getEntityPersister(null, e);
                    key = new Key(persister.getEntityName(), persister.getIdentifier(e, session));
                }
                state.paths.put(key, info);
            }
        } catch (RuntimeException | LinkageError e) {
            GuardHooks.internalFailure(e);
        }
    }
}
