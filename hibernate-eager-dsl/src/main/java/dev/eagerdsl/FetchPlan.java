package dev.eagerdsl;

import dev.eagerdsl.internal.exec.Executor;
import dev.eagerdsl.internal.path.PathSyntax;
import dev.eagerdsl.internal.path.PlanSpec;
import dev.eagerdsl.internal.path.PrefetchSpec;
import dev.eagerdsl.internal.path.TypedPaths;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.query.Query;
import org.hibernate.query.SelectionQuery;

/**
 * An immutable description of what to load with the root entities: to-one paths joined into the
 * root statement ({@link #select(String...)}) and paths loaded by one extra batched {@code IN}
 * statement per level ({@link #prefetch(String...)}). Every method returns a new plan; a plan is
 * thread-safe and may be kept in a {@code static final} field and reused across sessions.
 *
 * <p>Start one with {@link Related#select(String...)} or {@link Related#prefetch(String...)}.
 *
 * @since 0.1.0
 */
public final class FetchPlan {

    private static final FetchPlan EMPTY = new FetchPlan(List.of(), List.of());

    private final List<String> selects;
    private final List<Prefetch> prefetches;
    /** The same plan as the engine reads it: a value, so equal plans share one compiled form. */
    private final PlanSpec spec;

    private FetchPlan(List<String> selects, List<Prefetch> prefetches) {
        this.selects = selects;
        this.prefetches = prefetches;
        List<PrefetchSpec> specs = new ArrayList<>(prefetches.size());
        for (Prefetch p : prefetches) {
            specs.add(p.spec());
        }
        this.spec = new PlanSpec(selects, specs);
    }

    /** @return the plan as the engine reads it */
    PlanSpec spec() {
        return spec;
    }

    static FetchPlan empty() {
        return EMPTY;
    }

    /**
     * Adds to-one paths to join into the root statement (LEFT joins, so no row is lost).
     *
     * @param paths attribute names joined by {@code .} (or Django's {@code __})
     * @return a new plan
     * @throws RelatedException if a path is empty or malformed
     * @since 0.1.0
     */
    public FetchPlan select(String... paths) {
        List<String> copy = new ArrayList<>(selects);
        for (String p : PathSyntax.normalizeAll("select", paths)) {
            copy.add(p);
        }
        return new FetchPlan(Collections.unmodifiableList(copy), prefetches);
    }

    /**
     * Adds one to-one path given as a chain of metamodel attributes, e.g.
     * {@code select(Book_.author, Author_.publisher)}.
     *
     * @param first the attribute on the root entity
     * @param rest the following attributes, each on the type the previous one leads to
     * @return a new plan
     * @since 0.1.0
     */
    public FetchPlan select(SingularAttribute<?, ?> first, SingularAttribute<?, ?>... rest) {
        return select(TypedPaths.join(first, rest));
    }

    /**
     * Adds one path given as a chain of metamodel attributes. A collection attribute is refused
     * with a {@link RelatedException} when the plan runs; prefer the {@link SingularAttribute}
     * overload, which the compiler checks.
     *
     * @param first the attribute on the root entity
     * @param rest the following attributes
     * @return a new plan
     * @since 0.1.0
     */
    public FetchPlan select(Attribute<?, ?> first, Attribute<?, ?>... rest) {
        return select(TypedPaths.join(first, rest));
    }

    /**
     * Not meant to be called: a collection cannot be joined into the root statement; use
     * {@link #prefetch(Attribute, Attribute...)}. It makes {@code plan.select(Book_.tags)} ambiguous,
     * so that it does not compile.
     *
     * @param collection a collection attribute
     * @param usePrefetch never given
     * @return never returns
     * @throws RelatedException always
     * @deprecated collections go to {@code prefetch}: {@code plan.prefetch(Book_.tags)}
     * @since 0.1.0
     */
    @Deprecated(since = "0.1.0")
    public FetchPlan select(PluralAttribute<?, ?, ?> collection, Related.UsePrefetchForCollections... usePrefetch) {
        String name = collection == null ? "?" : collection.getName();
        throw new RelatedException("Cannot select('" + name + "'): '" + name + "' is a collection (to-many). Use prefetch(\""
                + name + "\").");
    }

