package dev.eagerdsl.internal;

import dev.eagerdsl.internal.exec.SessionFactories;
import dev.eagerdsl.internal.guard.GuardIntegration;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Registered in {@code META-INF/services/org.hibernate.integrator.spi.Integrator}: remembers each
 * SessionFactory (for {@code explain(Root.class)}) and wires the lazy-load guard into it.
 */
public final class EagerDslIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        SessionFactories.register(sessionFactory);
        GuardIntegration.integrate(sessionFactory);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        SessionFactories.unregister(sessionFactory);
    }
}
