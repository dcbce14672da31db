package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import jakarta.persistence.metamodel.EntityType;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** The SessionFactories started in this JVM, newest first, for {@code explain(Root.class)}. */
public final class SessionFactories {

    private static final List<WeakReference<SessionFactoryImplementor>> FACTORIES = new ArrayList<>();

    private SessionFactories() {
    }

    /** @param sf a starting factory */
    public static synchronized void register(SessionFactoryImplementor sf) {
        FACTORIES.removeIf(r -> r.get() == null || r.get() == sf);
        FACTORIES.add(0, new WeakReference<>(sf));
    }

    /** @param sf a closing factory */
    public static synchronized void unregister(SessionFactoryImplementor sf) {
        FACTORIES.removeIf(r -> r.get() == null || r.get() == sf);
    }

    /**
     * @param root an entity class
     * @return the newest open factory whose metamodel knows it
     */
    public static synchronized SessionFactoryImplementor knowing(Class<?> root) {
        for (WeakReference<SessionFactoryImplementor> r : FACTORIES) {
            SessionFactoryImplementor sf = r.get();
            if (sf != null && !sf.isClosed()) {
                // through JPA's interface: SessionFactoryImplementor#getJpaMetamodel's return type differs between 6.6 and 7
                for (EntityType<?> e : ((jakarta.persistence.EntityManagerFactory) sf).getMetamodel().getEntities()) {
                    if (e.getJavaType() == root) {
                        return sf;
                    }
                }
            }
        }
        throw new RelatedException("explain(" + (root == null ? "null" : root.getSimpleName() + ".class")
                + "): no open SessionFactory knows this entity. Start the SessionFactory first, or call explain(session, "
                + (root == null ? "Root" : root.getSimpleName()) + ".class).");
    }
}
