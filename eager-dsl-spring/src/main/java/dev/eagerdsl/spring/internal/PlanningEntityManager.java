package dev.eagerdsl.spring.internal;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * The {@code EntityManager} that a repository's queries are created on: Spring's shared one, plus,
 * while an annotated method runs ({@link ActivePlan}), its plan applied to the query that selects
 * the method's entity ({@link PlannedQuery}) and to {@code find(Root.class, id)}. Other queries,
 * the count query of a {@code Page} among them, are Spring's own, untouched.
 */
final class PlanningEntityManager implements InvocationHandler {

    private final EntityManager target;

    private PlanningEntityManager(EntityManager target) {
        this.target = target;
    }

    static EntityManager wrap(EntityManager em) {
        return Proxies.of(em, new PlanningEntityManager(em));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        MethodPlan plan = ActivePlan.current();
        if (plan != null) {
            if (method.getName().equals("createQuery")) {
                Object query = Proxies.call(target, method, args);
                return query instanceof jakarta.persistence.Query q && EntitySelection.selects(q, plan.root())
                        ? PlannedQuery.wrap(q, plan) : query;
            }
            if (method.getName().equals("find") && isPlainFind(plan, args)) {
                return plan.plan().find(target, (Class<?>) args[0], args[1]).orElse(null);
            }
        }
        if (method.getName().equals("equals")) {
            return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && args == null) {
            return System.identityHashCode(proxy);
        }
        return Proxies.call(target, method, args);
    }

    /** {@code find(Root.class, id)}, or with hints that say nothing: no lock mode, no entity graph of Spring's. */
    private static boolean isPlainFind(MethodPlan plan, Object[] args) {
        if (args == null || args.length < 2 || args[0] != plan.root()) {
            return false;
        }
        return args.length == 2 || (args.length == 3 && args[2] instanceof Map<?, ?> hints && hints.isEmpty());
    }
}
