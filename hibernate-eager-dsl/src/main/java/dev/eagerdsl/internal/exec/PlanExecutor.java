package dev.eagerdsl.internal.exec;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PathResolver;
import dev.eagerdsl.internal.plan.Plan;
import dev.eagerdsl.internal.plan.Planner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.graph.RootGraph;
import org.hibernate.query.Query;
import org.hibernate.query.SelectionQuery;

/** Where every public overload of {@link FetchPlan} ends: validate, plan, run. */
public final class PlanExecutor {

    private PlanExecutor() {
    }

    /** {@code list(TypedQuery)} */
    public static <T> List<T> list(FetchPlan plan, TypedQuery<T> q) {
        return run(plan, RootQuery.of(q), Sessions.ofQuery(q, "list(query)"));
    }

    /** {@code list(Query)} */
    public static <T> List<T> list(FetchPlan plan, Query<T> q) {
        return run(plan, RootQuery.of((TypedQuery<T>) q), Sessions.ofQuery(q, "list(query)"));
    }

    /** {@code list(SelectionQuery)} */
    public static <T> List<T> list(FetchPlan plan, SelectionQuery<T> q) {
        return run(plan, RootQuery.of(q), Sessions.ofQuery(q, "list(query)"));
    }

    /** {@code list(session, Root.class)} */
    public static <T> List<T> listAll(FetchPlan plan, EntityManager em, Class<T> root) {
        SharedSessionContractImplementor s = Sessions.of(em, "list(session, Root.class)");
        EntityType<?> type = resolver(s).entity(root);
        SelectionQuery<T> q = s.createSelectionQuery("select r from " + type.getName() + " r", root);
        return run(plan, RootQuery.of(q), s);
    }

    private static <T> List<T> run(FetchPlan fetchPlan, RootQuery<T> q, SharedSessionContractImplementor s) {
        PathResolver resolver = resolver(s);
        EntityType<?> root = q.rootEntity(resolver, "list(query)");
        PlanRun run = new PlanRun(s, Planner.plan(fetchPlan, resolver, root));
        RootQuery<T> effective = q.withSelects(run, root.getJavaType());
        List<T> roots;
        ExecScope.enter();
        try {
            roots = distinct(effective.list());
        } finally {
            ExecScope.exit();
        }
        run.load(roots, false);
        return roots;
    }

    /** {@code find(session, Root.class, id)} */
    public static <T> Optional<T> find(FetchPlan fetchPlan, EntityManager em, Class<T> root, Object id) {
        SharedSessionContractImplementor s = Sessions.of(em, "find(session, Root.class, id)");
        if (id == null) {
            throw new RelatedException("find(session, " + root.getSimpleName() + ".class, null): the id is null. Pass the identifier of the row to load.");
        }
        PathResolver resolver = resolver(s);
        EntityType<?> type = resolver.entity(root);
        PlanRun run = new PlanRun(s, Planner.plan(fetchPlan, resolver, type));
        RootGraph<?> graph = run.graph(root);
        T found;
        ExecScope.enter();
        try {
            found = graph == null ? em.find(root, id) : em.find(root, id, Map.of(RootQuery.LOAD_GRAPH, graph));
        } finally {
            ExecScope.exit();
        }
        if (found == null) {
            return Optional.empty();
        }
        run.load(List.of(found), false);
        return Optional.of(found);
    }

    /** {@code stream(query, chunkSize)} */
    public static <T> Stream<T> stream(FetchPlan plan, TypedQuery<T> q, int chunkSize) {
        return stream(plan, RootQuery.of(q), Sessions.ofQuery(q, "stream(query, chunkSize)"), chunkSize);
    }

    /** {@code stream(query, chunkSize)} */
    public static <T> Stream<T> stream(FetchPlan plan, Query<T> q, int chunkSize) {
        return stream(plan, RootQuery.of((TypedQuery<T>) q), Sessions.ofQuery(q, "stream(query, chunkSize)"), chunkSize);
    }

    /** {@code stream(query, chunkSize)} */
    public static <T> Stream<T> stream(FetchPlan plan, SelectionQuery<T> q, int chunkSize) {
        return stream(plan, RootQuery.of(q), Sessions.ofQuery(q, "stream(query, chunkSize)"), chunkSize);
    }

