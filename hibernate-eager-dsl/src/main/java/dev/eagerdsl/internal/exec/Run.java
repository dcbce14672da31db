package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.path.PlanSpec;
import dev.eagerdsl.internal.path.Step;
import dev.eagerdsl.internal.plan.CompiledPlan;
import dev.eagerdsl.internal.plan.Filters;
import dev.eagerdsl.internal.plan.Hql;
import dev.eagerdsl.internal.plan.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;

/**
 * One execution of a compiled plan's levels in one session, onto roots that are already loaded:
 * level by level (parents before children), one statement per level and chunk, then what the loaded
 * entities map EAGER, in batches.
 */
final class Run {

    private final SharedSessionContractImplementor session;
    private final CompiledPlan plan;
    private final PlanSpec spec;
    private final Chunks chunks;
    /** the collections prefetched by the current {@link #load(List, boolean)}, when the guard asks for them; else {@code null} */
    private List<ExecScope.Prefetched> prefetched;
    /**
     * the roots were read by the plan's rewritten HQL, with a fetch join of every JOIN path, into a session that held no
     * entity before it: every entity along those paths was read by that statement and its to-ones of the paths are
     * loaded (see {@link #rootStatementJoinedAll})
     */
    private boolean rootsJoined;

    /**
     * @param session the session
     * @param plan the compiled plan
     * @param spec the plan as given for this run: the values of its filtered prefetches' parameters
     */
    Run(SharedSessionContractImplementor session, CompiledPlan plan, PlanSpec spec) {
        this.session = session;
        this.plan = plan;
        this.spec = spec;
        this.chunks = new Chunks(session);
    }

    /**
     * Binds this run's parameter values of every filtered prefetch to its statement, without running
     * it: a value of the wrong type is refused before any SQL of the plan.
     */
    Run check() {
        for (Level l : plan.breadthFirst()) {
            if (l.kind() == Level.Kind.FILTERED && !l.filter().params().isEmpty()) {
                Filters.bind(session.createSelectionQuery(l.filter().hql(), Object[].class), spec.prefetchAt(l.filter().specPath()));
            }
        }
        return this;
    }

    Chunks chunks() {
        return chunks;
    }

    /**
     * Runs {@code statements} (the root statement, or nothing) and then the levels onto the roots it
     * returns, as one unit: EAGER collections Hibernate meets meanwhile are left for the plan's batches
     * (Hibernate initializes what is left, its own way, at the end).
     */
    static <T> T inScope(SharedSessionContractImplementor session, java.util.function.Supplier<T> statements) {
        PersistenceContext context = session.getPersistenceContextInternal();
        T result;
        ExecScope.enter();
        context.beforeLoad();
        try {
            result = statements.get();
        } finally {
            context.afterLoad();
            ExecScope.exit();
        }
        context.initializeNonLazyCollections();
        return result;
    }

    /**
     * @param roots the root entities (real or proxies)
     * @param collect whether to return every entity reached (the stream detaches them)
     * @return the roots and every entity the plan reached, when {@code collect}; else an empty list
     */
    /**
     * Says that the root statement was the plan's HQL with a fetch join of every JOIN path (the rewrite, not an entity
     * graph, which Hibernate may turn into further selects), run in a session that held no entity before it: no root and
     * no joined entity was in the session already, so none kept a to-one proxy from before, and the per-owner check of
     * the JOIN levels ({@link #joined}) can be skipped. A plan of 1,000 books' authors on H2 spent about 3% of its time
     * in that check.
     *
     * @param joined whether that holds
     * @return this run
     */
    Run rootStatementJoinedAll(boolean joined) {
        this.rootsJoined = joined;
        return this;
    }

