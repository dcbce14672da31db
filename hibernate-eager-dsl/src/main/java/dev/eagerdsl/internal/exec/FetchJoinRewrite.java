package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.plan.CompiledPlan;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;
import org.hibernate.query.Query;
import org.hibernate.query.spi.AbstractCommonQueryContract;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.expression.SqmNamedParameter;
import org.hibernate.query.sqm.tree.expression.SqmParameter;
import org.hibernate.query.sqm.tree.expression.SqmPositionalParameter;
import org.hibernate.query.sqm.tree.from.SqmRoot;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.select.SqmSelection;

/**
 * The plan's {@code select(...)} paths written into the user's HQL as fetch joins, on a new query
 * that carries the user's parameters, paging and hints.
 *
 * <p>Why not a LOAD entity graph on the user's own query, which does the same joins: Hibernate
 * does not cache the SQL of a query that has an entity graph, and translates it again at every
 * execution (a cost about the size of the query itself, measured in {@code benchmarks/}). A
 * query written with fetch joins has its SQL cached like any HQL. The rewritten HQL is computed
 * once per (query string, plan) and checked (it parses, and has the same parameters); where a
 * query is beyond this (criteria, joins of its own, a projection, grouping, set operations, an
 * attribute inside an embeddable), the plan uses the entity graph as before.
 */
final class FetchJoinRewrite {

    /** (factory, HQL, plan) to rewritten HQL; "" where the entity graph is used. */
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 5_000;

    private FetchJoinRewrite() {
    }

    /** @return a new query with the fetch joins, or null where the entity graph must be used */
    static <T> Query<T> rewrite(RootQuery<T> root, CompiledPlan plan, Session session) {
        var q = root.query();
        SqmQuery sq = (SqmQuery) q;
        String hql = sq.getQueryString();
        if (hql == null || hql.isEmpty() || hql.charAt(0) == '<') {
            return null;
        }
        // per factory: whether a rewrite parses and matches depends on the factory's mapping
        String key = ((org.hibernate.engine.spi.SessionFactoryImplementor) session.getSessionFactory()).getUuid()
                + '\u0000' + hql + '\u0000' + plan.joinsTemplate();
        String rewritten = CACHE.get(key);
        if (rewritten == null) {
            rewritten = compute(sq, hql, plan, session, (AbstractCommonQueryContract) q);
            if (CACHE.size() > MAX_CACHED) {
                CACHE.clear();
            }
            CACHE.put(key, rewritten);
        }
        if (rewritten.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) root.statement().getResultType();
        Query<T> nq = session.createQuery(rewritten, type);
        copy((AbstractCommonQueryContract) q, nq);
        return nq;
    }

