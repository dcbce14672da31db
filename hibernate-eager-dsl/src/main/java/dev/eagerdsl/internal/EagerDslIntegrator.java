package dev.eagerdsl.internal;

import dev.eagerdsl.internal.exec.SessionFactories;
import dev.eagerdsl.internal.guard.GuardIntegration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.MappedSuperclass;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Registered in {@code META-INF/services/org.hibernate.integrator.spi.Integrator}: remembers each
 * SessionFactory (for {@code explain(Root.class)}) and wires the lazy-load guard into it.
 */
public final class EagerDslIntegrator implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        SessionFactories.register(sessionFactory);
        GuardIntegration.integrate(sessionFactory, mappedClasses(metadata));
    }

    private static List<String> mappedClasses(Metadata metadata) {
        List<String> names = new ArrayList<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getClassName() != null) {
                names.add(entity.getClassName());
            }
            for (MappedSuperclass s = entity.getSuperMappedSuperclass(); s != null; s = s.getSuperMappedSuperclass()) {
                if (s.getMappedClass() != null) {
                    names.add(s.getMappedClass().getName());
                }
            }
        }
        return names;
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        SessionFactories.unregister(sessionFactory);
        GuardIntegration.disintegrate(sessionFactory);
    }
}
