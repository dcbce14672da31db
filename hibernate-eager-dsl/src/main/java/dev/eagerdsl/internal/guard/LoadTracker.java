package dev.eagerdsl.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.PersistentAttributeInterceptable;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.Type;

/**
 * A PostLoad listener: records, per session, which result set loaded each entity (the N of an
 * N+1), where it sits below its query's root, and who holds each uninitialized to-one proxy.
 */
final class LoadTracker implements PostLoadEventListener {

    private static final long serialVersionUID = 1L;

    /** Per persister: the indexes and names of its to-one attributes. */
    private static final Map<EntityPersister, int[]> TO_ONES = new ConcurrentHashMap<>();

    @Override
    public void onPostLoad(PostLoadEvent event) {
        if (!Guard.tracking()) {
            return;
        }
        try {
            track(event);
        } catch (RuntimeException | LinkageError e) {
            GuardHooks.internalFailure(e);
        }
    }

    private static void track(PostLoadEvent event) {
        var session = event.getSession();
        EntityPersister persister = event.getPersister();
        SessionState state = SessionStates.of(session);
        SessionState.Group loadGroup = GuardHooks.groupForLoadsOn(session);
        SessionState.Group group = loadGroup != null ? loadGroup : state.groupFor(event);
        String root = persister.getRootEntityName();
        group.add(root);
        Key key = new Key(persister.getEntityName(), event.getId());
        state.groups.put(key, group);
        PathInfo path = GuardHooks.childPathForLoadsOn(session);
        if (path != null) {
            state.paths.put(key, path);
        } else {
            state.paths.putIfAbsent(key, PathInfo.ROOT);
        }
        Object entity = event.getEntity();
        String[] names = persister.getPropertyNames();
        for (int i : TO_ONES.computeIfAbsent(persister, LoadTracker::toOnes)) {
            Object value = persister.getPropertyValue(entity, i);
            if (value instanceof HibernateProxy proxy) {
                LazyInitializer li = proxy.getHibernateLazyInitializer();
                if (li.isUninitialized()) {
                    // one proxy serves every reference to its entity: the owner loaded last is the likeliest to be navigated
                    state.proxyOwners.put(new Key(li.getEntityName(), li.getInternalIdentifier()),
                            new SessionState.ProxyOwner(key, root, GuardHooks.displayName(persister), names[i]));
                }
            } else if (value instanceof PersistentAttributeInterceptable enhanced
                    && enhanced.$$_hibernate_getInterceptor() instanceof EnhancementAsProxyLazinessInterceptor reference) {
                // a bytecode-enhanced entity's lazy to-one: an uninitialized instance of the target class, not a proxy
                EntityKey target = reference.getEntityKey();
                state.proxyOwners.put(new Key(target.getEntityName(), target.getIdentifier()),
                        new SessionState.ProxyOwner(key, root, GuardHooks.displayName(persister), names[i]));
            }
        }
    }

    private static int[] toOnes(EntityPersister persister) {
        Type[] types = persister.getPropertyTypes();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i].isEntityType()) {
                idx.add(i);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
