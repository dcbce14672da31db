package dev.eagerdsl.internal.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * What the guard keeps for one session beyond the entities' own {@link Member} state: the owners of
 * uninitialized to-one proxies (worked out lazily, at the first proxy load that needs them), and the
 * lazy loads to report when the session closes. No entity is kept past an evict or a clear.
 */
final class SessionState {

    /**
     * The owner of a to-one proxy: its member state, name, id, the attribute, its role ({@code root.attribute})
     * and the association as the log names it ({@code Owner.attribute}, the owner's own class).
     */
    record ProxyOwner(Member member, String ownerRoot, String ownerName, Object ownerId, String attribute, String role,
                      String association) {
    }

    /** Lazy loads counted for the log, per association and call site. */
    static final class Tally {
        final String message;
        final String verb;
        int count;

        Tally(String message, String verb) {
            this.message = message;
            this.verb = verb;
        }
    }

    final Map<String, Tally> tallies = new LinkedHashMap<>();
    /** uninitialized proxy (its LazyInitializer, by identity) -> who holds it; weak: a proxy Hibernate drops is forgotten */
    final Map<Object, ProxyOwner> proxyOwners = new WeakHashMap<>();
    /**
     * entities loaded by lazy loads since the proxy owners were last brought up to date (rare: one statement each),
     * each followed by its {@code EntityEntry}
     */
    List<Object> pending = new ArrayList<>();
    /** the other list {@link #pending} is swapped with while it is indexed */
    List<Object> indexing = new ArrayList<>();
    /**
     * The persistence context's entity count when the proxy owners were last worked out from all of it,
     * plus the entities indexed from {@link #pending} since; -1 before the first time. Any other count
     * means entities came (from a query) or went: the next miss looks at the whole context again.
     */
    long indexedEntities = -1;

    /** the pending list was dropped to stay small: the next proxy owner looked for needs a full scan */
    boolean pendingDropped;

    /** how many times the proxy owners were worked out from the whole persistence context (for tests) */
    int fullScans;

    /** the unused-prefetch report's (call site, path) groups of this session, or {@code null} (see {@link UnusedPrefetches}) */
    private Map<String, UnusedPrefetches.Group> unusedPrefetches;

    Map<String, UnusedPrefetches.Group> unusedPrefetches() {
        if (unusedPrefetches == null) {
            unusedPrefetches = new LinkedHashMap<>();
        }
        return unusedPrefetches;
    }

    Map<String, UnusedPrefetches.Group> unusedPrefetchesOrNull() {
        return unusedPrefetches;
    }

    void dropUnusedPrefetches() {
        unusedPrefetches = null;
    }

    /** the session has ended: its state is no longer the one to use */
    volatile boolean ended;

    /** Remembers an entity a lazy load brought in, for {@link ProxyOwners}; bounded by the persistence context's size. */
    void pending(org.hibernate.engine.spi.SharedSessionContractImplementor session, Object entity,
                 org.hibernate.engine.spi.EntityEntry entry) {
        if (pending.size() >= 128 && pending.size() > 4 * session.getPersistenceContextInternal().getNumberOfManagedEntities()) {
            pending.clear();
            pendingDropped = true;
        }
        pending.add(entity);
        pending.add(entry);
    }

    /** An entity a lazy load brought in that holds no to-one: as good as indexed. */
    void indexedWithoutLook() {
        if (indexedEntities >= 0) {
            indexedEntities++;
        }
    }

    /** Forgets everything about the session's entities (the persistence context was cleared). */
    void cleared() {
        proxyOwners.clear();
        pending.clear();
        indexing.clear();
        pendingDropped = false;
        indexedEntities = -1;
    }
}
