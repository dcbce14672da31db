package dev.eagerdsl.internal.guard;

import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;

/**
 * Formerly recorded every loaded entity; that work now happens once per result set
 * ({@link ResultSets}, from the instrumented {@code PersistenceContext#postLoad}). Kept as a no-op
 * because {@link GuardIntegration} still registers it; it can go with that registration.
 */
final class LoadTracker implements PostLoadEventListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void onPostLoad(PostLoadEvent event) {
        // nothing per entity
    }
}
