package dev.eagerdsl.spring.internal;

import jakarta.persistence.NoResultException;
import jakarta.persistence.NonUniqueResultException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The query Spring Data built for an annotated method (its JPQL or criteria, parameters, sort,
 * paging, hints), run with the method's plan when Spring Data asks for its results:
 * {@code getResultList} (List, Page, Slice), {@code getSingleResult} / {@code getSingleResultOrNull}
 * (the entity, Optional) and {@code getResultStream} (Stream, chunk by chunk). Everything else,
 * setting parameters or paging included, goes to Spring's query.
 */
final class PlannedQuery implements InvocationHandler {

    private final Query target;
    private final MethodPlan plan;

    private PlannedQuery(Query target, MethodPlan plan) {
        this.target = target;
        this.plan = plan;
    }

    static Query wrap(Query query, MethodPlan plan) {
        if (!(query instanceof TypedQuery<?>)) {
            return query;
        }
        return Proxies.of(query, new PlannedQuery(query, plan));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        int arity = args == null ? 0 : args.length;
        TypedQuery<Object> query = (TypedQuery<Object>) target;
        if (arity == 0) {
            switch (method.getName()) {
                case "getResultList":
                    return plan.plan().list(query);
                case "getSingleResult":
                    return single(plan.plan().list(query), true);
                case "getSingleResultOrNull":
                    return single(plan.plan().list(query), false);
                case "getResultStream":
                    return plan.plan().stream(query, plan.streamChunkSize());
                default:
                    break;
            }
        }
        if (method.getName().equals("unwrap") && arity == 1 && args[0] == null) {
            // Spring's convention for its own query proxies (parameters are bound on what this returns)
            return java.lang.reflect.Proxy.isProxyClass(target.getClass()) ? target.unwrap(null) : target;
        }
        if (method.getName().equals("equals") && arity == 1) {
            return proxy == args[0];
        }
        if (method.getName().equals("hashCode") && arity == 0) {
            return System.identityHashCode(proxy);
        }
        Object result = Proxies.call(target, method, args);
        return result == target ? proxy : result;
    }

    private Object single(List<Object> rows, boolean required) {
        if (rows.size() > 1) {
            throw new NonUniqueResultException("Query of " + plan.method() + " returned " + rows.size() + " rows, expected at most one");
        }
        if (rows.isEmpty()) {
            if (required) {
                throw new NoResultException("Query of " + plan.method() + " returned no row");
            }
            return null;
        }
        return rows.get(0);
    }
}
