package dev.eagerdsl.internal.exec;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.BatchFetchQueue;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.sql.results.internal.ResultsHelper;

/**
 * Initializes collections of one role through Hibernate's own batch loader, for exactly the given
 * collections: they are put in the session's batch-fetch queue, and one load of the first collects
 * the rest from there (the keys around the one being loaded, up to the loader's size). The loader
 * selects the foreign key and the element columns only, binds one array parameter where the dialect
 * can ({@code = any(?)}), and initializes Hibernate's own {@link PersistentCollection}s: snapshot
 * taken, {@code @OrderBy}, {@code @OrderColumn}, maps, bags, filters and {@code @SQLRestriction} as
 * with lazy loading, the second-level cache consulted and filled.
 */
final class CollectionLoads {

    private CollectionLoads() {
    }

    /**
     * @param session the session
     * @param persister the role
     * @param pending uninitialized collections of that role, managed by the session
     * @param chunks the statement sizes
     */
    static void load(SharedSessionContractImplementor session, CollectionPersister persister, List<PersistentCollection<?>> pending,
                     Chunks chunks) {
        int chunk = chunks.owners(persister);
        PersistenceContext context = session.getPersistenceContextInternal();
        BatchFetchQueue queue = context.getBatchFetchQueue();
        boolean queuedAnyway = session.getLoadQueryInfluencers().effectivelyBatchLoadable(persister);
        boolean array = session.getJdbcServices().getDialect().useArrayForMultiValuedParameters()
                && persister.getAttributeMapping().getKeyDescriptor().getJdbcTypeCount() == 1;
        Loaders loaders = Loaders.of(session.getFactory());
        for (List<PersistentCollection<?>> part : Values.chunks(pending, chunk)) {
            List<CollectionEntry> entries = new ArrayList<>(part.size());
            List<PersistentCollection<?>> toLoad = new ArrayList<>(part.size());
            for (PersistentCollection<?> c : part) {
                CollectionEntry entry = context.getCollectionEntry(c);
                if (entry == null || entry.getLoadedKey() == null || c.wasInitialized()) {
                    continue;
                }
                if (persister.hasCache() && inCache(session, persister, entry.getLoadedKey())) {
                    // as lazy loading would: from the second-level cache, no SQL
                    session.initializeCollection(c, false);
                    continue;
                }
                entries.add(entry);
                toLoad.add(c);
            }
            if (toLoad.isEmpty()) {
                continue;
            }
            // an IN list is sized per chunk, in powers of two; an array loader reads its keys from the queue (when its own
            // load runs) and allocates and scans for as many as its size: sized to the keys there are too, or to the chunk
            // where the queue holds the user's batch-loadable collections as well, so that ours are among the keys it takes
            int size = array && queuedAnyway ? chunk : InQuery.bucket(toLoad.size(), chunk);
            try {
                loaders.collection(session, persister, size, loader -> {
                    boolean direct = LoaderStatements.handles(loader, persister, toLoad.size());
                    if (direct) {
                        // exactly these keys in one statement, its rows read without the loader's de-duplication (see there)
                        List<Object> keys = new ArrayList<>(entries.size());
                        for (CollectionEntry e : entries) {
                            keys.add(e.getLoadedKey());
                        }
                        LoaderStatements.load(loader, persister, keys, session);
                    } else {
                        // the loader's own load takes the keys around the first one from the session's batch-fetch queue
                        for (int i = 0; i < toLoad.size(); i++) {
                            queue.addBatchLoadableCollection(toLoad.get(i), entries.get(i));
                        }
                    }
                    for (int i = 0; i < toLoad.size(); i++) {
                        PersistentCollection<?> c = toLoad.get(i);
                        if (!c.wasInitialized()) {
                            if (!direct) {
                                loader.load(entries.get(i).getLoadedKey(), session);
                            }
                            if (!c.wasInitialized()) {
                                // no rows for it (the direct statement), or one key alone, which Hibernate's single-key loader
                                // leaves to its caller: an empty collection, initialized as the loader itself does
                                c.initializeEmptyCollection(persister);
                                ResultsHelper.finalizeCollectionLoading(context, persister, c, entries.get(i).getLoadedKey(), true);
                            }
                        }
                    }
                    return null;
                });
            } finally {
                if (!queuedAnyway) {
                    for (int i = 0; i < toLoad.size(); i++) {
                        if (!toLoad.get(i).wasInitialized()) {
                            queue.removeBatchLoadableCollection(entries.get(i));
                        }
                    }
                }
            }
        }
    }

    private static boolean inCache(SharedSessionContractImplementor session, CollectionPersister persister, Object key) {
        if (!session.getCacheMode().isGetEnabled()) {
            return false;
        }
        var access = persister.getCacheAccessStrategy();
        Object cacheKey = access.generateCacheKey(key, persister, session.getFactory(), session.getTenantIdentifier());
        return access.contains(cacheKey);
    }
}
