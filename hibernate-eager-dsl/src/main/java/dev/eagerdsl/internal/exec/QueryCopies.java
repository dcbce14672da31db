package dev.eagerdsl.internal.exec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.query.QueryParameter;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.spi.AbstractCommonQueryContract;
import org.hibernate.query.spi.DomainQueryExecutionContext;
import org.hibernate.query.spi.QueryParameterBinding;
import org.hibernate.query.spi.QueryParameterImplementor;
import org.hibernate.query.spi.SqmQuery;
import org.hibernate.query.sqm.tree.SqmCopyContext;
import org.hibernate.query.sqm.tree.expression.SqmParameter;

/** Carries what the user set on their query over to the new query the plan runs in its place. */
final class QueryCopies {

    private static final List<String> GRAPH_HINTS = List.of("jakarta.persistence.loadgraph", "jakarta.persistence.fetchgraph",
            "javax.persistence.loadgraph", "javax.persistence.fetchgraph");

    private QueryCopies() {
    }

    /**
     * Binds the user's parameter values: by name, by position, or (for unnamed criteria parameters of a
     * copied statement) through the copy's own parameter.
     *
     * @param from the user's query
     * @param to the new query
     * @param copies how the statement was copied, or {@code null} when {@code to} was parsed from HQL
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void parameters(Object from, SelectionQuery<?> to, SqmCopyContext copies) {
        var bindings = ((DomainQueryExecutionContext) from).getQueryParameterBindings();
        for (QueryParameter<?> qp : ((SqmQuery) from).getParameterMetadata().getRegistrations()) {
            QueryParameterImplementor<?> p = (QueryParameterImplementor<?>) qp;
            QueryParameterBinding<?> b = bindings.getBinding(p);
            if (!b.isBound()) {
                continue;
            }
            if (p.getName() != null) {
                if (b.isMultiValued()) {
                    to.setParameterList(p.getName(), (Collection) b.getBindValues());
                } else {
                    to.setParameter(p.getName(), b.getBindValue());
                }
            } else if (p.getPosition() != null) {
                if (b.isMultiValued()) {
                    to.setParameterList(p.getPosition(), (Collection) b.getBindValues());
                } else {
                    to.setParameter(p.getPosition(), b.getBindValue());
                }
            } else {
                // an unnamed criteria parameter: the copy's own, or the same object where Hibernate does not copy
                // parameters (JpaCriteriaParameter keeps its identity in a copied tree)
                QueryParameter target = p;
                if (copies != null && p instanceof SqmParameter<?> sp && copies.getCopy(sp) instanceof QueryParameter<?> copied) {
                    target = copied;
                }
                if (b.isMultiValued()) {
                    to.setParameterList(target, (Collection) b.getBindValues());
                } else {
                    to.setParameter(target, b.getBindValue());
                }
            }
        }
    }

    /** The user's hints (timeout, read-only, comment, cache and fetch settings, lock hints), their entity graph left out. */
    static void hints(Object from, SelectionQuery<?> to) {
        for (Map.Entry<String, Object> h : ((AbstractCommonQueryContract) from).getHints().entrySet()) {
            if (!GRAPH_HINTS.contains(h.getKey())) {
                to.setHint(h.getKey(), h.getValue());
            }
        }
    }
}
