package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.path.Step;
import dev.eagerdsl.internal.plan.Plan;
import dev.eagerdsl.internal.plan.PlanNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.graph.Graph;
import org.hibernate.graph.RootGraph;
import org.hibernate.query.SelectionQuery;

/**
 * One execution of a checked {@link Plan} in one session: the entity graph for the root statement,
 * then one batched statement per prefetch level and chunk of owners.
 */
final class PlanRun {

    private final SharedSessionContractImplementor session;
    private final Plan plan;
    private final int chunk;

    PlanRun(SharedSessionContractImplementor session, Plan plan) {
        this.session = session;
        this.plan = plan;
        this.chunk = chunkSize(session);
        FilteredPrefetch.check(session, plan);
    }

    static int chunkSize(SharedSessionContractImplementor session) {
        return chunkSize(session, 1);
    }

    static int chunkSize(SharedSessionContractImplementor session, int idColumns) {
        Object configured = session.getFactory().getProperties().get(ChunkLimits.SETTING);
        return ChunkLimits.ownersPerStatement(session.getJdbcServices().getDialect(), idColumns, configured);
    }

    /** Owners (or targets) per statement for this entity: composite keys bind one parameter per column. */
    int chunkFor(jakarta.persistence.metamodel.EntityType<?> entity) {
        if (entity == null) {
            return chunk;
        }
        return chunkByEntity.computeIfAbsent(entity.getName(), n -> chunkSize(session, session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(entity.getJavaType()).getIdentifierMapping().getJdbcTypeCount()));
    }

    private final java.util.Map<String, Integer> chunkByEntity = new java.util.HashMap<>();

    Plan plan() {
        return plan;
    }

    /** The LOAD graph that turns the SELECT nodes into fetch joins of the root statement, or null. */
    RootGraph<?> graph(Class<?> rootClass) {
        if (!plan.hasSelects()) {
            return null;
        }
        RootGraph<?> g = ((Session) session).createEntityGraph(rootClass);
        for (PlanNode n : plan.nodes()) {
            addSelect(g, n);
        }
        return g;
    }

    @SuppressWarnings("deprecation")
    private static void addSelect(Graph<?> g, PlanNode n) {
        if (n.mode() != PlanNode.Mode.SELECT) {
            return;
        }
        Graph<?> sub = g;
        for (String part : n.step().attribute().split("\\.")) {
            sub = sub.addSubGraph(part);
        }
        for (PlanNode c : n.children()) {
            addSelect(sub, c);
        }
    }

    /**
     * Loads every planned association onto the roots: SELECT nodes that the root statement could not
     * fill (roots already in the session) and every prefetch level.
     *
     * @return the roots and every entity the plan reached from them
     */
    List<Object> load(List<?> roots) {
        return load(roots, true);
    }

    /**
     * @param collect whether the caller needs every entity reached (the stream detaches them);
     *        without it, a level's entities are gathered only to go one level deeper (or for the guard)
     */
    List<Object> load(List<?> roots, boolean collect) {
        List<Object> all = collect ? new ArrayList<>(roots) : new ArrayList<>();
        if (roots.isEmpty() || plan.isEmpty()) {
            return all;
        }
        ExecScope.enter();
        try {
            ExecScope.reached(session, "", false, roots);
            Deque<Object[]> queue = new ArrayDeque<>();
            for (PlanNode n : plan.nodes()) {
                queue.add(new Object[] {n, roots, Boolean.FALSE});
            }
            while (!queue.isEmpty()) {
                Object[] item = queue.poll();
                PlanNode node = (PlanNode) item[0];
                @SuppressWarnings("unchecked")
                List<Object> owners = (List<Object>) item[1];
                boolean need = collect || !node.children().isEmpty() || ExecScope.wantsEntities();
                List<Object> reached = loadNode(node, owners, need);
                boolean viaCollection = (Boolean) item[2] || node.step().isCollection();
                ExecScope.reached(session, node.path(), viaCollection, reached);
                if (collect) {
                    all.addAll(reached);
                }
                for (PlanNode c : node.children()) {
                    queue.add(new Object[] {c, reached, viaCollection});
                }
            }
        } finally {
            ExecScope.exit();
        }
        return all;
    }

    private List<Object> loadNode(PlanNode node, List<Object> owners, boolean need) {
        Step step = node.step();
        if (step.narrowed() || node.mode() == PlanNode.Mode.FILTERED) {
            // the concrete class of a proxy is only known once it is loaded
            owners = initializeProxies(owners);
        }
        // a proxy and the entity behind it may both have been reached: load each owner once
        owners = Values.distinct(realWherePossible(owners));
        Class<?> ownerClass = step.owner().getJavaType();
        List<Object> eligible = new ArrayList<>(owners.size());
        for (Object o : owners) {
            if (ownerClass.isInstance(o)) {
                eligible.add(o);
            }
        }
        if (eligible.isEmpty()) {
            return List.of();
        }
        if (node.mode() == PlanNode.Mode.FILTERED) {
            return FilteredPrefetch.load(this, node, eligible);
        }
        return step.isCollection() ? loadCollections(step, eligible, need) : loadToOnes(step, eligible, need);
    }

    private static List<Object> realWherePossible(List<Object> owners) {
        List<Object> out = new ArrayList<>(owners.size());
        for (Object o : owners) {
            Object real = Values.real(o);
            out.add(real != null ? real : o);
        }
        return out;
    }