    List<Object> load(List<?> roots, boolean collect) {
        List<Object> all = collect || plan.eager() ? new ArrayList<>(roots) : new ArrayList<>(0);
        if (roots.isEmpty()) {
            return all;
        }
        ExecScope.reached(session, "", false, roots);
        prefetched = ExecScope.wantsPrefetched(session) ? new ArrayList<>() : null;
        Deque<Object[]> queue = new ArrayDeque<>();
        for (Level l : plan.levels()) {
            queue.add(new Object[] {l, roots, Boolean.FALSE, "", rootsJoined && l.kind() == Level.Kind.JOIN});
        }
        while (!queue.isEmpty()) {
            Object[] item = queue.poll();
            Level level = (Level) item[0];
            @SuppressWarnings("unchecked")
            List<Object> owners = (List<Object>) item[1];
            boolean need = collect || plan.eager() || !level.children().isEmpty() || ExecScope.wantsEntities();
            boolean viaCollection = (Boolean) item[2] || level.step().isCollection();
            List<Object> reached;
            // the owners' statements (loading owner proxies, owners with the association) start at the owners' path;
            // Hibernate's loaders for the association's targets start at the level's path
            ExecScope.At before = ExecScope.at(null);
            try {
                reached = level.kind() == Level.Kind.JOIN && !need && (Boolean) item[4] ? List.of()
                        : load(level, owners, need, new ExecScope.At((String) item[3], (Boolean) item[2]),
                        new ExecScope.At(level.path(), viaCollection));
            } finally {
                ExecScope.restore(before);
            }
            ExecScope.reached(session, level.path(), viaCollection, reached);
            if (collect || plan.eager()) {
                all.addAll(reached);
            }
            for (Level c : level.children()) {
                // a JOIN below JOIN levels only is part of the root statement's fetch joins
                queue.add(new Object[] {c, reached, viaCollection, level.path(), (Boolean) item[4] && c.kind() == Level.Kind.JOIN});
            }
        }
        if (plan.eager()) {
            EagerClosure.run(session, all, chunks);
        }
        if (prefetched != null) {
            ExecScope.prefetched(session, prefetched);
            prefetched = null;
        }
        return collect ? all : List.of();
    }

    private List<Object> load(Level level, List<Object> owners, boolean need, ExecScope.At ownersAt, ExecScope.At targetsAt) {
        if (level.kind() == Level.Kind.JOIN && !need && joined(level, owners)) {
            // the root statement's join loaded it for every owner: nothing to do, nothing to hand on
            return List.of();
        }
        Step step = level.step();
        ExecScope.at(ownersAt);
        if (step.narrowed() || level.kind() == Level.Kind.FILTERED) {
            // the concrete class of a proxy is only known once it is loaded
            owners = initialize(owners);
        }
        // a proxy and the entity behind it may both have been reached: load each owner once
        owners = Values.distinct(realWherePossible(owners));
        Class<?> ownerClass = step.owner().getJavaType();
        List<Object> eligible = new ArrayList<>(owners.size());
        for (Object o : owners) {
            if (ownerClass.isInstance(o) || Values.isUninitializedProxy(o) && !step.narrowed()) {
                eligible.add(o);
            }
        }
        if (eligible.isEmpty()) {
            return List.of();
        }
        return switch (level.kind()) {
            // its statement selects [owner, element] from the owners
            case FILTERED -> FilteredLoads.load(session, level, spec.prefetchAt(level.filter().specPath()), eligible, chunks);
            case COLLECTION -> collections(level, eligible, need, targetsAt);
            case JOIN, TO_ONE -> toOnes(level, eligible, need, targetsAt);
        };
    }

    /**
     * Whether every owner is a loaded entity of the level's owner class whose to-one is loaded or null, as the
     * root statement's fetch join leaves them: checked with one attribute read per owner, no list built. Anything
     * else (a proxy, another class, a to-one not loaded, an attribute inside an embeddable) goes the full way.
     */
    private boolean joined(Level level, List<Object> owners) {
        String attribute = level.step().attribute();
        if (attribute.indexOf('.') >= 0 || level.step().narrowed()) {
            return false;
        }
        Class<?> ownerClass = level.step().owner().getJavaType();
        Class<?> lastClass = null;
        org.hibernate.metamodel.mapping.AttributeMapping mapping = null;
        for (Object o : owners) {
            if (o == null || o instanceof org.hibernate.proxy.HibernateProxy || Values.isUninitializedProxy(o)) {
                return false;
            }
            if (o.getClass() != lastClass) {
                if (!ownerClass.isInstance(o)) {
                    return false;
                }
                lastClass = o.getClass();
                mapping = session.getEntityPersister(null, o).findAttributeMapping(attribute);
                if (mapping == null) {
                    return false;
                }
            }
            Object value = mapping.getValue(o);
            if (value != null && Values.isUninitializedProxy(value)) {
                return false;
            }
        }
        return true;
    }

    private List<Object> realWherePossible(List<Object> owners) {
        List<Object> out = new ArrayList<>(owners.size());
        for (Object o : owners) {
            Object real = Values.real(o);
            out.add(real != null ? real : o);
        }
        return out;
    }

