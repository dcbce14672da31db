package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.AbstractLazyInitializer;
import org.hibernate.sql.results.graph.Initializer;
import org.hibernate.sql.results.graph.InitializerData;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.jdbc.spi.RowProcessingState;

/**
 * Called by the code Byte Buddy inlines into Hibernate (so it is public). Nothing here runs per
 * loaded entity except {@link #resultSetFinished} (once per result set, one small object per
 * entity); the rest runs at the rare moment a lazy or EAGER select is about to happen, decides
 * whether it has the N+1 shape — its owner was one of several rows of one query — and then hands
 * it to {@link Findings}. Any failure of its own is logged once and swallowed: the guard never
 * breaks the application.
 */
public final class GuardHooks {

    /** A lazy load (or an EAGER select) in progress on this thread: entities loaded meanwhile sit at {@code childPath}. */
    record Loading(Object target, SharedSessionContractImplementor session, PathInfo childPath, Group childGroup) {
    }

    private static final ThreadLocal<Deque<Loading>> LOADING = ThreadLocal.withInitial(ArrayDeque::new);
    private static final Map<String, String> ATTRIBUTE_BY_ROLE = new ConcurrentHashMap<>();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private GuardHooks() {
    }

    /**
     * When Hibernate finishes a result set ({@code PersistenceContext#postLoad}), before its PostLoad events.
     *
     * @param processingState the result set's {@code JdbcValuesSourceProcessingState}
     */
    public static void resultSetFinished(Object processingState) {
        if (!Guard.tracking()) {
            return;
        }
        try {
            ResultSets.finished(processingState);
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
        }
    }

    /**
     * When the session's persistence context is cleared: what the guard kept about its entities goes too.
     *
     * @param persistenceContext the persistence context
     */
    public static void cleared(Object persistenceContext) {
        try {
            var pc = (org.hibernate.engine.spi.PersistenceContext) persistenceContext;
            SessionState state = SessionStates.ifPresent(pc.getSession());
            if (state != null) {
                state.cleared();
            }
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
        }
    }

    /**
     * Before {@code AbstractPersistentCollection#initialize} loads an uninitialized collection (a lazy
     * one touched by the application, or an EAGER one Hibernate loads after a query).
     *
     * @param collection the collection
     * @return whether a load context was pushed (then {@link #loadDone()} must follow)
     */
    public static boolean collectionLoading(Object collection) {
        if (!Guard.tracking()) {
            return false;
        }
        try {
            AbstractPersistentCollection<?> c = (AbstractPersistentCollection<?>) collection;
            SharedSessionContractImplementor session = c.getSession();
            Object owner = c.getOwner();
            String role = c.getRole();
            if (session == null || !session.isOpen() || owner == null || role == null || isCurrent(collection)) {
                return false;
            }
            EntityEntry entry = session.getPersistenceContextInternal().getEntry(owner);
            Member m = Member.of(entry);
            CollectionPersister cp = session.getFactory().getMappingMetamodel().getCollectionDescriptor(role);
            String attribute = ATTRIBUTE_BY_ROLE.computeIfAbsent(role, r -> r.substring(
                    cp.getOwnerEntityPersister().getEntityName().length() + 1));
            PathInfo child = (m == null ? PathInfo.ROOT : m.path).child(attribute, true);
            boolean eager = cp.getAttributeMapping().getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE;
            boolean peers = false;
            if (m != null && m.group != null && (eager || !PlanScope.active())) {
                EntityPersister ownerPersister = entry.getPersister();
                int siblings = m.group.count(ownerPersister.getRootEntityName());
                if (siblings >= 2 && !coveredByOneStatement(session.getLoadQueryInfluencers(), cp, siblings)) {
                    peers = Guard.modeFor(session) == LazyLoadGuard.Mode.FETCH_PEERS;
                    if (!peers) {
                        Findings.report(session, m.group, displayName(ownerPersister), attribute, entry.getId(), child, true,
                                eager ? Findings.Kind.EAGER_COLLECTION : Findings.Kind.LAZY, siblings, 1, null);
                    }
                }
            }
            LOADING.get().push(new Loading(collection, session, child, m == null || m.group == null ? null : m.group.derived(attribute)));
            if (peers) {
                // FETCH_PEERS: this collection and those of its peers in one batch; the touch then finds it loaded
                EntityPersister ownerPersister = entry.getPersister();
                int loaded = fetchPeers(() -> Peers.collection(session, m.group, ownerPersister.getRootEntityName(), role, attribute));
                Findings.report(session, m.group, displayName(ownerPersister), attribute, entry.getId(), child, true,
                        eager ? Findings.Kind.EAGER_COLLECTION : Findings.Kind.LAZY, m.group.count(ownerPersister.getRootEntityName()), 1,
                        null, loaded < 0 ? null : "FETCH_PEERS loaded it for " + loaded + " of them in one batch");
            }
            return true;
        } catch (LazyLoadException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return false;
        }
    }

