package dev.eagerdsl.internal.guard;

import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Wires the guard into a starting SessionFactory (event listeners, the eagerdsl.guard setting). */
public final class GuardIntegration {

    private GuardIntegration() {
    }

    /** @param sessionFactory the factory being built */
    public static void integrate(SessionFactoryImplementor sessionFactory) {
        // filled in by the guard implementation
    }
}
