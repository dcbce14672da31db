package dev.eagerdsl.internal.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.LockOptions;
import org.hibernate.engine.spi.BatchFetchQueue;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Loads entities that are referenced but not loaded yet (uninitialized proxies) through Hibernate's
 * own entity batch loader, for exactly the given keys: they are put in the session's batch-fetch
 * queue and one load collects them from there. The proxies are initialized by the load, the
 * persistence context and the second-level cache are consulted first, as lazy loading would.
 */
final class EntityLoads {

    private EntityLoads() {
    }

    /**
     * @param session the session
     * @param references uninitialized proxies, of any entity
     * @param chunks the statement sizes
     */
    static void load(SharedSessionContractImplementor session, List<Object> references, Chunks chunks) {
        Map<EntityPersister, List<EntityKey>> byType = new LinkedHashMap<>();
        PersistenceContext context = session.getPersistenceContextInternal();
        for (Object r : references) {
            EntityKey key = Values.keyOf(session, r);
            if (context.getEntity(key) == null || Values.isUninitializedProxy(context.getEntity(key))) {
                byType.computeIfAbsent(key.getPersister(), k -> new ArrayList<>()).add(key);
            }
        }
        for (Map.Entry<EntityPersister, List<EntityKey>> e : byType.entrySet()) {
            load(session, e.getKey(), new ArrayList<>(new java.util.LinkedHashSet<>(e.getValue())), chunks.entities(e.getKey()));
        }
    }

    private static void load(SharedSessionContractImplementor session, EntityPersister persister, List<EntityKey> keys, int chunk) {
        PersistenceContext context = session.getPersistenceContextInternal();
        BatchFetchQueue queue = context.getBatchFetchQueue();
        LoadQueryInfluencers influencers = session.getLoadQueryInfluencers();
        boolean queuedAnyway = influencers.effectivelyBatchLoadable(persister);
        boolean array = session.getJdbcServices().getDialect().useArrayForMultiValuedParameters()
                && persister.getIdentifierMapping().getJdbcTypeCount() == 1;
        Loaders loaders = Loaders.of(session.getFactory());
        for (List<EntityKey> part : Values.chunks(keys, chunk)) {
            List<EntityKey> toLoad = new ArrayList<>(part.size());
            for (EntityKey k : part) {
                if (persister.canReadFromCache() && inCache(session, persister, k)) {
                    // as lazy loading would: from the second-level cache, no SQL
                    session.internalLoad(k.getEntityName(), k.getIdentifier(), true, true);
                    continue;
                }
                toLoad.add(k);
            }
            if (toLoad.isEmpty()) {
                continue;
            }
            // the queue takes the key of an entity only while it counts as batch loadable: for exactly our keys,
            // and never for the proxies Hibernate creates while it loads them
            queued(influencers, queuedAnyway, chunk, () -> toLoad.forEach(queue::addBatchLoadableEntityKey));
            // sized to the keys there are, as an IN list is (see CollectionLoads); the chunk where the queue holds the user's keys too
            int size = array && queuedAnyway ? chunk : InQuery.bucket(toLoad.size(), chunk);
            try {
                loaders.entity(session, persister, size, loader -> {
                    loader.load(toLoad.get(0).getIdentifier(), LockOptions.NONE, (Boolean) null, session);
                    if (queuedAnyway) {
                        // the queue held other keys of the entity too (the user's batch fetching): load what they displaced
                        for (EntityKey k : toLoad) {
                            if (notLoaded(context, k)) {
                                loader.load(k.getIdentifier(), LockOptions.NONE, (Boolean) null, session);
                            }
                        }
                    }
                    return null;
                });
            } finally {
                queued(influencers, queuedAnyway, chunk, () -> toLoad.forEach(queue::removeBatchLoadableEntityKey));
            }
        }
    }

    private static void queued(LoadQueryInfluencers influencers, boolean batchLoadable, int chunk, Runnable work) {
        if (batchLoadable) {
            work.run();
            return;
        }
        int previous = influencers.getBatchSize();
        influencers.setBatchSize(Math.max(2, chunk));
        try {
            work.run();
        } finally {
            influencers.setBatchSize(previous);
        }
    }

    private static boolean notLoaded(PersistenceContext context, EntityKey k) {
        Object e = context.getEntity(k);
        return e == null || Values.isUninitializedProxy(e);
    }

    private static boolean inCache(SharedSessionContractImplementor session, EntityPersister persister, EntityKey k) {
        if (!session.getCacheMode().isGetEnabled()) {
            return false;
        }
        var access = persister.getCacheAccessStrategy();
        Object cacheKey = access.generateCacheKey(k.getIdentifier(), persister.getRootEntityDescriptor().getEntityPersister(),
                session.getFactory(), session.getTenantIdentifier());
        return access.contains(cacheKey);
    }
}
