package dev.eagerdsl;

import dev.eagerdsl.internal.path.PlanSpec;
import dev.eagerdsl.internal.path.PrefetchSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A prefetch with a filter and/or ordering, written into a plain {@code List} field of each owner
 * (Django's {@code Prefetch(lookup, queryset=..., to_attr=...)}).
 *
 * <pre>{@code
 * Related.prefetch(Prefetch.of("students").as("s")
 *         .where("s.active = true and s.year >= :year").param("year", 2)
 *         .orderBy("s.name")
 *         .into("activeStudents"))          // a @Transient List<Student> field of Course
 *     .list(session, Course.class);
 * }</pre>
 *
 * <p>A filtered prefetch never writes a subset into the mapped collection (that would delete rows
 * on flush): it must name {@link #into(String)}. Values go through {@link #param(String, Object)},
 * never into the HQL text. Instances are immutable; every method returns a new one.
 *
 * @since 0.1.0
 */
public final class Prefetch {

    private final String path;
    private final String alias;
    private final String where;
    private final String orderBy;
    private final String into;
    private final Map<String, Object> params;
    private final FetchPlan nested;

    private Prefetch(String path, String alias, String where, String orderBy, String into,
                     Map<String, Object> params, FetchPlan nested) {
        this.path = path;
        this.alias = alias;
        this.where = where;
        this.orderBy = orderBy;
        this.into = into;
        this.params = params;
        this.nested = nested;
    }

    /** @return this spec as the engine reads it (path not yet normalized) */
    PrefetchSpec spec() {
        return new PrefetchSpec(path, alias, where, orderBy, into, params, nested == null ? PlanSpec.EMPTY : nested.spec());
    }

    /** @return a copy with the normalized path */
    Prefetch withPath(String normalized) {
        return normalized.equals(path) ? this : new Prefetch(normalized, alias, where, orderBy, into, params, nested);
    }

    /**
     * Starts a prefetch of {@code path} (same syntax as {@link Related#prefetch(String...)}).
     *
     * @param path the association path, e.g. {@code "students"} or {@code "author.books"}
     * @return a new prefetch spec
     * @since 0.1.0
     */
    public static Prefetch of(String path) {
        return new Prefetch(path, null, null, null, null, Map.of(), null);
    }

    /**
     * Names the alias of the prefetched entity in {@link #where} and {@link #orderBy}; defaults to
     * the last attribute of the path.
     *
     * @param alias an identifier such as {@code "s"}
     * @return a copy with the alias
     * @since 0.1.0
     */
    public Prefetch as(String alias) {
        return new Prefetch(path, alias, where, orderBy, into, params, nested);
    }

    /**
     * Keeps only the related entities matching this HQL condition (on the {@link #as alias}).
     *
     * @param hqlCondition e.g. {@code "s.active = true"}; bind values with {@link #param}
     * @return a copy with the condition
     * @since 0.1.0
     */
    public Prefetch where(String hqlCondition) {
        return new Prefetch(path, alias, hqlCondition, orderBy, into, params, nested);
    }

    /**
     * Orders the related entities of each owner.
     *
     * @param hqlOrder e.g. {@code "s.name desc"}
     * @return a copy with the ordering
     * @since 0.1.0
     */
    public Prefetch orderBy(String hqlOrder) {
        return new Prefetch(path, alias, where, hqlOrder, into, params, nested);
    }

    /**
     * Writes the result into this {@code List}-typed field of each owner (typically
     * {@code @Transient}); owners without a match get an empty list.
     *
     * @param fieldName the name of a non-persistent {@code List} field on the owner class
     * @return a copy with the target field
     * @since 0.1.0
     */
    public Prefetch into(String fieldName) {
        return new Prefetch(path, alias, where, orderBy, fieldName, params, nested);
    }

    /**
     * Binds a named parameter used in {@link #where}.
     *
     * @param name the parameter name without the colon
     * @param value its value
     * @return a copy with the parameter bound
     * @since 0.1.0
     */
    public Prefetch param(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new Prefetch(path, alias, where, orderBy, into, Collections.unmodifiableMap(copy), nested);
    }

    /**
     * Gives the elements this prefetch loads their own plan, with paths relative to the element's
     * entity (Django's {@code Prefetch("students", queryset=Student.objects.select_related("advisor"))}):
     * its {@code select} paths are joined into this prefetch's statement, its prefetches load one
     * more statement per level.
     *
     * <pre>{@code
     * Prefetch.of("students").as("s").where("s.active = true").into("activeStudents")
     *         .with(Related.select("advisor").prefetch("courses"))
     * }</pre>
     *
     * @param plan the elements' plan
     * @return a copy with the elements' plan
     * @throws RelatedException if {@code plan} is null
     * @since 0.2.0
     */
    public Prefetch with(FetchPlan plan) {
        if (plan == null) {
            throw new RelatedException("Prefetch.with(null) on " + this + ": pass a plan for the elements, e.g. .with(Related.select(\"advisor\")).");
        }
        return new Prefetch(path, alias, where, orderBy, into, params, plan);
    }

    /**
     * The plan of the elements this prefetch loads, see {@link #with(FetchPlan)}.
     *
     * @return the elements' plan, or {@code null} when none was given
     * @since 0.2.0
     */
    public FetchPlan nestedPlan() {
        return nested;
    }

    /**
     * The path to prefetch.
     *
     * @return the path
     * @since 0.1.0
     */
    public String path() {
        return path;
    }

    /**
     * The alias used in the condition and the ordering.
     *
     * @return the alias, or {@code null} for the default
     * @since 0.1.0
     */
    public String alias() {
        return alias;
    }

    /**
     * The condition on the prefetched entities.
     *
     * @return the HQL condition, or {@code null}
     * @since 0.1.0
     */
    public String whereClause() {
        return where;
    }

    /**
     * The ordering of each owner's list.
     *
     * @return the HQL ordering, or {@code null}
     * @since 0.1.0
     */
    public String orderByClause() {
        return orderBy;
    }

    /**
     * The field of the owner that receives the list.
     *
     * @return the target field name, or {@code null}
     * @since 0.1.0
     */
    public String intoField() {
        return into;
    }

    /**
     * The named parameters of the condition.
     *
     * @return the bound parameters (unmodifiable)
     * @since 0.1.0
     */
    public Map<String, Object> params() {
        return params;
    }

    /**
     * Tells whether this prefetch filters or orders.
     *
     * @return whether a condition or an ordering was given
     * @since 0.1.0
     */
    public boolean isFiltered() {
        return where != null || orderBy != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prefetch p && Objects.equals(path, p.path) && Objects.equals(alias, p.alias)
                && Objects.equals(where, p.where) && Objects.equals(orderBy, p.orderBy)
                && Objects.equals(into, p.into) && params.equals(p.params) && Objects.equals(nested, p.nested);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, alias, where, orderBy, into, params, nested);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Prefetch.of(\"").append(path).append("\")");
        if (alias != null) sb.append(".as(\"").append(alias).append("\")");
        if (where != null) sb.append(".where(\"").append(where).append("\")");
        params.forEach((k, v) -> sb.append(".param(\"").append(k).append("\", ").append(v).append(')'));
        if (orderBy != null) sb.append(".orderBy(\"").append(orderBy).append("\")");
        if (into != null) sb.append(".into(\"").append(into).append("\")");
        if (nested != null) sb.append(".with(").append(nested).append(')');
        return sb.toString();
    }
}
