package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * An N+1 the guard found: published as a {@link LazyLoad}, counted for the log (WARN) or thrown
 * (STRICT) before the statement runs. The codes:
 * <ul>
 *   <li>{@code EAGER-101} a lazy association loaded on an owner that was one of several rows of one query;</li>
 *   <li>{@code EAGER-108} an EAGER collection Hibernate loads with one select per owner after a query;</li>
 *   <li>{@code EAGER-109} an EAGER to-one Hibernate loads with one select per distinct target while it reads a query.</li>
 * </ul>
 */
final class Findings {

    enum Kind {
        LAZY("EAGER-101", " lazily loaded"),
        EAGER_COLLECTION("EAGER-108", " (mapped EAGER) loaded by one select per owner"),
        EAGER_TO_ONE("EAGER-109", " (mapped EAGER) loaded by one select per distinct target");

        final String code;
        final String verb;

        Kind(String code, String verb) {
            this.code = code;
            this.verb = verb;
        }
    }

    private Findings() {
    }

    /** @return {@code Related.select("a.b")}, or {@code Related.prefetch(...)} for a path through a collection */
    static String code(PathInfo path) {
        return (path.viaCollection() ? "Related.prefetch(\"" : "Related.select(\"") + path.path() + "\")";
    }

    /**
     * The fix for an EAGER to-one selected one by one while a plan's filtered prefetch of a collection
     * reads its elements: name it in that prefetch's own plan.
     *
     * @param segments the path of the to-one in the plan's statement
     * @return {@code Prefetch.of("dishes").with(Related.select("chef"))}, or {@code null} if the path crosses no collection
     */
    static String intoPrefetch(java.util.List<Paths.Segment> segments) {
        StringBuilder prefetch = new StringBuilder();
        PathInfo rest = null;
        for (Paths.Segment s : segments) {
            if (rest == null) {
                prefetch.append(prefetch.length() == 0 ? "" : ".").append(s.name());
                if (s.collection()) {
                    rest = PathInfo.ROOT;
                }
            } else {
                rest = rest.child(s.name(), s.collection());
            }
        }
        if (rest == null || rest.path().isEmpty()) {
            return null;
        }
        return "Prefetch.of(\"" + prefetch + "\").with(" + code(rest) + ")";
    }

    /**
     * @param session the session
     * @param group the owner's result set (its call site is found once per attribute), or {@code null}
     * @param ownerName the owner's entity name, short
     * @param attribute the association
     * @param ownerId the owner's id
     * @param child the association's path from the query's root
     * @param collection whether it is a collection
     * @param kind lazy or EAGER
     * @param siblings the rows of the owner's query (for an EAGER to-one: the selects so far)
     * @param count how many loads this finding stands for in the log
     * @param planFix the fix when the load happens inside a plan's own statement, else {@code null}
     */
    static void report(SharedSessionContractImplementor session, Group group, String ownerName, String attribute, Object ownerId,
                       PathInfo child, boolean collection, Kind kind, int siblings, int count, String planFix) {
        report(session, group, ownerName, attribute, ownerId, child, collection, kind, siblings, count, planFix, null);
    }

    /**
     * As above; {@code peers} says what {@code FETCH_PEERS} loaded for the owner's peers ({@code null}: nothing).
     */
    static void report(SharedSessionContractImplementor session, Group group, String ownerName, String attribute, Object ownerId,
                       PathInfo child, boolean collection, Kind kind, int siblings, int count, String planFix, String peers) {
        report(session, group, ownerName, attribute, ownerName + "." + attribute, ownerId, child, collection, kind, siblings, count,
                planFix, peers);
    }

    /**
     * As above, with the association as the log names it ({@code Owner.attribute}) worked out by the caller once
     * for every load of it.
     */
    static void report(SharedSessionContractImplementor session, Group group, String ownerName, String attribute, String association,
                       Object ownerId, PathInfo child, boolean collection, Kind kind, int siblings, int count, String planFix,
                       String peers) {
        LazyLoadGuard.Mode mode = Guard.modeFor(session);
        if (mode == LazyLoadGuard.Mode.OFF) {
            // this session's factory is OFF (its own setting), while another factory keeps the guard tracking
            return;
        }
        Group.Site at = group == null ? Group.Site.find(association) : group.site(association);
        String site = at.site();
        boolean strict = mode == LazyLoadGuard.Mode.STRICT;
        if (strict || Guard.publishing()) {
            // the event only where someone takes it: a subscriber, a JFR recording, or the exception
            String fix = planFix != null ? planFix : code(child);
            LazyLoad event = new LazyLoad(ownerName, attribute, ownerId, site, fix, collection, siblings);
            Guard.publish(event);
            if (strict) {
                throw new LazyLoadException(head(kind, ownerName, attribute) + kind.verb
                        + tail(kind, ownerName, attribute, site, siblings, planFix, fix, peers), event);
            }
        }
        if (mode == LazyLoadGuard.Mode.WARN || mode == LazyLoadGuard.Mode.FETCH_PEERS) {
            SessionState state = SessionStates.of(session);
            String key = at.tallyKey();
            if (!GuardLog.count(state, key, count)) {
                // the first load of this association at this call site in this session: its message is written once
                String fix = planFix != null ? planFix : code(child);
                GuardLog.count(state, key, head(kind, ownerName, attribute), kind.verb,
                        tail(kind, ownerName, attribute, site, siblings, planFix, fix, peers), count);
            }
        }
    }

    private static String head(Kind kind, String ownerName, String attribute) {
        return kind.code + " " + ownerName + "." + attribute;
    }

    private static String tail(Kind kind, String ownerName, String attribute, String site, int siblings, String planFix, String fix,
                               String peers) {
        String shape = " (N+1: each " + ownerName + " was one of " + siblings + " rows of one query" + (peers == null ? "" : "; " + peers) + ")";
        return switch (kind) {
            case LAZY -> " at " + site + shape + ". Fix: " + fix;
            case EAGER_COLLECTION -> " at " + site + shape + ". Fix: " + fix + " on that query, or map " + ownerName + "." + attribute + " LAZY";
            case EAGER_TO_ONE -> " at " + site + " (N+1: one select per distinct target while the " + ownerName
                    + " rows of one " + (planFix != null ? "statement of a plan" : "query") + " were read). Fix: " + fix
                    + (planFix != null ? " in that plan" : " on that query") + ", or map " + ownerName + "." + attribute + " LAZY";
        };
    }
}