    /** Loads uninitialized proxies among the owners, one statement per entity and chunk; returns the real entities. */
    private List<Object> initializeProxies(List<Object> owners) {
        java.util.Map<Class<?>, List<Object>> byClass = new java.util.LinkedHashMap<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                Class<?> c = ((org.hibernate.proxy.HibernateProxy) o).getHibernateLazyInitializer().getPersistentClass();
                byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(o);
            }
        }
        if (byClass.isEmpty()) {
            return owners;
        }
        for (java.util.Map.Entry<Class<?>, List<Object>> e : byClass.entrySet()) {
            var type = PlanExecutor.resolver(session).entity(e.getKey());
            String hql = Hql.entities(type.getName());
            int size = chunkFor(type);
            for (List<Object> part : Values.chunks(e.getValue(), size)) {
                inQuery(hql, Hql.TARGETS, part, size, Object.class).getResultList();
            }
        }
        List<Object> out = new ArrayList<>(owners.size());
        for (Object o : owners) {
            Object real = Values.real(o);
            if (real != null) {
                out.add(real);
            }
        }
        return out;
    }

    private List<Object> loadCollections(Step step, List<Object> owners, boolean need) {
        List<Object> pending = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                // the fetch join loads the owner and its collection in one go
                pending.add(o);
                continue;
            }
            Object value = Values.read(session, o, step.attribute());
            if (value != null && !Values.isInitialized(value)) {
                pending.add(o);
            }
        }
        if (!pending.isEmpty()) {
            String hql = Hql.collection(step);
            int size = chunkFor(step.owner());
            for (List<Object> part : Values.chunks(pending, size)) {
                inQuery(hql, Hql.OWNERS, part, size, Object.class).getResultList();
            }
        }
        if (step.target() == null || !need) {
            return List.of();
        }
        List<Object> reached = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                continue;
            }
            Object value = Values.read(session, o, step.attribute());
            if (value != null && Values.isInitialized(value)) {
                Values.addElements(value, reached);
            }
        }
        return Values.distinct(reached);
    }

    private List<Object> loadToOnes(Step step, List<Object> owners, boolean need) {
        List<Object> pendingTargets = new ArrayList<>();
        List<Object> pendingOwners = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                pendingOwners.add(o);
                continue;
            }
            Object value = Values.read(session, o, step.attribute());
            if (Values.isUninitializedProxy(value)) {
                pendingTargets.add(value);
            }
        }
        pendingTargets = Values.distinct(pendingTargets);
        if (!pendingOwners.isEmpty()) {
            // owners not loaded yet: load them with the to-one joined, in one statement per chunk
            String hql = Hql.collection(step);
            int size = chunkFor(step.owner());
            for (List<Object> part : Values.chunks(pendingOwners, size)) {
                inQuery(hql, Hql.OWNERS, part, size, Object.class).getResultList();
            }
        }
        if (!pendingTargets.isEmpty()) {
            String hql = Hql.toOne(step);
            int size = chunkFor(step.target());
            for (List<Object> part : Values.chunks(pendingTargets, size)) {
                inQuery(hql, Hql.TARGETS, part, size, Object.class).getResultList();
            }
        }
        if (!need) {
            return List.of();
        }
        List<Object> reached = new ArrayList<>();
        for (Object o : owners) {
            if (Values.isUninitializedProxy(o)) {
                continue;
            }
            Object value = Values.real(Values.read(session, o, step.attribute()));
            if (value != null) {
                reached.add(value);
            }
        }
        return Values.distinct(reached);
    }

    @SuppressWarnings("deprecation")
    <R> SelectionQuery<R> query(String hql, Class<R> type) {
        SelectionQuery<R> q = session.createSelectionQuery(hql, type);
        // like Hibernate's own lazy loading: never flush the user's pending changes from here
        q.setHibernateFlushMode(FlushMode.MANUAL);
        return q;
    }

    /** Expanded HQL by (HQL, size): a handful of sizes per statement shape. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> EXPANDED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A statement whose {@code in (:name)} takes {@code values}: one single-valued parameter per
     * value, their number rounded up to a power of two (at most {@code chunk}) and padded by
     * repeating the last value. Hibernate does not cache the SQL of a statement with a list
     * parameter (it translates it again at every execution); this one it caches, with a few sizes
     * per shape.
     */
    <R> SelectionQuery<R> inQuery(String hql, String name, List<?> values, int chunk, Class<R> type) {
        int size = bucket(values.size(), chunk);
        if (EXPANDED.size() > 10_000) {
            EXPANDED.clear();
        }
        String expanded = EXPANDED.computeIfAbsent(hql + '\u0000' + size, k -> expand(hql, name, size));
        SelectionQuery<R> q = query(expanded, type);
        int last = values.size() - 1;
        for (int i = 0; i < size; i++) {
            q.setParameter(name + i, values.get(Math.min(i, last)));
        }
        return q;
    }

    static int bucket(int n, int chunk) {
        int b = 1;
        while (b < n) {
            b <<= 1;
        }
        return Math.max(n, Math.min(b, chunk));
    }

    private static String expand(String hql, String name, int size) {
        String marker = "(:" + name + ")";
        int at = hql.indexOf(marker);
        if (at < 0 || hql.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("Expected one " + marker + " in " + hql);
        }
        StringBuilder sb = new StringBuilder(hql.length() + size * (name.length() + 4)).append(hql, 0, at).append('(');
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? ":" : ", :").append(name).append(i);
        }
        return sb.append(')').append(hql, at + marker.length(), hql.length()).toString();
    }

    SharedSessionContractImplementor session() {
        return session;
    }

}
