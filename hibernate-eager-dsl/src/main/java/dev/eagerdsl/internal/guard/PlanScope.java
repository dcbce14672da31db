package dev.eagerdsl.internal.guard;

import dev.eagerdsl.internal.exec.ExecScope;
import java.util.Collection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The guard's side of {@link ExecScope}: whether a plan is running (lazy loads inside are the
 * library's own and are not reported), and where the root of the plan statement running now sits
 * below the query's root ({@link ExecScope#at()}), so that {@link ResultSets} places every entity that
 * statement loads on the whole path from the query's root, once per result set. The guard is not told
 * about the entities a plan reached one by one: nothing per entity, and the engine does not gather
 * them for the guard. The engine never calls the guard; the guard listens.
 */
final class PlanScope implements ExecScope.Listener {

    static final PlanScope INSTANCE = new PlanScope();

    private PlanScope() {
    }

    /** @return whether the current thread is inside a plan */
    static boolean active() {
        return ExecScope.active();
    }

    /** @return where the root of the plan statement running now sits, or {@link PathInfo#ROOT} outside a plan's levels */
    static PathInfo base() {
        ExecScope.At at = ExecScope.at();
        if (at == null || at.path().isEmpty() && !at.viaCollection()) {
            return PathInfo.ROOT;
        }
        return new PathInfo(at.path(), at.viaCollection());
    }

    /** The paths come from the result sets ({@link #base()}): the guard needs no entity of a plan. */
    @Override
    public boolean wantsEntities() {
        return false;
    }

    @Override
    public void reached(SharedSessionContractImplementor session, String path, boolean viaCollection, Collection<?> entities) {
        // not asked for (wantsEntities): each result set of the plan placed its entities already
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
}
