package dev.eagerdsl.internal.plan;

import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan compiled for one root entity of one SessionFactory: every path resolved, every filter
 * checked, every statement's HQL built. Immutable and shared by every run of the same plan; a run
 * only binds and executes it.
 *
 * @param root the root entity
 * @param levels the first levels (joined to-ones and prefetches), each with the levels that continue it
 * @param joinPaths the dotted paths of the JOIN levels, for an entity graph
 * @param rewritable whether the JOIN levels can be written into HQL as fetch joins (no embeddable or subclass step)
 * @param fetchGraphReason why the root statement must run with a fetch graph of exactly the plan's paths
 *                         (entities it loads map EAGER associations), or {@code null}
 * @param eager whether the entities the plan loads can have EAGER associations to load in batches afterwards
 * @param allRowsHql the statement of {@code list(session, Root.class)}
 * @param joinsTemplate the fetch joins of the JOIN levels from the alias {@link #ALIAS}
 */
public record CompiledPlan(EntityType<?> root, List<Level> levels, List<String> joinPaths, boolean rewritable,
                           String fetchGraphReason, boolean eager, String allRowsHql, String joinsTemplate) {

    /** Stands for the root's alias in {@link #joinsTemplate}. */
    public static final String ALIAS = "\u0001";

    /** @param levels @param joinPaths copied into unmodifiable lists */
    public CompiledPlan {
        levels = List.copyOf(levels);
        joinPaths = List.copyOf(joinPaths);
    }

    /** @return whether the plan joins to-ones into the root statement */
    public boolean hasJoins() {
        return !joinPaths.isEmpty();
    }

    /** @return whether the plan loads nothing beyond the root statement and nothing EAGER needs loading */
    public boolean isEmpty() {
        return levels.isEmpty() && !eager;
    }

    /**
     * @param alias the alias of the root in the user's HQL
     * @return the fetch joins of the JOIN levels, to insert right after {@code from Root alias}
     */
    public String fetchJoins(String alias) {
        return joinsTemplate.replace(ALIAS, alias);
    }

    /** @return every level, parents before children */
    public List<Level> breadthFirst() {
        List<Level> out = new ArrayList<>(levels);
        for (int i = 0; i < out.size(); i++) {
            out.addAll(out.get(i).children());
        }
        return out;
    }
}
