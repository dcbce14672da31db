package dev.eagerdsl.internal.path;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan as the user wrote it, syntax checked and normalized: the select paths and the prefetches,
 * in the order given. A value (records compare by content), so that equal plans share one compiled
 * form whichever {@code FetchPlan} instance carries them.
 *
 * @param selects the to-one paths joined into the root statement
 * @param prefetches the prefetches, plain and filtered
 */
public record PlanSpec(List<String> selects, List<PrefetchSpec> prefetches) {

    /** The plan that loads nothing. */
    public static final PlanSpec EMPTY = new PlanSpec(List.of(), List.of());

    /** @param selects @param prefetches copied into unmodifiable lists */
    public PlanSpec {
        selects = List.copyOf(selects);
        prefetches = List.copyOf(prefetches);
    }

    /** @param paths normalized paths @return a copy with these select paths added */
    public PlanSpec withSelects(List<String> paths) {
        List<String> copy = new ArrayList<>(selects);
        copy.addAll(paths);
        return new PlanSpec(copy, prefetches);
    }

    /** @param specs normalized prefetches @return a copy with these prefetches added */
    public PlanSpec withPrefetches(List<PrefetchSpec> specs) {
        List<PrefetchSpec> copy = new ArrayList<>(prefetches);
        copy.addAll(specs);
        return new PlanSpec(selects, copy);
    }

    /**
     * @return this plan with the values of filtered prefetches' parameters left out: plans that differ
     *         only in those values compile to the same statements
     */
    public PlanSpec shape() {
        boolean values = false;
        for (PrefetchSpec p : prefetches) {
            values |= !p.params().isEmpty() || !p.nested().isEmpty();
        }
        if (!values) {
            return this;
        }
        List<PrefetchSpec> out = new ArrayList<>(prefetches.size());
        for (PrefetchSpec p : prefetches) {
            out.add(p.shape());
        }
        return new PlanSpec(selects, out);
    }

    /**
     * @param path indices from {@link #prefetches()} down through nested plans
     * @return the prefetch at that path
     */
    public PrefetchSpec prefetchAt(List<Integer> path) {
        PlanSpec at = this;
        PrefetchSpec p = null;
        for (int i : path) {
            p = at.prefetches.get(i);
            at = p.nested();
        }
        return p;
    }

    /** @return whether the plan loads nothing */
    public boolean isEmpty() {
        return selects.isEmpty() && prefetches.isEmpty();
    }

    /** @return the plan as the code that builds it, for messages */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Related");
        if (!selects.isEmpty()) {
            sb.append(".select(");
            for (int i = 0; i < selects.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('"').append(selects.get(i)).append('"');
            }
            sb.append(')');
        }
        for (PrefetchSpec p : prefetches) {
            sb.append(".prefetch(").append(p.isPlain() ? "\"" + p.path() + "\"" : p.toString()).append(')');
        }
        return sb.toString();
    }
}