    /** Subselect fetching loads the collection of every row of the query at once; batch fetching up to its size. */
    private static boolean coveredByOneStatement(LoadQueryInfluencers influencers, CollectionPersister cp, int siblings) {
        if (influencers.effectiveSubselectFetchEnabled(cp)) {
            return true;
        }
        int batch = influencers.effectiveBatchSize(cp);
        return batch > 1 && siblings <= batch;
    }

    /**
     * Before {@code AbstractLazyInitializer#initialize} loads a to-one proxy (the nested second call
     * on the same proxy is ignored).
     *
     * @param initializer the proxy's lazy initializer
     * @return whether a load context was pushed (then {@link #loadDone()} must follow)
     */
    public static boolean proxyLoading(Object initializer) {
        if (!Guard.tracking()) {
            return false;
        }
        try {
            AbstractLazyInitializer li = (AbstractLazyInitializer) initializer;
            return referenceLoading(initializer, li.getSession(), li.getEntityName());
        } catch (LazyLoadException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return false;
        }
    }

    /**
     * Before {@code EnhancementAsProxyLazinessInterceptor#forceInitialize} loads a bytecode-enhanced entity that
     * stands for a lazy to-one (enhanced entities' lazy to-ones are not {@code HibernateProxy}s).
     *
     * @param interceptor the reference's interceptor
     * @param session the session it loads with
     * @return whether a load context was pushed (then {@link #loadDone()} must follow)
     */
    public static boolean enhancedProxyLoading(Object interceptor, Object session) {
        if (!Guard.tracking()) {
            return false;
        }
        try {
            var reference = (org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor) interceptor;
            return referenceLoading(interceptor, (SharedSessionContractImplementor) session, reference.getEntityKey().getEntityName());
        } catch (LazyLoadException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return false;
        }
    }

    /** A to-one reference (a proxy's initializer, or an enhanced entity's interceptor) about to be loaded. */
    private static boolean referenceLoading(Object reference, SharedSessionContractImplementor session, String targetEntity) {
        if (session == null || !session.isOpen() || isCurrent(reference)) {
            return false;
        }
        SessionState state = SessionStates.of(session);
        SessionState.ProxyOwner po = ProxyOwners.find(session, state, reference);
        PathInfo child = null;
        Group childGroup = null;
        int siblings = 0;
        boolean peers = false;
        if (po != null) {
            Member m = po.member();
            child = (m.path == null ? PathInfo.ROOT : m.path).child(po.attribute(), false);
            if (m.group != null) {
                childGroup = m.group.derived(po.attribute());
                if (!PlanScope.active()) {
                    siblings = nPlusOne(session, targetEntity, po, m.group);
                    peers = siblings >= 2 && Guard.modeFor(session) == LazyLoadGuard.Mode.FETCH_PEERS;
                    if (siblings >= 2 && !peers) {
                        Findings.report(session, m.group, po.ownerName(), po.attribute(), po.association(), po.ownerId(), child, false,
                                Findings.Kind.LAZY, siblings, 1, null, null);
                    }
                }
            }
        }
        LOADING.get().push(new Loading(reference, session, child, childGroup));
        if (peers) {
            // FETCH_PEERS: the targets of every peer in one batch; the touch then finds this one loaded
            Group group = po.member().group;
            int loaded = fetchPeers(() -> Peers.toOne(session, group, po.ownerRoot(), po.attribute()));
            Findings.report(session, group, po.ownerName(), po.attribute(), po.association(), po.ownerId(), child, false, Findings.Kind.LAZY,
                    siblings, 1, null, loaded < 0 ? null : "FETCH_PEERS loaded their " + loaded + (loaded == 1 ? " target" : " distinct targets") + " in one batch");
        }
        return true;
    }

    /** @return the rows of the owner's query when this proxy load has the N+1 shape, else 0 */
    private static int nPlusOne(SharedSessionContractImplementor session, String targetEntity, SessionState.ProxyOwner po, Group group) {
        int siblings = group.count(po.ownerRoot());
        if (siblings < 2) {
            return 0;
        }
        Group.Targets targets = group.targets(po.role());
        if (targets.all.size() <= 1) {
            // every row points at the same target: one load in all, nothing a join would save
            return 0;
        }
        LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
        int sessionBatch = influencers.getBatchSize();
        int batch = targets.batch;
        if (batch == Group.Targets.UNKNOWN || targets.sessionBatch != sessionBatch) {
            // looked up once per query and association, again if the session's batch size changed since
            EntityPersister target = session.getFactory().getMappingMetamodel().getEntityDescriptor(targetEntity);
            batch = targets.batch = influencers.effectiveBatchSize(target);
            targets.sessionBatch = sessionBatch;
        }
        if (batch > 1 && targets.unloaded.size() <= batch) {
            // Hibernate's batch fetching loads every target of the query in this one statement
            return 0;
        }
        return siblings;
    }