    private static String compute(SqmQuery sq, String hql, CompiledPlan plan, Session session, AbstractCommonQueryContract original) {
        try {
            if (!(sq.getSqmStatement() instanceof SqmSelectStatement<?> stmt) || !(stmt.getQueryPart() instanceof SqmQuerySpec<?> spec)) {
                return "";
            }
            for (SqmParameter<?> p : stmt.getSqmParameters()) {
                if (!(p instanceof SqmNamedParameter<?>) && !(p instanceof SqmPositionalParameter<?>)) {
                    return "";
                }
            }
            if (spec.getFromClause().getRoots().size() != 1 || spec.getGroupByClauseExpressions() != null
                    && !spec.getGroupByClauseExpressions().isEmpty() || spec.getHavingClausePredicate() != null) {
                return "";
            }
            SqmRoot<?> root = spec.getFromClause().getRoots().get(0);
            if (hasCteOrTreat(root) || root.getSqmJoins().stream().anyMatch(j -> j instanceof org.hibernate.query.sqm.tree.from.SqmAttributeJoin<?, ?> a && a.isFetched())) {
                // its own fetch joins could name a path the plan joins too
                return "";
            }
            List<? extends SqmSelection<?>> selections = spec.getSelectClause() == null ? List.of() : spec.getSelectClause().getSelections();
            if (selections.size() > 1 || selections.size() == 1 && selections.get(0).getSelectableNode() != root) {
                return "";
            }
            String alias = root.getExplicitAlias();
            int at = alias == null ? -1 : afterRootAlias(hql, alias);
            if (at < 0) {
                return "";
            }
            String out = hql.substring(0, at) + plan.fetchJoins(alias) + hql.substring(at);
            // the rewritten query must parse to the same query plus the joins: same parameters, same where and order by
            Query<?> check = session.createQuery(out, stmt.getResultType());
            if (!parameters((AbstractCommonQueryContract) check).equals(parameters(original))) {
                return "";
            }
            SqmQuerySpec<?> checked = ((SqmSelectStatement<?>) ((SqmQuery) check).getSqmStatement()).getQuerySpec();
            if (!java.util.Objects.equals(where(spec), where(checked)) || !java.util.Objects.equals(order(spec), order(checked))
                    || checked.getFromClause().getRoots().size() != 1) {
                return "";
            }
            return out;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean hasCteOrTreat(SqmRoot<?> root) {
        return root.getClass() != SqmRoot.class;
    }

    private static String where(SqmQuerySpec<?> spec) {
        var where = spec.getWhereClause();
        return where == null || where.getPredicate() == null ? null : where.getPredicate().toHqlString();
    }

    private static String order(SqmQuerySpec<?> spec) {
        var order = spec.getOrderByClause();
        if (order == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (var s : order.getSortSpecifications()) {
            sb.append(s.getSortExpression().toHqlString()).append(' ').append(s.getSortDirection()).append(' ')
                    .append(Values.call(s, "getNullPrecedence")).append(',');
        }
        return sb.toString();
    }

    /**
     * Where the root's alias ends in {@code from Entity [as] alias}, at the top level of the HQL
     * (outside parentheses and quotes), or -1.
     */
    static int afterRootAlias(String hql, String alias) {
        int depth = 0;
        int n = hql.length();
        int i = 0;
        while (i < n) {
            char c = hql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int close = hql.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && Character.isJavaIdentifierStart(c)) {
                int end = word(hql, i);
                if (hql.substring(i, end).equalsIgnoreCase("from")) {
                    int entityStart = skipSpace(hql, end);
                    int entityEnd = name(hql, entityStart);
                    if (entityEnd == entityStart) {
                        return -1;
                    }
                    int next = skipSpace(hql, entityEnd);
                    int nextEnd = word(hql, next);
                    if (hql.substring(next, nextEnd).equalsIgnoreCase("as")) {
                        next = skipSpace(hql, nextEnd);
                        nextEnd = word(hql, next);
                    }
                    return nextEnd > next && hql.substring(next, nextEnd).equalsIgnoreCase(alias) ? nextEnd : -1;
                }
                i = end;
                continue;
            }
            i++;
        }
        return -1;
    }

    private static int word(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int name(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isJavaIdentifierPart(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
        }
        return j;
    }

    private static int skipSpace(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static Set<String> parameters(AbstractCommonQueryContract q) {
        Set<String> out = new TreeSet<>();
        for (jakarta.persistence.Parameter<?> p : ((SqmQuery) q).getParameterMetadata().getRegistrations()) {
            out.add(p.getName() != null ? ":" + p.getName() : "?" + p.getPosition());
        }
        return out;
    }

    private static void copy(AbstractCommonQueryContract from, Query<?> to) {
        QueryCopies.parameters(from, to, null);
        QueryCopies.hints(from, to);
        var limit = from.getQueryOptions().getLimit();
        if (limit.getFirstRow() != null && limit.getFirstRow() > 0) {
            to.setFirstResult(limit.getFirstRow());
        }
        if (limit.getMaxRows() != null && limit.getMaxRows() != Integer.MAX_VALUE) {
            to.setMaxResults(limit.getMaxRows());
        }
        LockModeType lock = from.getQueryOptions().getLockOptions().getLockMode().toJpaLockMode();
        if (lock != null && lock != LockModeType.NONE) {
            to.setLockMode(lock);
        }
    }
}