    /**
     * Adds paths to load with one extra batched statement per level (collections, and to-one too).
     *
     * @param paths attribute names joined by {@code .} (or Django's {@code __})
     * @return a new plan
     * @throws RelatedException if a path is empty or malformed
     * @since 0.1.0
     */
    public FetchPlan prefetch(String... paths) {
        List<Prefetch> copy = new ArrayList<>(prefetches);
        for (String p : PathSyntax.normalizeAll("prefetch", paths)) {
            copy.add(Prefetch.of(p));
        }
        return new FetchPlan(selects, Collections.unmodifiableList(copy));
    }

    /**
     * Adds filtered and/or ordered prefetches written into a {@code List} field of each owner.
     *
     * @param prefetches the specs, see {@link Prefetch}
     * @return a new plan
     * @throws RelatedException if a spec is malformed
     * @since 0.1.0
     */
    public FetchPlan prefetch(Prefetch... prefetches) {
        if (prefetches == null) {
            throw new RelatedException("prefetch((Prefetch[]) null): pass one or more Prefetch.of(\"path\") specs.");
        }
        List<Prefetch> copy = new ArrayList<>(this.prefetches);
        for (Prefetch p : prefetches) {
            if (p == null) {
                throw new RelatedException("prefetch(...) was given a null Prefetch: pass Prefetch.of(\"path\") specs.");
            }
            copy.add(p.withPath(PathSyntax.normalize(p.spec()).path()));
        }
        return new FetchPlan(selects, Collections.unmodifiableList(copy));
    }

    /**
     * Adds one prefetch path given as a chain of metamodel attributes, e.g.
     * {@code prefetch(Course_.students, Student_.courses)}.
     *
     * @param first the attribute on the root entity
     * @param rest the following attributes
     * @return a new plan
     * @since 0.1.0
     */
    public FetchPlan prefetch(Attribute<?, ?> first, Attribute<?, ?>... rest) {
        return prefetch(TypedPaths.join(first, rest));
    }

    /**
     * Runs the query with the plan; returns the distinct root entities in the query's order. The
     * query's parameters, ordering, paging (kept in SQL), hints and lock mode are kept.
     *
     * @param query a query created by {@code EntityManager.createQuery(jpql|criteria, T.class)}
     * @param <T> the root entity type
     * @return the roots, with every planned association loaded
     * @since 0.1.0
     */
    public <T> List<T> list(TypedQuery<T> query) {
        return Executor.list(spec, query);
    }

    /**
     * Runs a Hibernate {@code Session.createQuery(hql, T.class)} query with the plan.
     *
     * @param query the query
     * @param <T> the root entity type
     * @return the roots, with every planned association loaded
     * @since 0.1.0
     */
    public <T> List<T> list(Query<T> query) {
        return Executor.list(spec, query);
    }

    /**
     * Runs a Hibernate {@code Session.createSelectionQuery(hql, T.class)} query with the plan.
     *
     * @param query the query
     * @param <T> the root entity type
     * @return the roots, with every planned association loaded
     * @since 0.1.0
     */
    public <T> List<T> list(SelectionQuery<T> query) {
        return Executor.list(spec, query);
    }

    /**
     * Loads every row of {@code root} with the plan.
     *
     * @param sessionOrEntityManager an open Hibernate {@code Session} or JPA {@code EntityManager}
     * @param root the root entity class
     * @param <T> the root entity type
     * @return all roots, with every planned association loaded
     * @since 0.1.0
     */
    public <T> List<T> list(EntityManager sessionOrEntityManager, Class<T> root) {
        return Executor.listAll(spec, sessionOrEntityManager, root);
    }

    /**
     * Finds one root by id with the plan.
     *
     * @param sessionOrEntityManager an open Hibernate {@code Session} or JPA {@code EntityManager}
     * @param root the root entity class
     * @param id the identifier
     * @param <T> the root entity type
     * @return the root, or empty when no row has that id
     * @since 0.1.0
     */
    public <T> Optional<T> find(EntityManager sessionOrEntityManager, Class<T> root, Object id) {
        return Executor.find(spec, sessionOrEntityManager, root, id);
    }

