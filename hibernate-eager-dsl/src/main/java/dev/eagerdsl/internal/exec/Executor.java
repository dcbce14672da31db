package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PathResolver;
import dev.eagerdsl.internal.path.PlanSpec;
import dev.eagerdsl.internal.plan.CompiledPlan;
import dev.eagerdsl.internal.plan.PlanCache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.IdentifiableType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.graph.GraphSemantic;
import org.hibernate.proxy.HibernateProxy;

/**
 * Where every public entry point ends: find the session, compile the plan (or take it from the
 * factory's cache), run the root statement in its fastest form, then the levels. Each entry point is
 * a few lines; the work is written once.
 */
public final class Executor {

    private Executor() {
    }

    /** {@code list(query)} for every kind of query: JPQL, HQL, criteria, {@code TypedQuery}, {@code Query}, {@code SelectionQuery} */
    public static <T> List<T> list(PlanSpec spec, Object query) {
        SharedSessionContractImplementor s = Sessions.ofQuery(query, "list(query)");
        RootQuery<T> root = RootQuery.of(query, "list(query)");
        CompiledPlan plan = compile(spec, s, root.rootEntity(resolver(s), "list(query)"));
        Run run = new Run(s, plan, spec).check();
        return Run.inScope(s, () -> {
            boolean empty = s.getPersistenceContextInternal().getNumberOfManagedEntities() == 0;
            List<T> roots = distinct(root.list(plan, (Session) s));
            run.rootStatementJoinedAll(empty && root.rewritten());
            run.load(roots, false);
            return roots;
        });
    }

    /** {@code list(session, Root.class)} */
    public static <T> List<T> listAll(PlanSpec spec, EntityManager em, Class<T> rootClass) {
        SharedSessionContractImplementor s = Sessions.of(em, "list(session, Root.class)");
        CompiledPlan plan = compile(spec, s, resolver(s).entity(rootClass));
        RootQuery<T> root = RootQuery.of(s.createSelectionQuery(plan.allRowsHql(), rootClass), "list(session, Root.class)");
        Run run = new Run(s, plan, spec).check();
        return Run.inScope(s, () -> {
            boolean empty = s.getPersistenceContextInternal().getNumberOfManagedEntities() == 0;
            boolean joins = plan.rewritable() && plan.fetchGraphReason() == null;
            List<T> roots = distinct(joins ? root.query().getResultList() : root.list(plan, (Session) s));
            // the HQL of all rows has a fetch join of every JOIN path (as the rewrite of a user's query)
            run.rootStatementJoinedAll(empty && joins);
            run.load(roots, false);
            return roots;
        });
    }

    /** {@code find(session, Root.class, id)} */
    public static <T> Optional<T> find(PlanSpec spec, EntityManager em, Class<T> rootClass, Object id) {
        SharedSessionContractImplementor s = Sessions.of(em, "find(session, Root.class, id)");
        if (id == null) {
            throw new RelatedException("find(session, " + rootClass.getSimpleName() + ".class, null): the id is null. Pass the identifier of the row to load.");
        }
        CompiledPlan plan = compile(spec, s, resolver(s).entity(rootClass));
        Run run = new Run(s, plan, spec).check();
        return Optional.ofNullable(Run.inScope(s, () -> {
            T found = findRoot(s, plan, rootClass, id);
            if (found != null) {
                run.load(List.of(found), false);
            }
            return found;
        }));
    }

    /** The root by id: from the session when it is there, else with the plan's joins (Hibernate's own find, with a graph). */
    private static <T> T findRoot(SharedSessionContractImplementor s, CompiledPlan plan, Class<T> rootClass, Object id) {
        Session session = (Session) s;
        if (!plan.hasJoins() && plan.fetchGraphReason() == null) {
            return session.find(rootClass, id);
        }
        var persister = s.getFactory().getMappingMetamodel().getEntityDescriptor(rootClass);
        Object inSession = s.getPersistenceContextInternal().getEntity(s.generateEntityKey(id, persister));
        if (inSession != null) {
            // loaded already: no root statement; its planned to-ones load as a level if they are not loaded
            return session.find(rootClass, id);
        }
        GraphSemantic semantic = plan.fetchGraphReason() != null ? GraphSemantic.FETCH : GraphSemantic.LOAD;
        return session.find(rootClass, id, Map.of(semantic.getJakartaHintName(), Graphs.of(plan, session, null)));
    }