    private static <T> Stream<T> stream(FetchPlan fetchPlan, RootQuery<T> q, SharedSessionContractImplementor s, int chunkSize) {
        if (chunkSize < 1) {
            throw new RelatedException("stream(query, " + chunkSize + "): the chunk size must be at least 1; 500 to 2000 suits most tables.");
        }
        PathResolver resolver = resolver(s);
        EntityType<?> root = q.rootEntity(resolver, "stream(query, chunkSize)");
        PlanRun run = new PlanRun(s, Planner.plan(fetchPlan, resolver, root));
        q.requireOrder("stream(query, chunkSize)");
        return ChunkedStream.of(q.withSelects(run, root.getJavaType()), run, chunkSize);
    }

    /** {@code Related.prefetchObjects(session, entities, paths)} */
    public static void prefetchObjects(FetchPlan fetchPlan, EntityManager em, Collection<?> entities) {
        SharedSessionContractImplementor s = Sessions.of(em, "prefetchObjects(session, entities, paths)");
        if (entities == null) {
            throw new RelatedException("prefetchObjects(session, null, ...): pass the entities to prefetch onto (an empty list is fine).");
        }
        if (!fetchPlan.selectPaths().isEmpty()) {
            throw new RelatedException("prefetchObjects(...) takes prefetch paths only.");
        }
        PathResolver resolver = resolver(s);
        Map<EntityType<?>, List<Object>> byHierarchy = new LinkedHashMap<>();
        for (Object e : entities) {
            if (e == null) {
                continue;
            }
            if (!((org.hibernate.Session) s).contains(e)) {
                throw new RelatedException("prefetchObjects(...): " + describe(s, e) + " is not managed by this session (it is detached,"
                        + " new, or from another session), so nothing can be loaded into it. Load it in this session, or merge it first: "
                        + "entity = session.merge(entity).");
            }
            Class<?> cls = e instanceof org.hibernate.proxy.HibernateProxy p
                    ? p.getHibernateLazyInitializer().getPersistentClass() : e.getClass();
            EntityType<?> type = hierarchyRoot(resolver.entity(cls));
            byHierarchy.computeIfAbsent(type, k -> new ArrayList<>()).add(e);
        }
        // check every group before any SQL runs
        List<Object[]> runs = new ArrayList<>();
        for (Map.Entry<EntityType<?>, List<Object>> g : byHierarchy.entrySet()) {
            Plan plan = Planner.plan(fetchPlan, resolver, g.getKey());
            runs.add(new Object[] {new PlanRun(s, plan), g.getValue()});
        }
        for (Object[] r : runs) {
            List<Object> owners = new ArrayList<>();
            for (Object o : (List<?>) r[1]) {
                Object real = Values.real(o);
                owners.add(real != null ? real : o);
            }
            ((PlanRun) r[0]).load(Values.distinct(owners), false);
        }
    }

    private static String describe(SharedSessionContractImplementor s, Object e) {
        Class<?> cls = e instanceof org.hibernate.proxy.HibernateProxy p ? p.getHibernateLazyInitializer().getPersistentClass() : e.getClass();
        return cls.getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(e));
    }

    private static EntityType<?> hierarchyRoot(EntityType<?> t) {
        EntityType<?> root = t;
        IdentifiableType<?> sup = t.getSupertype();
        while (sup != null) {
            if (sup instanceof EntityType<?> e) {
                root = e;
            }
            sup = sup.getSupertype();
        }
        return root;
    }

    /** {@code explain(Root.class)} */
    public static String explain(FetchPlan fetchPlan, Class<?> root) {
        SessionFactoryImplementor sf = SessionFactories.knowing(root);
        try (var session = sf.openSession()) {
            return explain(fetchPlan, session, root);
        }
    }

    /** {@code explain(session, Root.class)} */
    public static String explain(FetchPlan fetchPlan, EntityManager em, Class<?> root) {
        SharedSessionContractImplementor s = Sessions.of(em, "explain(session, Root.class)");
        PathResolver resolver = resolver(s);
        Plan plan = Planner.plan(fetchPlan, resolver, resolver.entity(root));
        FilteredPrefetch.check(s, plan);
        return Hql.explain(plan, PlanRun.chunkSize(s));
    }

    static PathResolver resolver(SharedSessionContractImplementor s) {
        return new PathResolver(((EntityManager) s).getMetamodel());
    }

    private static <T> List<T> distinct(List<T> rows) {
        @SuppressWarnings("unchecked")
        List<T> out = (List<T>) Values.distinct(rows);
        return out;
    }
}
