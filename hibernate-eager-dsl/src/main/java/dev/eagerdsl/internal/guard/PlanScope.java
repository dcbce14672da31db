package dev.eagerdsl.internal.guard;

import java.util.Collection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

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
     * Records that {@code entities} were reached by a plan on {@code rootEntity} through {@code path}
     * ({@code ""} for the roots themselves).
     *
     * @param session the session
     * @param rootEntity the root entity name
     * @param path the dotted path from the root
     * @param entities the entities at the end of the path (proxies allowed)
     */
    public static void recordPath(SharedSessionContractImplementor session, String rootEntity, String path,
                                  Collection<?> entities) {
        // filled in by the guard implementation
    }
}