    /** {@code stream(query, chunkSize)} */
    public static <T> Stream<T> stream(PlanSpec spec, Object query, int chunkSize) {
        SharedSessionContractImplementor s = Sessions.ofQuery(query, "stream(query, chunkSize)");
        if (chunkSize < 1) {
            throw new RelatedException("stream(query, " + chunkSize + "): the chunk size must be at least 1; 500 to 2000 suits most tables.");
        }
        RootQuery<T> root = RootQuery.of(query, "stream(query, chunkSize)");
        CompiledPlan plan = compile(spec, s, root.rootEntity(resolver(s), "stream(query, chunkSize)"));
        return ChunkedStream.of(root, new Run(s, plan, spec).check(), plan, s, chunkSize);
    }

    /** {@code Related.prefetchObjects(session, entities, paths)} */
    public static void prefetchObjects(PlanSpec spec, EntityManager em, Collection<?> entities) {
        SharedSessionContractImplementor s = Sessions.of(em, "prefetchObjects(session, entities, paths)");
        if (entities == null) {
            throw new RelatedException("prefetchObjects(session, null, ...): pass the entities to prefetch onto (an empty list is fine).");
        }
        PathResolver resolver = resolver(s);
        Map<EntityType<?>, List<Object>> byHierarchy = new LinkedHashMap<>();
        for (Object e : entities) {
            if (e == null) {
                continue;
            }
            if (!((Session) s).contains(e)) {
                throw new RelatedException("prefetchObjects(...): " + describe(e) + " is not managed by this session (it is detached,"
                        + " new, or from another session), so nothing can be loaded into it. Load it in this session, or merge it first: "
                        + "entity = session.merge(entity).");
            }
            byHierarchy.computeIfAbsent(hierarchyRoot(resolver.entity(classOf(e))), k -> new ArrayList<>()).add(e);
        }
        // compile every group before any SQL runs
        List<Map.Entry<Run, List<Object>>> runs = new ArrayList<>();
        for (Map.Entry<EntityType<?>, List<Object>> g : byHierarchy.entrySet()) {
            runs.add(Map.entry(new Run(s, compile(spec, s, g.getKey()), spec).check(), g.getValue()));
        }
        Run.inScope(s, () -> {
            for (Map.Entry<Run, List<Object>> r : runs) {
                List<Object> owners = new ArrayList<>();
                for (Object o : r.getValue()) {
                    Object real = Values.real(o);
                    owners.add(real != null ? real : o);
                }
                r.getKey().load(Values.distinct(owners), false);
            }
            return null;
        });
    }

    /** {@code explain(Root.class)} */
    public static String explain(PlanSpec spec, Class<?> root) {
        SessionFactoryImplementor sf = SessionFactories.knowing(root);
        try (var session = sf.openSession()) {
            return explain(spec, session, root);
        }
    }

    /** {@code explain(session, Root.class)} */
    public static String explain(PlanSpec spec, EntityManager em, Class<?> root) {
        SharedSessionContractImplementor s = Sessions.of(em, "explain(session, Root.class)");
        return Explain.of(compile(spec, s, resolver(s).entity(root)), s);
    }

    static CompiledPlan compile(PlanSpec spec, SharedSessionContractImplementor s, EntityType<?> root) {
        return PlanCache.get(spec, s, root);
    }

    static PathResolver resolver(SharedSessionContractImplementor s) {
        return new PathResolver(((EntityManager) s).getMetamodel());
    }

    private static Class<?> classOf(Object e) {
        return e instanceof HibernateProxy p ? p.getHibernateLazyInitializer().getPersistentClass() : e.getClass();
    }

    private static String describe(Object e) {
        return classOf(e).getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(e));
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

    private static <T> List<T> distinct(List<T> rows) {
        @SuppressWarnings("unchecked")
        List<T> out = (List<T>) Values.distinct(rows);
        return out;
    }
}