    /**
     * Streams the query's roots, loading and prefetching {@code chunkSize} roots at a time, so that
     * memory stays flat on millions of rows (Django's {@code iterator(chunk_size)}). Each chunk is a
     * keyset page on a copy of the query: it continues after the previous chunk's last row on the
     * query's order plus the id, so every row is handed out exactly once (no {@code order by}: id
     * order); the query's own first and max results bound the stream, and the query is not changed.
     * An order the pages cannot continue on (an expression, a joined entity's attribute) is refused.
     * Before the next chunk is read the session is flushed (unless its flush mode is MANUAL or no
     * transaction is running: then changed entities stay attached) and, when the session held no
     * other entity as the stream started, the passed chunk is detached. Close the stream
     * (try-with-resources) to do so for the last chunk. See docs/streams.md.
     *
     * @param query the query
     * @param chunkSize roots per chunk, at least 1
     * @param <T> the root entity type
     * @return a lazily evaluated stream of roots
     * @since 0.1.0
     */
    public <T> Stream<T> stream(TypedQuery<T> query, int chunkSize) {
        return Executor.stream(spec, query, chunkSize);
    }

    /**
     * Streams a Hibernate query's roots chunk by chunk; see {@link #stream(TypedQuery, int)}.
     *
     * @param query the query
     * @param chunkSize roots per chunk, at least 1
     * @param <T> the root entity type
     * @return a lazily evaluated stream of roots
     * @since 0.1.0
     */
    public <T> Stream<T> stream(Query<T> query, int chunkSize) {
        return Executor.stream(spec, query, chunkSize);
    }

    /**
     * Streams a Hibernate selection query's roots chunk by chunk; see {@link #stream(TypedQuery, int)}.
     *
     * @param query the query
     * @param chunkSize roots per chunk, at least 1
     * @param <T> the root entity type
     * @return a lazily evaluated stream of roots
     * @since 0.1.0
     */
    public <T> Stream<T> stream(SelectionQuery<T> query, int chunkSize) {
        return Executor.stream(spec, query, chunkSize);
    }

    /**
     * Describes the statements this plan runs for {@code root}: the fetch-join HQL of the root
     * statement and one line per prefetch level. Needs no session: the paths are checked against
     * the metamodel of the most recently started Hibernate {@code SessionFactory} that knows
     * {@code root}.
     *
     * @param root the root entity class
     * @return the statements, one per line
     * @since 0.1.0
     */
    public String explain(Class<?> root) {
        return Executor.explain(spec, root);
    }

    /**
     * Describes the statements this plan runs for {@code root}, checked against the metamodel of
     * the given session's factory.
     *
     * @param sessionOrEntityManager any session of the factory
     * @param root the root entity class
     * @return the statements, one per line
     * @since 0.1.0
     */
    public String explain(EntityManager sessionOrEntityManager, Class<?> root) {
        return Executor.explain(spec, sessionOrEntityManager, root);
    }

    /**
     * A copy of this plan without its select paths (Django's {@code select_related(None)}).
     *
     * @return a new plan with the same prefetches and no select paths
     * @since 0.1.0
     */
    public FetchPlan withoutSelects() {
        return new FetchPlan(List.of(), prefetches);
    }

    /**
     * A copy of this plan without its prefetches (Django's {@code prefetch_related(None)}).
     *
     * @return a new plan with the same select paths and no prefetches
     * @since 0.1.0
     */
    public FetchPlan withoutPrefetches() {
        return new FetchPlan(selects, List.of());
    }

    /**
     * The select paths of this plan.
     *
     * @return the normalized select paths, in the order given
     * @since 0.1.0
     */
    public List<String> selectPaths() {
        return selects;
    }

    /**
     * The prefetches of this plan.
     *
     * @return the prefetches (plain ones as {@code Prefetch.of(path)}), in the order given
     * @since 0.1.0
     */
    public List<Prefetch> prefetches() {
        return prefetches;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FetchPlan p && spec.equals(p.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
