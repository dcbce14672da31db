package dev.eagerdsl.internal.plan;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PathResolver;
import dev.eagerdsl.internal.path.Step;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link FetchPlan} into a checked {@link Plan} for one root entity. */
public final class Planner {

    private Planner() {
    }

    /**
     * @param fetchPlan the user's plan
     * @param resolver the metamodel
     * @param root the query's root entity
     * @return the checked plan
     * @throws RelatedException for any invalid path, before any SQL runs
     */
    public static Plan plan(FetchPlan fetchPlan, PathResolver resolver, EntityType<?> root) {
        List<PlanNode> roots = new ArrayList<>();
        for (String path : fetchPlan.selectPaths()) {
            List<Step> steps = resolver.resolve(root, path);
            for (Step s : steps) {
                if (s.isCollection()) {
                    throw new RelatedException("Cannot select('" + path + "') on " + root.getName() + ": '" + s.path()
                            + "' is a collection (to-many). Use prefetch(\"" + path + "\").");
                }
                if (s.narrowed()) {
                    throw new RelatedException("Cannot select('" + path + "') on " + root.getName() + ": '" + s.path()
                            + "' is declared on the subclass " + s.ownerName() + ", which a fetch join from " + root.getName()
                            + " rows cannot reach. Use prefetch(\"" + path + "\") (one extra statement), or query " + s.ownerName() + ".");
                }
            }
            List<PlanNode> level = roots;
            for (Step s : steps) {
                PlanNode n = child(level, s, PlanNode.Mode.SELECT);
                n.mode(PlanNode.Mode.SELECT);
                level = n.mutableChildren();
            }
        }
        for (Prefetch p : fetchPlan.prefetches()) {
            List<Step> steps = resolver.resolve(root, p.path());
            List<PlanNode> level = roots;
            boolean filtered = p.isFiltered() || p.intoField() != null;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (filtered && i == steps.size() - 1) {
                    level.add(new PlanNode(s, PlanNode.Mode.FILTERED, p));
                } else {
                    level = child(level, s, PlanNode.Mode.PREFETCH).mutableChildren();
                }
            }
        }
        return new Plan(root, List.copyOf(roots));
    }

    private static PlanNode child(List<PlanNode> level, Step s, PlanNode.Mode mode) {
        for (PlanNode n : level) {
            if (n.mode() != PlanNode.Mode.FILTERED && n.step().attribute().equals(s.attribute())
                    && n.step().owner().equals(s.owner())) {
                return n;
            }
        }
        PlanNode n = new PlanNode(s, mode, null);
        level.add(n);
        return n;
    }
}
