package dev.eagerdsl.internal.plan;

import dev.eagerdsl.Prefetch;
import dev.eagerdsl.internal.path.Step;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One association in a plan tree, with how it is loaded and what follows it. */
public final class PlanNode {

    /** How a node is loaded. */
    public enum Mode {
        /** joined into the root statement (to-one only) */
        SELECT,
        /** one batched IN statement per chunk of owners */
        PREFETCH,
        /** a filtered prefetch written into a List field */
        FILTERED
    }

    private final Step step;
    private Mode mode;
    private final Prefetch filter;
    private final List<PlanNode> children = new ArrayList<>();

    PlanNode(Step step, Mode mode, Prefetch filter) {
        this.step = step;
        this.mode = mode;
        this.filter = filter;
    }

    /** @return the association */
    public Step step() {
        return step;
    }

    /** @return how it is loaded */
    public Mode mode() {
        return mode;
    }

    void mode(Mode m) {
        this.mode = m;
    }

    /** @return the filter spec of a FILTERED node, else {@code null} */
    public Prefetch filter() {
        return filter;
    }

    /** @return the nodes that continue the path */
    public List<PlanNode> children() {
        return Collections.unmodifiableList(children);
    }

    List<PlanNode> mutableChildren() {
        return children;
    }

    /** @return the path from the root */
    public String path() {
        return step.path();
    }
}