    /** Loads owners that are uninitialized proxies, in batches; @return the owners, real */
    private List<Object> initialize(List<Object> owners) {
        List<Object> proxies = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                proxies.add(o);
            }
        }
        if (proxies.isEmpty()) {
            return owners;
        }
        EntityLoads.load(session, proxies, chunks);
        List<Object> out = new ArrayList<>(owners.size());
        for (Object o : owners) {
            Object real = Values.real(o);
            if (real != null) {
                out.add(real);
            }
        }
        return out;
    }

    private List<Object> collections(Level level, List<Object> owners, boolean need, ExecScope.At targetsAt) {
        Step step = level.step();
        CollectionPersister persister = session.getFactory().getMappingMetamodel().getCollectionDescriptor(level.role());
        List<Object> proxies = new ArrayList<>();
        List<PersistentCollection<?>> pending = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                proxies.add(o);
                continue;
            }
            if (Values.read(session, o, step.attribute()) instanceof PersistentCollection<?> c && !c.wasInitialized()) {
                pending.add(c);
            }
        }
        if (!proxies.isEmpty()) {
            // owners not loaded yet: the owner and its collection in one statement per chunk
            ownersWith(step, proxies);
        }
        if (!pending.isEmpty()) {
            ExecScope.at(targetsAt);
            CollectionLoads.load(session, persister, pending, chunks);
        }
        if (prefetched != null) {
            tellPrefetched(level, owners);
        }
        if (step.target() == null || !need) {
            return List.of();
        }
        List<Object> reached = new ArrayList<>();
        for (Object o : owners) {
            Object owner = Values.real(o);
            if (owner != null) {
                Object value = Values.read(session, owner, step.attribute());
                if (value != null && Values.isInitialized(value)) {
                    Values.addElements(value, reached);
                }
            }
        }
        return Values.distinct(reached);
    }

    /** For the guard: the owners' collections of {@code level}, now loaded (only when it asked). */
    private void tellPrefetched(Level level, List<Object> owners) {
        List<PersistentCollection<?>> loaded = new ArrayList<>(owners.size());
        for (Object o : owners) {
            Object owner = Values.real(o);
            if (owner != null && Values.read(session, owner, level.step().attribute()) instanceof PersistentCollection<?> c
                    && c.wasInitialized()) {
                loaded.add(c);
            }
        }
        if (!loaded.isEmpty()) {
            prefetched.add(new ExecScope.Prefetched(level.path(), level.step().ownerName(), loaded));
        }
    }

    private List<Object> toOnes(Level level, List<Object> owners, boolean need, ExecScope.At targetsAt) {
        Step step = level.step();
        List<Object> proxies = new ArrayList<>();
        List<Object> targets = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                proxies.add(o);
                continue;
            }
            Object value = Values.read(session, o, step.attribute());
            if (Values.isUninitializedProxy(value)) {
                targets.add(value);
            }
        }
        if (!proxies.isEmpty()) {
            ownersWith(step, proxies);
        }
        if (!targets.isEmpty()) {
            ExecScope.at(targetsAt);
            EntityLoads.load(session, targets, chunks);
        }
        if (!need) {
            return List.of();
        }
        List<Object> reached = new ArrayList<>();
        for (Object o : owners) {
            Object owner = Values.real(o);
            if (owner != null) {
                Object value = Values.real(Values.read(session, owner, step.attribute()));
                if (value != null) {
                    reached.add(value);
                }
            }
        }
        return Values.distinct(reached);
    }

    /** Owners that are not loaded yet, with the association fetch-joined: one statement per chunk. */
    private void ownersWith(Step step, List<Object> proxies) {
        String hql = Hql.ownersWithCollection(step);
        Map<Object, Boolean> unique = new LinkedHashMap<>();
        proxies.forEach(p -> unique.put(p, Boolean.TRUE));
        List<Object> distinct = new ArrayList<>(unique.keySet());
        int size = chunks.forColumns(session.getFactory().getMappingMetamodel().getEntityDescriptor(step.owner().getJavaType())
                .getIdentifierMapping().getJdbcTypeCount());
        for (List<Object> part : Values.chunks(distinct, size)) {
            InQuery.of(session, hql, Hql.OWNERS, part, size, Object.class).getResultList();
        }
    }
}
