package dev.eagerdsl.internal.path;

import java.util.Map;

/**
 * One prefetch as the user wrote it, syntax checked: the path, and for a filtered prefetch its
 * alias, condition, ordering, target field and parameters; {@code nested} is the plan of the
 * elements it loads ({@code Prefetch.with(plan)}), relative to the element's entity.
 *
 * @param path the normalized path
 * @param alias the alias of the element in {@code where}/{@code orderBy}, or {@code null}
 * @param where the HQL condition, or {@code null}
 * @param orderBy the HQL ordering, or {@code null}
 * @param into the List field written on each owner, or {@code null}
 * @param params the named parameters of {@code where}
 * @param nested the elements' own plan ({@link PlanSpec#EMPTY} for none)
 */
public record PrefetchSpec(String path, String alias, String where, String orderBy, String into, Map<String, Object> params,
                           PlanSpec nested) {

    /** @param path a normalized path @return a plain prefetch of it */
    public static PrefetchSpec of(String path) {
        return new PrefetchSpec(path, null, null, null, null, Map.of(), PlanSpec.EMPTY);
    }

    /** Stands for a parameter's value in {@link #shape()}. */
    private static final Object VALUE = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    /** @return this spec with its parameters' values (and those of nested plans) left out */
    public PrefetchSpec shape() {
        if (params.isEmpty() && nested.isEmpty()) {
            return this;
        }
        Map<String, Object> names = new java.util.LinkedHashMap<>();
        params.keySet().forEach(k -> names.put(k, VALUE));
        return new PrefetchSpec(path, alias, where, orderBy, into, java.util.Collections.unmodifiableMap(names), nested.shape());
    }

    /** @return whether it filters or orders (then it must write {@link #into}) */
    public boolean isFiltered() {
        return where != null || orderBy != null;
    }

    /** @return whether it is a plain path: no filter, no target field, no nested plan */
    public boolean isPlain() {
        return !isFiltered() && into == null && alias == null && params.isEmpty() && nested.isEmpty();
    }

    /** @return whether it is written into a List field rather than the mapped collection */
    public boolean writesInto() {
        return into != null;
    }

    /** @return the spec as the code that builds it ({@code Prefetch.of("students").as("s")...}), for messages */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Prefetch.of(\"").append(path).append("\")");
        if (alias != null) sb.append(".as(\"").append(alias).append("\")");
        if (where != null) sb.append(".where(\"").append(where).append("\")");
        params.forEach((k, v) -> sb.append(".param(\"").append(k).append("\", ").append(v).append(')'));
        if (orderBy != null) sb.append(".orderBy(\"").append(orderBy).append("\")");
        if (into != null) sb.append(".into(\"").append(into).append("\")");
        if (!nested.isEmpty()) sb.append(".with(").append(nested).append(')');
        return sb.toString();
    }
}
