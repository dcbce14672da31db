package dev.eagerdsl.internal.guard;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the guard knows about one session: which query (result set) loaded each entity, where each
 * entity sits below its query's root, who holds each uninitialized to-one proxy, and the lazy loads
 * to report when the session closes. Keys only: no entity and no session is referenced.
 */
final class SessionState {

    /** The entities one result set loaded, counted per hierarchy root. */
    static final class Group {
        private final Map<String, Integer> counts = new HashMap<>(4);

        void add(String rootEntity) {
            counts.merge(rootEntity, 1, Integer::sum);
        }

        int count(String rootEntity) {
            return counts.getOrDefault(rootEntity, 0);
        }
    }

    /** The owner of a to-one proxy: its key, its hierarchy root, and the attribute. */
    record ProxyOwner(Key owner, String ownerRoot, String ownerName, String attribute) {
    }

    /** Lazy loads counted for the log, per association and call site. */
    static final class Tally {
        final String message;
        int count;

        Tally(String message) {
            this.message = message;
        }
    }

    final Map<Key, Group> groups = new HashMap<>();
    final Map<Key, PathInfo> paths = new HashMap<>();
    final Map<Key, ProxyOwner> proxyOwners = new HashMap<>();
    final Map<String, Tally> tallies = new LinkedHashMap<>();
    /** Entities that lazy loads of one association bring in, from owners of one group, form a group too. */
    private final Map<Group, Map<String, Group>> derived = new java.util.IdentityHashMap<>();
    private WeakReference<Object> lastEvent = new WeakReference<>(null);
    private Group current;

    /** Consecutive PostLoad calls with the same event object come from one result set (Hibernate 6.6 and 7). */
    Group groupFor(Object postLoadEvent) {
        if (current == null || lastEvent.get() != postLoadEvent) {
            current = new Group();
            lastEvent = new WeakReference<>(postLoadEvent);
        }
        return current;
    }

    Group derived(Group ownerGroup, String attribute) {
        return derived.computeIfAbsent(ownerGroup, g -> new HashMap<>(4)).computeIfAbsent(attribute, a -> new Group());
    }
}
