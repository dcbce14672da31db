package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PathResolver;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.EntityType;
import java.util.List;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.select.SqmSelection;

/** The user's query, whichever API created it: one adapter so that execution is written once. */
abstract class RootQuery<T> {

    static final String LOAD_GRAPH = "jakarta.persistence.loadgraph";
    static final List<String> GRAPH_HINTS = List.of("jakarta.persistence.loadgraph", "jakarta.persistence.fetchgraph",
            "javax.persistence.loadgraph", "javax.persistence.fetchgraph");

    /**
     * The query that runs the plan's {@code select(...)} paths: a rewrite of the user's HQL with
     * fetch joins where {@link FetchJoinRewrite} can (Hibernate caches its SQL), else the user's
     * own query with the plan's LOAD graph.
     */
    RootQuery<T> withSelects(PlanRun run, Class<?> rootClass) {
        if (!run.plan().hasSelects()) {
            return this;
        }
        refuseUserGraph();
        RootQuery<T> rewritten = rewritten(run);
        if (rewritten != null) {
            return rewritten;
        }
        applyGraph(run.graph(rootClass));
        return this;
    }

    /** @return the user's query rewritten with fetch joins, or null */
    RootQuery<T> rewritten(PlanRun run) {
        return null;
    }

    private void refuseUserGraph() {
        Object existing = userGraph();
        if (existing != null) {
            throw new RelatedException("This query already has an entity graph (hint " + existing + "), and select(...) would replace it."
                    + " Either add the to-one paths to your graph and drop select(...), or drop the graph and name its paths in"
                    + " select(...)/prefetch(...).");
        }
    }

    /** Applies the plan's LOAD graph (the caller has refused a graph of the user's). */
    private void applyGraph(Object graph) {
        if (graph == null) {
            return;
        }
        synchronized (OURS) {
            OURS.add(query);
        }
        hint(LOAD_GRAPH, graph);
    }

    /** The queries plans set a graph on, so that running a plan twice on one query is not taken for a user's graph. */
    private static final java.util.Set<Object> OURS = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    static boolean isOurs(Object query) {
        synchronized (OURS) {
            return OURS.contains(query);
        }
    }

    final Object query;

    RootQuery(Object query) {
        this.query = query;
    }

    abstract void hint(String name, Object value);

    /** @return the user's own entity graph hint, if any */
    abstract Object userGraph();

    abstract List<T> list();

    abstract int firstResult();

    abstract int maxResults();

    abstract void page(int first, int max);

    static <T> RootQuery<T> of(TypedQuery<T> q) {
        return new RootQuery<>(q) {
            @Override
            RootQuery<T> rewritten(PlanRun run) {
                org.hibernate.query.Query<T> nq = FetchJoinRewrite.rewrite(q, run.plan(), (org.hibernate.Session) run.session());
                return nq == null ? null : RootQuery.of((TypedQuery<T>) nq);
            }

            @Override
            void hint(String name, Object value) {
                q.setHint(name, value);
            }

            @Override
            Object userGraph() {
                java.util.Map<String, Object> hints = q.getHints();
                for (String h : GRAPH_HINTS) {
                    Object g = hints.get(h);
                    if (g != null && !isOurs(q)) {
                        return h;
                    }
                }
                return null;
            }

            @Override
            List<T> list() {
                return q.getResultList();
            }

            @Override
            int firstResult() {
                return q.getFirstResult();
            }

            @Override
            int maxResults() {
                return q.getMaxResults();
            }

            @Override
            void page(int first, int max) {
                q.setFirstResult(first);
                q.setMaxResults(max);
            }

        };
    }

    static <T> RootQuery<T> of(SelectionQuery<T> q) {
        return new RootQuery<>(q) {
            @Override
            void hint(String name, Object value) {
                q.setHint(name, value);
            }

            @Override
            Object userGraph() {
                return null;
            }

            @Override
            List<T> list() {
                return q.getResultList();
            }

            @Override
            int firstResult() {
                return q.getFirstResult();
            }

            @Override
            int maxResults() {
                return q.getMaxResults();
            }

            @Override
            void page(int first, int max) {
                q.setFirstResult(first);
                q.setMaxResults(max);
            }

        };
    }

    /** Streaming pages the query: without an order the pages could skip or repeat rows. */
    void requireOrder(String call) {
        if (sqm() instanceof SqmSelectStatement<?> select) {
            var order = select.getQuerySpec().getOrderByClause();
            if (order == null || order.getSortSpecifications().isEmpty()) {
                throw new RelatedException(call + " needs a query with an order by (e.g. \"from Book b order by b.id\"): the roots are read"
                        + " chunk by chunk, and without a stable order a chunk could skip or repeat rows.");
            }
        }
    }

    /** The entity the query selects; refuses queries that select something else. */
    EntityType<?> rootEntity(PathResolver resolver, String call) {
        SqmStatement<?> statement = sqm();
        if (!(statement instanceof SqmSelectStatement<?> select)) {
            throw new RelatedException(call + " needs a select query; this one is " + statement.getClass().getSimpleName() + ".");
        }
        SqmQuerySpec<?> spec = select.getQuerySpec();
        List<? extends SqmSelection<?>> selections = spec.getSelectClause() == null ? List.of() : spec.getSelectClause().getSelections();
        Class<?> type;
        if (selections.isEmpty()) {
            type = spec.getFromClause().getRoots().get(0).getJavaType();
        } else if (selections.size() == 1) {
            type = selections.get(0).getSelectableNode().getJavaType();
        } else {
            throw new RelatedException(call + " needs a query that selects one entity (select b from Book b); this one selects "
                    + selections.size() + " items. Select the root entity only, and let the plan load the rest.");
        }
        try {
            return resolver.entity(type);
        } catch (RelatedException e) {
            throw new RelatedException(call + " needs a query that selects entities (select b from Book b); this one selects "
                    + (type == null ? "an unknown type" : type.getSimpleName()) + ", which is not an entity.");
        }
    }

    private SqmStatement<?> sqm() {
        Object q = query;
        if (!(q instanceof SqmQuery)) {
            try {
                q = ((jakarta.persistence.Query) query).unwrap(SqmQuery.class);
            } catch (RuntimeException e) {
                throw new RelatedException("This query (" + query.getClass().getName() + ") is not an HQL/JPQL/criteria query, so a plan"
                        + " cannot read which entity it selects. Native SQL queries cannot take a plan: use session.createQuery(hql, Root.class).", e);
            }
        }
        return (SqmStatement<?>) ((SqmQuery) q).getSqmStatement();
    }
}
