package dev.eagerdsl.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.Type;

/**
 * Who holds an uninitialized to-one proxy, worked out only when a proxy is about to load: the
 * entities loaded since the last look are scanned once (their to-ones read), and every proxy they
 * hold is remembered with its owner. On the way, each group's distinct targets per to-one are
 * counted (a target shared by every row is no N+1).
 */
final class ProxyOwners {

    /**
     * The to-one attributes of one entity: their indexes, names, roles ({@code root.attribute}) and associations
     * as the log names them ({@code Owner.attribute}); and the entity's short name.
     */
    private record ToOnes(int[] index, String[] name, String[] role, String[] association, String ownerName) {
    }

    /** Per persister: its to-one attributes. */
    private static final Map<EntityPersister, ToOnes> TO_ONES = new ConcurrentHashMap<>();

    private ProxyOwners() {
    }

    /**
     * @param li a proxy's lazy initializer, or the interceptor of a bytecode-enhanced reference
     * @return its owner, or {@code null} if no tracked entity holds it
     */
    static SessionState.ProxyOwner find(SharedSessionContractImplementor session, SessionState state, Object li) {
        SessionState.ProxyOwner po = state.proxyOwners.get(li);
        if (po != null && !state.pending.isEmpty()) {
            // owners loaded since may hold it too; the last loaded is the likeliest to be navigated
            indexPending(session, state);
            po = state.proxyOwners.get(li);
        }
        if (po != null) {
            return po;
        }
        indexPending(session, state);
        po = state.proxyOwners.get(li);
        if (po == null && stale(session, state)) {
            indexAll(session, state);
            po = state.proxyOwners.get(li);
        }
        return po;
    }

    /** @return whether entities of {@code persister} can hold a to-one proxy */
    static boolean holdsToOnes(EntityPersister persister) {
        return TO_ONES.computeIfAbsent(persister, ProxyOwners::toOnes).index().length > 0;
    }

    private static boolean stale(SharedSessionContractImplementor session, SessionState state) {
        return state.pendingDropped || state.indexedEntities != session.getPersistenceContextInternal().getNumberOfManagedEntities();
    }

    private static void indexPending(SharedSessionContractImplementor session, SessionState state) {
        if (state.pending.isEmpty()) {
            return;
        }
        // the two lists swap: what indexing loads lazily (nothing, normally) lands in the other
        List<Object> todo = state.pending;
        state.pending = state.indexing;
        state.indexing = todo;
        try {
            for (int i = 0, n = todo.size(); i < n; i += 2) {
                Object entity = todo.get(i);
                EntityEntry entry = (EntityEntry) todo.get(i + 1);
                Member m = Member.of(entry);
                if (m != null && entry.getStatus() != org.hibernate.engine.spi.Status.GONE) {
                    index(session, state, entity, entry, m);
                    if (state.indexedEntities >= 0) {
                        state.indexedEntities++;
                    }
                }
            }
        } finally {
            todo.clear();
        }
    }

    private static void indexAll(SharedSessionContractImplementor session, SessionState state) {
        PersistenceContext pc = session.getPersistenceContextInternal();
        state.pending.clear();
        state.pendingDropped = false;
        state.fullScans++;
        state.indexedEntities = pc.getNumberOfManagedEntities();
        for (Map.Entry<Object, EntityEntry> e : pc.reentrantSafeEntityEntries()) {
            Member m = Member.of(e.getValue());
            if (m != null) {
                index(session, state, e.getKey(), e.getValue(), m);
            }
        }
    }

    private static void index(SharedSessionContractImplementor session, SessionState state, Object entity, EntityEntry entry, Member m) {
        EntityPersister persister = entry.getPersister();
        ToOnes toOnes = TO_ONES.computeIfAbsent(persister, ProxyOwners::toOnes);
        if (toOnes.index().length == 0) {
            return;
        }
        String root = persister.getRootEntityName();
        for (int k = 0; k < toOnes.index().length; k++) {
            int i = toOnes.index()[k];
            Object value = persister.getPropertyValue(entity, i);
            if (value == null) {
                continue;
            }
            Key target;
            boolean unloaded = false;
            if (value instanceof HibernateProxy proxy) {
                LazyInitializer li = proxy.getHibernateLazyInitializer();
                target = new Key(li.getEntityName(), li.getInternalIdentifier());
                if (li.isUninitialized()) {
                    unloaded = true;
                    state.proxyOwners.put(li, new SessionState.ProxyOwner(m, root, toOnes.ownerName(), entry.getId(),
                            toOnes.name()[k], toOnes.role()[k], toOnes.association()[k]));
                }
            } else if (value instanceof org.hibernate.engine.spi.PersistentAttributeInterceptable enhanced
                    && enhanced.$$_hibernate_getInterceptor()
                    instanceof org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor reference) {
                // a bytecode-enhanced entity's lazy to-one: an uninitialized instance of the target class, not a proxy
                target = new Key(reference.getEntityKey().getEntityName(), reference.getEntityKey().getIdentifier());
                unloaded = true;
                state.proxyOwners.put(reference, new SessionState.ProxyOwner(m, root, toOnes.ownerName(), entry.getId(),
                        toOnes.name()[k], toOnes.role()[k], toOnes.association()[k]));
            } else {
                EntityPersister tp = session.getEntityPersister(null, value);
                target = new Key(tp.getEntityName(), tp.getIdentifier(value, session));
            }
            if (m.group != null) {
                Group.Targets t = m.group.targets(toOnes.role()[k]);
                t.all.add(target);
                if (unloaded) {
                    t.unloaded.add(target);
                }
            }
        }
    }

    private static ToOnes toOnes(EntityPersister persister) {
        Type[] types = persister.getPropertyTypes();
        String[] names = persister.getPropertyNames();
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            if (types[i].isEntityType()) {
                idx.add(i);
            }
        }
        int[] index = idx.stream().mapToInt(Integer::intValue).toArray();
        String[] name = new String[index.length];
        String[] role = new String[index.length];
        String[] association = new String[index.length];
        String ownerName = GuardHooks.displayName(persister);
        for (int k = 0; k < index.length; k++) {
            name[k] = names[index[k]];
            role[k] = role(persister.getRootEntityName(), name[k]);
            association[k] = ownerName + "." + name[k];
        }
        return new ToOnes(index, name, role, association, ownerName);
    }

    /** @return the key under which a group counts the targets of one to-one */
    static String role(String ownerRoot, String attribute) {
        return ownerRoot + "." + attribute;
    }
}
