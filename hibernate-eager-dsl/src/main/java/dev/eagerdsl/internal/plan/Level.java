package dev.eagerdsl.internal.plan;

import dev.eagerdsl.internal.path.Step;
import java.lang.reflect.Field;
import java.util.List;

/**
 * One association of a compiled plan and how it is loaded for a set of owners: joined into the
 * statement that loads the owners, or one statement per chunk of owners. Immutable.
 *
 * @param step the association, its owner and target entity
 * @param kind how it is loaded
 * @param role the collection role ({@code Owner.attribute}) of a collection, else {@code null}
 * @param filter the statement and target field of a {@link Kind#FILTERED} level, else {@code null}
 * @param children the levels that continue from the entities this one reaches
 */
public record Level(Step step, Kind kind, String role, Filter filter, List<Level> children) {

    /** How a level is loaded. */
    public enum Kind {
        /** a to-one fetch-joined into the statement that loads its owners: no statement of its own */
        JOIN,
        /** a collection, by Hibernate's own batch loader: one statement per chunk of owners */
        COLLECTION,
        /** a to-one, by Hibernate's entity batch loader: one statement per chunk of targets */
        TO_ONE,
        /** a filtered and/or ordered prefetch written into a List field: one HQL statement per chunk of owners */
        FILTERED
    }

    /**
     * The compiled form of a filtered prefetch.
     *
     * @param hql the statement, with {@code (:eagerdslOwners)} for the owners, selecting {@code [owner, element]}
     * @param into the List field written on each owner, accessible
     * @param params the names of the user's parameters (their values come with each run's plan)
     * @param specPath where the spec sits in the plan: indices from its prefetches down through nested plans
     */
    public record Filter(String hql, Field into, java.util.Set<String> params, List<Integer> specPath) {
    }

    /** @param children copied into an unmodifiable list */
    public Level {
        children = List.copyOf(children);
    }

    /** @return the path from the query's root, e.g. {@code students.courses} */
    public String path() {
        return step.path();
    }

    /** @return whether the level has a statement of its own */
    public boolean runsStatements() {
        return kind != Kind.JOIN;
    }
}
