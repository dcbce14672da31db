package dev.eagerdsl.internal.guard;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prefetched collections, by identity and weakly, to the {@link UnusedPrefetches.Group}s they count for
 * ({@code Group} or {@code Group[]}). Weak: a collection the application drops (a passed stream chunk, an
 * evicted entity) is forgotten when it is collected; entries whose groups are decided are dropped when looked
 * up, and swept once they outnumber the others. Thread-safe (a detached collection may be read on any thread).
 * Identity, not {@code equals}: a {@code PersistentSet}'s {@code hashCode()} reads (and would count) it.
 */
final class WeakIdentityMap {

    private final ConcurrentHashMap<Object, Object> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private volatile int sweepAt = 4096;

    /**
     * @return whether {@code collection} now counts for {@code group} and did not before
     */
    boolean add(Object collection, UnusedPrefetches.Group group) {
        expunge();
        boolean[] added = {false};
        map.compute(new IdentityKeys.Weak(collection, collected), (k, old) -> {
            if (old == null || decided(old)) {
                added[0] = true;
                return group;
            }
            UnusedPrefetches.Group[] groups = old instanceof UnusedPrefetches.Group g ? new UnusedPrefetches.Group[] {g}
                    : (UnusedPrefetches.Group[]) old;
            for (UnusedPrefetches.Group g : groups) {
                if (g == group) {
                    return old;
                }
            }
            added[0] = true;
            UnusedPrefetches.Group[] more = Arrays.copyOf(groups, groups.length + 1);
            more[groups.length] = group;
            return more;
        });
        if (map.size() >= sweepAt) {
            sweep();
        }
        return added[0];
    }

    /** @return the group(s) of {@code collection}, or {@code null}; an entry whose groups are all decided is dropped */
    Object get(Object collection) {
        if (map.isEmpty()) {
            return null;
        }
        IdentityKeys.Probe probe = new IdentityKeys.Probe(collection);
        Object value = map.get(probe);
        if (value != null && decided(value)) {
            map.remove(probe);
            return null;
        }
        return value;
    }

    void remove(Object collection) {
        map.remove(new IdentityKeys.Probe(collection));
    }

    int size() {
        return map.size();
    }

    /** Drops the entries of collected collections. */
    void expunge() {
        for (Reference<?> r; (r = collected.poll()) != null; ) {
            map.remove(r);
        }
    }

    /** Drops every entry whose groups are all decided; the next sweep comes when the map has doubled. */
    private synchronized void sweep() {
        if (map.size() < sweepAt) {
            return;
        }
        map.values().removeIf(WeakIdentityMap::decided);
        sweepAt = Math.max(4096, 2 * map.size());
    }

    private static boolean decided(Object value) {
        if (value instanceof UnusedPrefetches.Group g) {
            return g.read;
        }
        for (UnusedPrefetches.Group g : (UnusedPrefetches.Group[]) value) {
            if (!g.read) {
                return false;
            }
        }
        return true;
    }
}
