package dev.eagerdsl.internal.plan;

import dev.eagerdsl.internal.path.PlanSpec;
import jakarta.persistence.metamodel.EntityType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The compiled plans of each SessionFactory, by (plan, root entity): the first run of a plan compiles
 * it, every later run with an equal plan (whichever {@code FetchPlan} instance carries it) only binds
 * and executes. Bounded per factory; forgotten when the factory closes.
 */
public final class PlanCache {

    /** Compiled plans kept per factory; past this, the cache starts over (plans are cheap to compile again). */
    static final int MAX_PER_FACTORY = 2_000;

    private static final Map<SessionFactoryImplementor, Map<Key, CompiledPlan>> BY_FACTORY = new ConcurrentHashMap<>();

    private record Key(PlanSpec spec, Class<?> root) {
    }

    private PlanCache() {
    }

    /**
     * @param spec the user's plan
     * @param session the session it runs in
     * @param root the query's root entity
     * @return the compiled plan, compiled now if this factory has not seen it
     */
    public static CompiledPlan get(PlanSpec spec, SharedSessionContractImplementor session, EntityType<?> root) {
        SessionFactoryImplementor sf = session.getFactory();
        Map<Key, CompiledPlan> plans = BY_FACTORY.computeIfAbsent(sf, k -> new ConcurrentHashMap<>());
        // filtered prefetches' parameter values are bound at each run: they do not make another plan
        Key key = new Key(spec.shape(), root.getJavaType());
        CompiledPlan plan = plans.get(key);
        if (plan == null) {
            plan = Planner.compile(spec, session, root);
            if (plans.size() >= MAX_PER_FACTORY) {
                plans.clear();
            }
            plans.put(key, plan);
        }
        return plan;
    }

    /** @param sf a closing factory: its plans are dropped */
    public static void forget(SessionFactoryImplementor sf) {
        BY_FACTORY.remove(sf);
    }
}
