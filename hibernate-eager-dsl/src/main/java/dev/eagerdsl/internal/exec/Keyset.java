package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.dialect.NullOrdering;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;
import org.hibernate.query.SortDirection;
import org.hibernate.query.spi.AbstractCommonQueryContract;
import org.hibernate.query.sqm.NodeBuilder;
import org.hibernate.query.sqm.SqmQuerySource;
import org.hibernate.query.sqm.tree.SqmCopyContext;
import org.hibernate.query.sqm.tree.domain.SqmPath;
import org.hibernate.query.sqm.tree.expression.SqmExpression;
import org.hibernate.query.sqm.tree.expression.SqmNamedParameter;
import org.hibernate.query.sqm.tree.from.SqmAttributeJoin;
import org.hibernate.query.sqm.tree.from.SqmFrom;
import org.hibernate.query.sqm.tree.from.SqmJoin;
import org.hibernate.query.sqm.tree.from.SqmRoot;
import org.hibernate.query.sqm.tree.predicate.SqmPredicate;
import org.hibernate.query.sqm.tree.select.SqmOrderByClause;
import org.hibernate.query.sqm.tree.select.SqmQuerySpec;
import org.hibernate.query.sqm.tree.select.SqmSelectStatement;
import org.hibernate.query.sqm.tree.select.SqmSortSpecification;

/**
 * Keyset pages over the user's query, for {@code stream}: every page is a copy of the query that
 * continues after the last row of the previous one, on the query's own order plus the id as the
 * tie-breaker, so that every row is handed out once however many rows share a sort value, and the
 * database never scans past earlier rows (no offset). The user's query object is never changed.
 *
 * <p>The order's keys must be readable from the root entity after the page is loaded: attributes of
 * the root (also inside embeddables), its id, or the id of a to-one it references. Any other order
 * (an expression, a joined entity's attribute, a select alias) is refused before any SQL.
 */
final class Keyset<T> {

    /**
     * One sort key: the attribute path from the root, its direction, where its nulls sort, and whether
     * it can be null at all (the id and primitive attributes of the root cannot: for them the next page
     * needs no {@code or ... is null}, which would keep the database from starting at the key in an index).
     */
    private record Key(List<String> path, boolean ascending, boolean nullsFirst, boolean nullable, String shown) {
    }

    private final RootQuery<T> root;
    private final SharedSessionContractImplementor session;
    private final EntityType<?> entity;
    private final List<Key> keys;
    private final int firstResult;
    private final boolean repeatsRoots;

    private Keyset(RootQuery<T> root, SharedSessionContractImplementor session, EntityType<?> entity, List<Key> keys, int firstResult,
            boolean repeatsRoots) {
        this.root = root;
        this.repeatsRoots = repeatsRoots;
        this.session = session;
        this.entity = entity;
        this.keys = keys;
        this.firstResult = firstResult;
    }

    /** @throws RelatedException when the query's order cannot be continued by keyset */
    static <T> Keyset<T> of(RootQuery<T> root, SharedSessionContractImplementor session, EntityType<?> entity) {
        SqmSelectStatement<?> st = root.statement();
        SqmQuerySpec<?> spec = st.getQuerySpec();
        if (!(st.getQueryPart() instanceof SqmQuerySpec<?>) || spec.getFromClause().getRoots().size() != 1) {
            throw new RelatedException("stream(query, chunkSize) needs a query with one root (select b from Book b ...); this one "
                    + "has " + (st.getQueryPart() instanceof SqmQuerySpec<?> ? spec.getFromClause().getRoots().size() + " roots" : "a union")
                    + ". Stream each part separately.");
        }
        SqmRoot<?> r = spec.getFromClause().getRoots().get(0);
        List<Key> keys = new ArrayList<>();
        SqmOrderByClause order = spec.getOrderByClause();
        NullOrdering nulls = session.getJdbcServices().getDialect().getNullOrdering();
        // hibernate.order_by.default_null_ordering: what Hibernate renders for a sort without 'nulls first/last'
        String defaultPrecedence = String.valueOf(Values.call(session.getFactory().getSessionFactoryOptions(), "getDefaultNullPrecedence"));
        if (order != null) {
            for (SqmSortSpecification s : order.getSortSpecifications()) {
                keys.add(key(s, r, entity, nulls, defaultPrecedence));
            }
        }
        for (String id : idAttributes(entity)) {
            if (keys.stream().noneMatch(k -> k.path().equals(List.of(id)))) {
                keys.add(new Key(List.of(id), true, true, false, id));
            }
        }
        int first = Math.max(0, root.query().getFirstResult());
        return new Keyset<>(root, session, entity, List.copyOf(keys), first, joinsMany(r));
    }

