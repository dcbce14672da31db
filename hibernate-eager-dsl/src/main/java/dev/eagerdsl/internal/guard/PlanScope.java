package dev.eagerdsl.internal.guard;

import dev.eagerdsl.internal.exec.ExecScope;
import java.util.Collection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

/**
 * The guard's side of {@link ExecScope}: whether a plan is running (lazy loads inside are the
 * library's own and are not reported), and the entities a plan reached, so that the guard can name
 * the whole path from the query's root in a fix. The engine never calls the guard; the guard
 * listens.
 */
final class PlanScope implements ExecScope.Listener {

    static final PlanScope INSTANCE = new PlanScope();

    private PlanScope() {
    }

    /** @return whether the current thread is inside a plan */
    static boolean active() {
        return ExecScope.active();
    }

    @Override
    public boolean wantsEntities() {
        return Guard.tracking();
    }

    @Override
    public void reached(SharedSessionContractImplementor session, String path, boolean viaCollection, Collection<?> entities) {
        recordPath(session, path, viaCollection, entities);
    }

    @Override
    public boolean wantsPrefetched(SharedSessionContractImplementor session) {
        return UnusedPrefetches.on && UnusedPrefetches.wanted(session);
    }

    @Override
    public void prefetched(SharedSessionContractImplementor session, java.util.List<ExecScope.Prefetched> levels) {
        try {
            UnusedPrefetches.prefetched(session, levels);
        } catch (RuntimeException | LinkageError e) {
            GuardHooks.internalFailure(e);
        }
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
    static void recordPath(SharedSessionContractImplementor session, String path, boolean viaCollection,
                                  Collection<?> entities) {
        if (!Guard.tracking() || entities.isEmpty() || path.isEmpty()) {
            // the roots: their result set already marked them at the root
            return;
        }
        try {
            var pc = session.getPersistenceContextInternal();
            PathInfo info = new PathInfo(path, viaCollection);
            for (Object e : entities) {
                Object entity = e;
                if (e instanceof HibernateProxy p) {
                    LazyInitializer li = p.getHibernateLazyInitializer();
                    if (li.isUninitialized()) {
                        continue;
                    }
                    entity = li.getImplementation();
                }
                EntityEntry entry = pc.getEntry(entity);
                if (entry == null) {
                    continue;
                }
                Member m = Member.of(entry);
                if (m == null) {
                    entry.addExtraState(new Member(null, info));
                } else {
                    m.path = info;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            GuardHooks.internalFailure(e);
        }
    }
}