    /**
     * Runs a peer load; a failure of it is logged once (EAGER-105) and the touch goes on as a plain lazy load, which
     * reports a database failure itself.
     *
     * @return what the load returned, or -1 if it failed
     */
    private static int fetchPeers(java.util.function.IntSupplier load) {
        try {
            return load.getAsInt();
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return -1;
        }
    }

    /**
     * Before {@code EntitySelectFetchInitializer#initialize(data, holder, session, persistenceContext)}:
     * Hibernate is about to load an EAGER to-one of a row it is reading with a select of its own,
     * unless the target is loaded already.
     *
     * @param initializer the initializer
     * @param data its data for the row
     * @param holder the target's holder in the persistence context, or {@code null}
     * @return whether a load context was pushed (then {@link #loadDone()} must follow)
     */
    public static boolean eagerToOneLoading(Object initializer, Object data, Object holder) {
        if (!Guard.tracking()) {
            return false;
        }
        try {
            if (holder instanceof EntityHolder h && (h.getEntity() != null || h.getEntityInitializer() != null)) {
                return false;
            }
            Initializer<?> init = (Initializer<?>) initializer;
            RowProcessingState row = ((InitializerData) data).getRowProcessingState();
            SharedSessionContractImplementor session = row.getSession();
            ModelPart part = init.getInitializedPart();
            AttributeMapping attribute = part == null ? null : part.asAttributeMapping();
            EntityInitializer<?> ownerInit = init.findOwningEntityInitializer();
            if (attribute == null || ownerInit == null || session == null) {
                return false;
            }
            Loading top = loadingOn(session);
            Group group = top != null && top.childGroup() != null ? top.childGroup()
                    : EagerSelects.reading(row.getJdbcValuesSourceProcessingState());
            PathInfo base = top != null && top.childPath() != null ? top.childPath() : PathInfo.ROOT;
            List<Paths.Segment> segments = Paths.segments(init.getNavigablePath());
            PathInfo child = base;
            for (Paths.Segment seg : segments) {
                child = child.child(seg.name(), seg.collection());
            }
            EntityPersister ownerPersister = ownerInit.getConcreteDescriptor(row);
            String name = attribute.getAttributeName();
            int selects = group.eagerSelect(ProxyOwners.role(ownerPersister.getRootEntityName(), name));
            if (selects >= 2) {
                String fix = null;
                if (PlanScope.active()) {
                    // a plan's filtered prefetch reads its elements with a statement of its own: the fix goes into that Prefetch
                    fix = Findings.intoPrefetch(segments);
                }
                Findings.report(session, group, displayName(ownerPersister), name, ownerInit.getEntityIdentifier(row), child, false,
                        Findings.Kind.EAGER_TO_ONE, selects, selects == 2 ? 2 : 1, fix, null);
            }
            LOADING.get().push(new Loading(initializer, session, child, group.derived(name)));
            return true;
        } catch (LazyLoadException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return false;
        }
    }

    /** After a load that {@link #collectionLoading}, {@link #proxyLoading} or {@link #eagerToOneLoading} pushed. */
    public static void loadDone() {
        Deque<Loading> stack = LOADING.get();
        if (!stack.isEmpty()) {
            stack.pop();
        }
    }

    /** @return the lazy load (or EAGER select) running now on this thread for this session, or {@code null} */
    static Loading loadingOn(SharedSessionContractImplementor session) {
        Loading top = LOADING.get().peek();
        return top != null && top.session() == session ? top : null;
    }

    private static boolean isCurrent(Object target) {
        Deque<Loading> stack = LOADING.get();
        return !stack.isEmpty() && stack.peek().target() == target;
    }

    static String displayName(EntityPersister persister) {
        String n = persister.getEntityName();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    static void internalFailure(Throwable e) {
        if (FAILED.compareAndSet(false, true)) {
            Guard.LOG.warn("EAGER-105 LazyLoadGuard hit an unexpected Hibernate internal ({}); that lazy load is not checked, and the"
                    + " application runs on. Please report it with your Hibernate version.", e.toString(), e);
        }
    }
}
