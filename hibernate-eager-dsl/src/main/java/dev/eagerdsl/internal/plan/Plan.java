package dev.eagerdsl.internal.plan;

import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * A checked plan for one root entity: the tree of planned associations. Built by {@link Planner}
 * before any SQL runs.
 *
 * @param root the root entity
 * @param nodes the first-level nodes
 */
public record Plan(EntityType<?> root, List<PlanNode> nodes) {

    /** @return whether any node is joined into the root statement */
    public boolean hasSelects() {
        return nodes.stream().anyMatch(n -> n.mode() == PlanNode.Mode.SELECT);
    }

    /** @return whether the plan loads anything at all */
    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** @return the nodes level by level (parents before children) */
    public List<PlanNode> breadthFirst() {
        List<PlanNode> out = new ArrayList<>(nodes);
        for (int i = 0; i < out.size(); i++) {
            out.addAll(out.get(i).children());
        }
        return out;
    }
}
