package dev.eagerdsl.bench.support;

import dev.eagerdsl.LazyLoadGuard;
import java.util.function.LongSupplier;

/**
 * The untuned lazy loop with the guard in {@code FETCH_PEERS}: no code change, the guard loads the
 * association for every row at the first N+1-shaped touch. The mode is set for the operation only and
 * put back afterwards, so the other alternatives (which may run in the same JVM in a quick run) run
 * as before; setting it costs well under a microsecond against milliseconds per operation.
 */
public final class FetchPeers {

    private FetchPeers() {
    }

    /**
     * @param operation the lazy loop
     * @return what it returned
     */
    public static long run(LongSupplier operation) {
        if (!LazyLoadGuard.isInstalled() && !LazyLoadGuard.install()) {
            throw new IllegalStateException("the guard could not be installed in this JVM");
        }
        var before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.FETCH_PEERS);
        try {
            return operation.getAsLong();
        } finally {
            before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
        }
    }
}