    /** Whether a join of the query can give a root more than one row: a join to a collection, or to an entity by a condition. */
    private static boolean joinsMany(SqmFrom<?, ?> from) {
        for (SqmJoin<?, ?> j : from.getSqmJoins()) {
            if (!(j instanceof SqmAttributeJoin<?, ?> a) || a.getAttribute() instanceof PluralAttribute<?, ?, ?> || joinsMany(j)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether a page can hold fewer roots than rows (so only an empty page ends the stream) */
    boolean repeatsRoots() {
        return repeatsRoots;
    }

    private static Key key(SqmSortSpecification s, SqmRoot<?> r, EntityType<?> entity, NullOrdering nulls, String defaultPrecedence) {
        SqmExpression<?> e = s.getSortExpression();
        List<String> path = new ArrayList<>();
        if (e instanceof SqmPath<?> p && !s.isIgnoreCase()) {
            SqmPath<?> at = p;
            while (at != null && at != r && at.getLhs() != null) {
                path.add(0, at.getReferencedPathSource().getPathName());
                at = at.getLhs();
            }
            if (at == r && !path.isEmpty() && readable(entity, path)) {
                boolean asc = s.getSortDirection() == SortDirection.ASCENDING;
                String precedence = String.valueOf(Values.call(s, "getNullPrecedence"));
                if (!precedence.equals("FIRST") && !precedence.equals("LAST")) {
                    precedence = defaultPrecedence;
                }
                boolean nullsFirst = switch (precedence) {
                    case "FIRST" -> true;
                    case "LAST" -> false;
                    default -> switch (nulls) {
                        case SMALLEST -> asc;
                        case GREATEST -> !asc;
                        case FIRST -> true;
                        case LAST -> false;
                    };
                };
                return new Key(List.copyOf(path), asc, nullsFirst, nullable(entity, path), e.toHqlString());
            }
        }
        String alias = r.getExplicitAlias() != null ? r.getExplicitAlias() : entity.getName().substring(0, 1).toLowerCase(java.util.Locale.ROOT);
        String id = idAttributes(entity).get(0);
        String example = entity.getSingularAttributes().stream()
                .filter(a -> a.getPersistentAttributeType() == jakarta.persistence.metamodel.Attribute.PersistentAttributeType.BASIC && !a.isId())
                .map(a -> alias + "." + a.getName() + ", ").sorted().findFirst().orElse("");
        throw new RelatedException("stream(query, chunkSize) cannot continue 'order by " + e.toHqlString() + (s.isIgnoreCase() ? " (ignoring case)" : "")
                + "' chunk by chunk: each chunk starts after the previous chunk's last row, so every sort key must be an attribute of "
                + entity.getName() + " (or of an embeddable in it), its id, or the id of an entity it references. Order by such"
                + " attributes (e.g. order by " + example + alias + "." + id + "), or read the rows with list(query) and setFirstResult/setMaxResults.");
    }

    /**
     * Whether a sort key can be null: every key but the root's id and its attributes of a primitive type
     * (a row with a null there cannot be loaded at all). A mapping's {@code nullable = false} is not
     * trusted: a row that has a null there anyway would be skipped.
     */
    private static boolean nullable(EntityType<?> entity, List<String> path) {
        if (path.size() != 1) {
            return true;
        }
        if (idAttributes(entity).contains(path.get(0))) {
            return false;
        }
        return !entity.getAttribute(path.get(0)).getJavaType().isPrimitive();
    }

    /** Whether the path can be read from a loaded root without loading anything: basic attributes, through embeddables, or a to-one's id. */
    private static boolean readable(EntityType<?> entity, List<String> path) {
        jakarta.persistence.metamodel.ManagedType<?> t = entity;
        for (int i = 0; i < path.size(); i++) {
            jakarta.persistence.metamodel.Attribute<?, ?> a;
            try {
                a = t.getAttribute(path.get(i));
            } catch (IllegalArgumentException ex) {
                return false;
            }
            switch (a.getPersistentAttributeType()) {
                case BASIC -> {
                    return i == path.size() - 1;
                }
                case EMBEDDED -> t = (jakarta.persistence.metamodel.ManagedType<?>) ((SingularAttribute<?, ?>) a).getType();
                case MANY_TO_ONE, ONE_TO_ONE -> {
                    EntityType<?> target = (EntityType<?>) ((SingularAttribute<?, ?>) a).getType();
                    return i == path.size() - 2 && target.hasSingleIdAttribute()
                            && target.getId(target.getIdType().getJavaType()).getName().equals(path.get(i + 1));
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static List<String> idAttributes(EntityType<?> entity) {
        if (entity.hasSingleIdAttribute()) {
            return List.of(entity.getId(entity.getIdType().getJavaType()).getName());
        }
        List<String> out = new ArrayList<>();
        entity.getIdClassAttributes().forEach(a -> out.add(a.getName()));
        out.sort(null);
        return out;
    }

    /**
     * @param after the sort keys of the previous page's last row ({@link #keysOf}), or {@code null} for the first page
     * @param max rows in this page
     * @return the page's query: a copy of the user's, with their parameters, hints and graph
     */
    SelectionQuery<T> page(Object[] after, int max) {
        SqmCopyContext ctx = SqmCopyContext.simpleContext();
        @SuppressWarnings("unchecked")
        SqmSelectStatement<T> copy = (SqmSelectStatement<T>) root.statement().copy(ctx);
        SqmQuerySpec<T> spec = copy.getQuerySpec();
        SqmRoot<?> r = spec.getFromClause().getRoots().get(0);
        SqmOrderByClause order = spec.getOrderByClause();
        if (order == null) {
            order = new SqmOrderByClause();
            spec.setOrderByClause(order);
        }
        List<Expression<?>> exprs = new ArrayList<>(keys.size());
        for (Key k : keys) {
            exprs.add(path(r, k.path()));
        }
        for (int i = order.getSortSpecifications().size(); i < keys.size(); i++) {
            order.addSortSpecification(new SqmSortSpecification((SqmExpression<?>) exprs.get(i), SortDirection.ASCENDING));
        }
        Map<String, Object> bound = new java.util.LinkedHashMap<>();
        if (after != null) {
            spec.applyPredicate((SqmPredicate) after(copy, exprs, after, bound));
        }
        SelectionQuery<T> q = ((Session) session).createQuery(copy);
        copyOptions(ctx, q);
        bound.forEach(q::setParameter);
        if (after == null && firstResult > 0) {
            q.setFirstResult(firstResult);
        }
        q.setMaxResults(max);
        return q;
    }

    private static Expression<?> path(SqmRoot<?> r, List<String> path) {
        jakarta.persistence.criteria.Path<?> p = r;
        for (String part : path) {
            p = p.get(part);
        }
        return p;
    }

    /**
     * @param row a root of a page, read when the page is loaded: a change the caller makes to it later
     *     (even to a sort key) does not move where the next page starts
     * @return its sort keys
     */
    Object[] keysOf(Object row) {
        Object[] out = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            out[i] = value(row, keys.get(i).path());
        }
        return out;
    }

    private Object value(Object root, List<String> path) {
        Object row = Values.real(root);
        var persister = session.getEntityPersister(null, row);
        Object v = path.get(0).equals(persister.getIdentifierPropertyName())
                ? persister.getIdentifier(row, session) : Values.read(session, row, path.get(0));
        for (int i = 1; i < path.size() && v != null; i++) {
            if (Values.isEntity(session, v)) {
                v = session.getFactory().getPersistenceUnitUtil().getIdentifier(v);
            } else {
                v = Values.field(v, path.get(i));
            }
        }
        return v;
    }

    /**
     * Rows strictly after {@code last} in the order of {@link #keys}: (k1 > v1) or (k1 = v1 and k2 > v2) or ...,
     * with no {@code or k is null} for a key that cannot be null, and, over several keys, the first key's bound
     * ({@code k1 >= v1}) in front where it holds for every row after: a database cannot start an index scan at an
     * {@code or} of several keys (PostgreSQL's generic plan of a page then filters every earlier row of the index,
     * and each page costs more than the one before), but it can at that bound.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Predicate after(SqmSelectStatement<T> copy, List<Expression<?>> exprs, Object[] last, Map<String, Object> bound) {
        NodeBuilder cb = copy.nodeBuilder();
        // a criteria statement finds its parameters by walking its tree; an HQL one knows them from the parse, so the
        // values of the last row become named parameters registered with it
        boolean criteria = copy.getQuerySource() == SqmQuerySource.CRITERIA;
        java.util.function.Function<Object, Expression> value = v -> {
            if (criteria) {
                return cb.value(v);
            }
            String name = "eagerdslKey" + bound.size();
            SqmNamedParameter<?> p = new SqmNamedParameter<>(name, false, cb);
            copy.addParameter(p);
            bound.put(name, v);
            return p;
        };
        List<Predicate> any = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Predicate> all = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                all.add(last[j] == null ? cb.isNull(exprs.get(j)) : cb.equal(exprs.get(j), value.apply(last[j])));
            }
            Key k = keys.get(i);
            Expression e = exprs.get(i);
            Predicate beyond;
            if (last[i] == null) {
                if (!k.nullsFirst()) {
                    continue;
                }
                beyond = cb.isNotNull(e);
            } else {
                Expression v = value.apply(last[i]);
                Predicate strictly = k.ascending() ? cb.greaterThan(e, v) : cb.lessThan(e, v);
                beyond = k.nullsFirst() || !k.nullable() ? strictly : cb.or(strictly, cb.isNull(e));
            }
            all.add(beyond);
            any.add(cb.and(all.toArray(Predicate[]::new)));
        }
        if (any.isEmpty()) {
            return cb.disjunction();
        }
        Predicate after = any.size() == 1 ? any.get(0) : cb.or(any.toArray(Predicate[]::new));
        Predicate start = any.size() == 1 ? null : start(cb, keys.get(0), exprs.get(0), last[0], value);
        return start == null ? after : cb.and(start, after);
    }

    /**
     * @return a condition on the first key alone that every row after {@code last} meets, or {@code null}: a value
     *     that nulls sort before (or that cannot be null): {@code k1 >= v1} ({@code <=} descending); a null that
     *     nulls sort after: {@code k1 is null}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate start(NodeBuilder cb, Key first, Expression e, Object last, java.util.function.Function<Object, Expression> value) {
        if (last == null) {
            return first.nullsFirst() ? null : cb.isNull(e);
        }
        if (!first.nullsFirst() && first.nullable()) {
            return null;
        }
        Expression v = value.apply(last);
        return first.ascending() ? cb.greaterThanOrEqualTo(e, v) : cb.lessThanOrEqualTo(e, v);
    }

    /** The user's parameters, hints and options, onto a page (its own first and max results are set by the caller). */
    private void copyOptions(SqmCopyContext ctx, SelectionQuery<T> to) {
        Object from = root.query();
        QueryCopies.parameters(from, to, ctx);
        QueryCopies.hints(from, to);
        to.setHibernateFlushMode(((SelectionQuery<?>) from).getHibernateFlushMode());
        var graph = root.userGraph();
        if (graph != null) {
            ((AbstractCommonQueryContract) to).getQueryOptions().applyGraph(graph.getGraph(), graph.getSemantic());
        }
    }
}
