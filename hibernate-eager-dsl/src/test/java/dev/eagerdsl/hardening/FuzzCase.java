package dev.eagerdsl.hardening;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import java.util.List;
import java.util.Map;

/**
 * One generated input: a root entity and the raw strings of a plan, exactly as a user could pass
 * them. {@link #toString()} escapes every character, so a failing sample can be pasted into a test.
 *
 * @param root the query's root entity
 * @param selects raw select paths
 * @param prefetches raw prefetch paths
 * @param specs raw filtered prefetch specs
 * @param entry which entry point runs the plan (list, find, stream, ...), as an index
 */
record FuzzCase(Class<?> root, List<String> selects, List<String> prefetches, List<Spec> specs, int entry) {

    /**
     * The raw parts of a {@code Prefetch}; {@code null} means "not called".
     *
     * @param path Prefetch.of(path)
     * @param alias .as(alias)
     * @param where .where(where)
     * @param orderBy .orderBy(orderBy)
     * @param into .into(into)
     * @param params .param(name, value), in order
     */
    record Spec(String path, String alias, String where, String orderBy, String into, List<Map.Entry<String, Object>> params) {

        Prefetch build() {
            Prefetch p = Prefetch.of(path);
            if (alias != null) p = p.as(alias);
            if (where != null) p = p.where(where);
            if (orderBy != null) p = p.orderBy(orderBy);
            if (into != null) p = p.into(into);
            for (Map.Entry<String, Object> e : params) {
                p = p.param(e.getKey(), e.getValue());
            }
            return p;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("Prefetch.of(").append(java(path)).append(')');
            if (alias != null) sb.append(".as(").append(java(alias)).append(')');
            if (where != null) sb.append(".where(").append(java(where)).append(')');
            for (Map.Entry<String, Object> e : params) {
                sb.append(".param(").append(java(e.getKey())).append(", ")
                        .append(e.getValue() instanceof String s ? java(s) : String.valueOf(e.getValue())).append(')');
            }
            if (orderBy != null) sb.append(".orderBy(").append(java(orderBy)).append(')');
            if (into != null) sb.append(".into(").append(java(into)).append(')');
            return sb.toString();
        }
    }

    /** Builds the plan the way a user would; may throw {@code RelatedException} for malformed input. */
    FetchPlan plan() {
        FetchPlan plan = Related.select(selects.toArray(String[]::new));
        if (!prefetches.isEmpty()) {
            plan = plan.prefetch(prefetches.toArray(String[]::new));
        }
        if (!specs.isEmpty()) {
            plan = plan.prefetch(specs.stream().map(Spec::build).toArray(Prefetch[]::new));
        }
        return plan;
    }

    boolean hasUserHql() {
        return specs.stream().anyMatch(s -> s.where != null || s.orderBy != null);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(root.getSimpleName()).append(": Related.select(");
        sb.append(String.join(", ", selects.stream().map(FuzzCase::java).toList())).append(')');
        if (!prefetches.isEmpty()) {
            sb.append(".prefetch(").append(String.join(", ", prefetches.stream().map(FuzzCase::java).toList())).append(')');
        }
        for (Spec s : specs) {
            sb.append(".prefetch(").append(s).append(')');
        }
        return sb.append(" via entry ").append(entry).toString();
    }

    /** A Java string literal for {@code s}, every non-ASCII or control character escaped. */
    static String java(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
