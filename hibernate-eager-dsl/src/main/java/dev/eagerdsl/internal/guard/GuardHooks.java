package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.collection.spi.AbstractPersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.AbstractLazyInitializer;

/**
 * Called by the code Byte Buddy inlines into Hibernate (so it is public). Decides whether a lazy
 * load has the N+1 shape — its owner was one of several rows of one query — and then publishes a
 * {@link LazyLoad}, counts it for the log (WARN) or throws (STRICT) before any SQL of the load.
 * Any failure of its own is logged once and swallowed: the guard never breaks the application.
 */
public final class GuardHooks {

    /** A lazy load in progress on this thread: entities loaded meanwhile sit at {@code childPath}. */
    private record Loading(Object target, SharedSessionContractImplementor session, PathInfo childPath, SessionState.Group childGroup) {
    }

    private static final ThreadLocal<Deque<Loading>> LOADING = ThreadLocal.withInitial(ArrayDeque::new);
    private static final Map<String, String> ATTRIBUTE_BY_ROLE = new ConcurrentHashMap<>();
    private static final AtomicBoolean FAILED = new AtomicBoolean();

    private GuardHooks() {
    }

    /**
     * Before {@code AbstractPersistentCollection#initialize} loads an uninitialized collection.
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
            EntityPersister ownerPersister = session.getEntityPersister(null, owner);
            String attribute = ATTRIBUTE_BY_ROLE.computeIfAbsent(role, r -> {
                String declaring = session.getFactory().getMappingMetamodel().getCollectionDescriptor(r)
                        .getOwnerEntityPersister().getEntityName();
                return r.substring(declaring.length() + 1);
            });
            Key ownerKey = new Key(ownerPersister.getEntityName(), ownerPersister.getIdentifier(owner, session));
            SessionState state = SessionStates.of(session);
            PathInfo child = state.paths.getOrDefault(ownerKey, PathInfo.ROOT).child(attribute, true);
            if (!PlanScope.active()) {
                check(session, state, ownerKey, ownerPersister.getRootEntityName(), displayName(ownerPersister), attribute, child, true);
            }
            LOADING.get().push(new Loading(collection, session, child, derivedGroup(state, ownerKey, attribute)));
            return true;
        } catch (LazyLoadException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return false;
        }
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
            SharedSessionContractImplementor session = li.getSession();
            if (session == null || !session.isOpen() || isCurrent(initializer)) {
                return false;
            }
            SessionState state = SessionStates.of(session);
            SessionState.ProxyOwner po = state.proxyOwners.get(new Key(li.getEntityName(), li.getInternalIdentifier()));
            PathInfo child = null;
            SessionState.Group childGroup = null;
            if (po != null) {
                childGroup = derivedGroup(state, po.owner(), po.attribute());
                child = state.paths.getOrDefault(po.owner(), PathInfo.ROOT).child(po.attribute(), false);
                if (!PlanScope.active()) {
                    check(session, state, po.owner(), po.ownerRoot(), po.ownerName(), po.attribute(), child, false);
                }
            }
            LOADING.get().push(new Loading(initializer, session, child, childGroup));
            return true;
        } catch (LazyLoadException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            internalFailure(e);
            return false;
        }
    }

    /** After a load that {@link #collectionLoading} or {@link #proxyLoading} pushed. */
    public static void loadDone() {
        Deque<Loading> stack = LOADING.get();
        if (!stack.isEmpty()) {
            stack.pop();
        }
    }

    private static SessionState.Group derivedGroup(SessionState state, Key owner, String attribute) {
        SessionState.Group ownerGroup = state.groups.get(owner);
        return ownerGroup == null ? null : state.derived(ownerGroup, attribute);
    }

    /** @return the group of entities being loaded now by a lazy load on this session, or {@code null} */
    static SessionState.Group groupForLoadsOn(SharedSessionContractImplementor session) {
        Loading top = LOADING.get().peek();
        return top != null && top.session() == session ? top.childGroup() : null;
    }

    private static boolean isCurrent(Object target) {
        Deque<Loading> stack = LOADING.get();
        return !stack.isEmpty() && stack.peek().target() == target;
    }

    /** @return the path of entities being loaded now by a lazy load on this session, or {@code null} */
    static PathInfo childPathForLoadsOn(SharedSessionContractImplementor session) {
        Loading top = LOADING.get().peek();
        return top != null && top.session() == session ? top.childPath() : null;
    }

    private static void check(SharedSessionContractImplementor session, SessionState state, Key owner, String ownerRoot, String ownerName, String attribute, PathInfo child,
                              boolean collection) {
        LazyLoadGuard.Mode mode = Guard.modeFor(session);
        if (mode == LazyLoadGuard.Mode.OFF) {
            return;
        }
        SessionState.Group group = state.groups.get(owner);
        int siblings = group == null ? 0 : group.count(ownerRoot);
        if (siblings < 2) {
            return;
        }
        String fix = (child.viaCollection() ? "Related.prefetch(\"" : "Related.select(\"") + child.path() + "\")";
        String site = CallSites.find();
        LazyLoad event = new LazyLoad(ownerName, attribute, owner.id(), site, fix, collection, siblings);
        Guard.publish(event);
        String head = "EAGER-101 " + ownerName + "." + attribute;
        String tail = " at " + site + " (N+1: each " + ownerName + " was one of " + siblings + " rows of one query). Fix: " + fix;
        if (mode == LazyLoadGuard.Mode.STRICT) {
            throw new LazyLoadException(head + " lazily loaded" + tail, event);
        }
        if (mode == LazyLoadGuard.Mode.WARN) {
            GuardLog.count(state, ownerName + "." + attribute + " @ " + site, head, tail);
        }
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
