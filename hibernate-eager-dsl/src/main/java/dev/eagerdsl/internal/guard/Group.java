package dev.eagerdsl.internal.guard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The entities one result set loaded (the N of an N+1), counted per hierarchy root; or the entities
 * that lazy loads of one association brought in for the owners of one group. Holds no entity: only
 * counts, and what the guard works out lazily, at the first lazy load that needs it.
 */
final class Group {

    private String[] roots = new String[2];
    private int[] counts = new int[2];
    private int size;
    /** attribute -> the group of the entities lazy loads of that attribute brought in */
    private Map<String, Group> derived;
    /** attribute -> the distinct targets of that to-one among the group's owners, as far as indexed */
    private Map<String, Targets> targets;
    /** attribute -> how many EAGER selects Hibernate ran for that to-one while reading this result set */
    private Map<String, int[]> eagerSelects;
    /** {@code Owner.attribute} -> the call site of its first reported load on this group's owners */
    private Map<String, Site> sites;

    void add(String rootEntity, int n) {
        for (int i = 0; i < size; i++) {
            if (roots[i].equals(rootEntity)) {
                counts[i] += n;
                return;
            }
        }
        if (size == roots.length) {
            roots = java.util.Arrays.copyOf(roots, size * 2);
            counts = java.util.Arrays.copyOf(counts, size * 2);
        }
        roots[size] = rootEntity;
        counts[size++] = n;
    }

    synchronized void addAll(String rootEntity, int n) {
        add(rootEntity, n);
    }

    int count(String rootEntity) {
        for (int i = 0; i < size; i++) {
            if (roots[i].equals(rootEntity)) {
                return counts[i];
            }
        }
        return 0;
    }

    synchronized Group derived(String attribute) {
        if (derived == null) {
            derived = new HashMap<>(4);
        }
        return derived.computeIfAbsent(attribute, a -> new Group());
    }

    synchronized Targets targets(String attribute) {
        if (targets == null) {
            targets = new HashMap<>(4);
        }
        return targets.computeIfAbsent(attribute, a -> new Targets());
    }

    /** @return how many EAGER selects of {@code attribute} this result set caused, this one included */
    synchronized int eagerSelect(String attribute) {
        if (eagerSelects == null) {
            eagerSelects = new HashMap<>(4);
        }
        return ++eagerSelects.computeIfAbsent(attribute, a -> new int[1])[0];
    }

    /**
     * The call site of a reported load of {@code association} ({@code Owner.attribute}) on one of this group's
     * owners: found by a stack walk at the first such load, then reused for the rest. A walk costs a few
     * microseconds, about as much as a lazy load on an in-memory database; an N+1 of one query and association
     * has one fix (on that query), so one site is what its log line needs.
     */
    synchronized Site site(String association) {
        if (sites == null) {
            sites = new HashMap<>(4);
        }
        return sites.computeIfAbsent(association, Site::find);
    }

    /** A call site, and the key a session's log counts its loads under ({@code Owner.attribute @ site}). */
    record Site(String site, String tallyKey) {
        static Site find(String association) {
            String site = CallSites.find();
            return new Site(site, association + " @ " + site);
        }
    }

    /** The targets one to-one attribute of a group's owners points at. */
    static final class Targets {
        static final int UNKNOWN = Integer.MIN_VALUE;
        /** Hibernate's batch size for the target in the group's session, once a load asked */
        int batch = UNKNOWN;
        /** the session's own batch size when {@link #batch} was looked up */
        int sessionBatch;
        /** every distinct target (by entity name and id) */
        final Set<Key> all = new HashSet<>();
        /** the distinct targets that were not loaded when indexed */
        final Set<Key> unloaded = new HashSet<>();
    }
}
