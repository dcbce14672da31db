package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PathResolver;
import dev.eagerdsl.internal.plan.CompiledPlan;
import jakarta.persistence.metamodel.EntityType;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.graph.GraphSemantic;
import org.hibernate.graph.spi.AppliedGraph;
import org.hibernate.graph.spi.RootGraphImplementor;
import org.hibernate.query.Query;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.spi.AbstractCommonQueryContract;
import org.hibernate.query.spi.MutableQueryOptions;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.SqmStatement;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.select.SqmSelection;

/**
 * The user's query, whichever API made it (JPA {@code TypedQuery} from JPQL or criteria, Hibernate
 * {@code Query}, {@code SelectionQuery}): all are Hibernate SQM selection queries, so one adapter runs
 * the root statement of every entry point in the fastest form the plan allows:
 * <ol>
 *   <li>the query as it is, when the plan joins nothing into it;</li>
 *   <li>its HQL rewritten with the plan's fetch joins, a new query (Hibernate caches its SQL);</li>
 *   <li>the query itself with an entity graph of the plan's paths (merged into the user's own graph),
 *       when the rewrite cannot apply; the query's own graph is put back afterwards.</li>
 * </ol>
 * The user's query object is left as it was.
 */
final class RootQuery<T> {

    private final SelectionQuery<T> query;
    private final SqmSelectStatement<?> statement;
    private final MutableQueryOptions options;
    /** whether the last {@link #list} ran the user's HQL rewritten with the plan's fetch joins */
    private boolean rewritten;

    private RootQuery(SelectionQuery<T> query, SqmSelectStatement<?> statement, MutableQueryOptions options) {
        this.query = query;
        this.statement = statement;
        this.options = options;
    }

    @SuppressWarnings("unchecked")
    static <T> RootQuery<T> of(Object q, String call) {
        Object hq = q;
        if (!(hq instanceof SqmQuery) && q instanceof jakarta.persistence.Query jq) {
            try {
                hq = jq.unwrap(SqmQuery.class);
            } catch (RuntimeException e) {
                hq = null;
            }
        }
        if (!(hq instanceof SqmQuery sq) || !(hq instanceof SelectionQuery<?>) || !(hq instanceof AbstractCommonQueryContract common)) {
            throw new RelatedException("This query (" + q.getClass().getName() + ") is not an HQL/JPQL/criteria query, so a plan"
                    + " cannot read which entity it selects. Native SQL queries cannot take a plan: use session.createQuery(hql, Root.class).");
        }
        SqmStatement<?> statement = sq.getSqmStatement();
        if (!(statement instanceof SqmSelectStatement<?> select)) {
            throw new RelatedException(call + " needs a select query; this one is " + statement.getClass().getSimpleName() + ".");
        }
        return new RootQuery<>((SelectionQuery<T>) hq, select, common.getQueryOptions());
    }

    SelectionQuery<T> query() {
        return query;
    }

    SqmSelectStatement<?> statement() {
        return statement;
    }

    /** @return the user's own entity graph, or {@code null} */
    AppliedGraph userGraph() {
        AppliedGraph g = options.getAppliedGraph();
        return g == null || g.getGraph() == null ? null : g;
    }

    /** Runs the root statement with the plan's joins. */
    List<T> list(CompiledPlan plan, Session session) {
        AppliedGraph user = userGraph();
        if (!plan.hasJoins() && plan.fetchGraphReason() == null) {
            return query.getResultList();
        }
        if (user == null && plan.fetchGraphReason() == null && plan.rewritable()) {
            Query<T> query = FetchJoinRewrite.rewrite(this, plan, session);
            if (query != null) {
                List<T> rows = query.getResultList();
                rewritten = true;
                return rows;
            }
        }
        return withGraph(plan, session, query::getResultList);
    }

    /** @return whether the last {@link #list} ran the user's HQL rewritten with the plan's fetch joins (of every JOIN path) */
    boolean rewritten() {
        return rewritten;
    }

    /** Runs {@code work} with the plan's graph (merged into the user's) applied to the user's query, then puts the query's own graph back. */
    <R> R withGraph(CompiledPlan plan, Session session, java.util.function.Supplier<R> work) {
        // the query's options are its applied graph too: keep the user's graph and semantic, not the live view
        AppliedGraph user = userGraph();
        RootGraphImplementor<?> userGraph = user == null ? null : user.getGraph();
        GraphSemantic userSemantic = user == null ? null : user.getSemantic();
        RootGraphImplementor<?> graph = Graphs.of(plan, session, userGraph);
        GraphSemantic semantic = plan.fetchGraphReason() != null || userSemantic == GraphSemantic.FETCH
                ? GraphSemantic.FETCH : GraphSemantic.LOAD;
        options.applyGraph(graph, semantic);
        try {
            return work.get();
        } finally {
            options.applyGraph(userGraph, userSemantic);
        }
    }

    /** The entity the query selects; refuses queries that select something else. */
    EntityType<?> rootEntity(PathResolver resolver, String call) {
        SqmQuerySpec<?> spec = statement.getQuerySpec();
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
}
