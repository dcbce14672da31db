package dev.eagerdsl.internal.plan;

import dev.eagerdsl.internal.path.PrefetchSpec;
import dev.eagerdsl.internal.path.Step;
import java.util.List;

/**
 * The HQL a plan runs, built only from metamodel names (entity and attribute names that
 * {@code PathResolver} matched) and, for filtered prefetches, the user's own condition and order.
 */
public final class Hql {

    /** The parameter of a statement's owners: {@code in (:eagerdslOwners)}, expanded to one parameter per owner. */
    public static final String OWNERS = "eagerdslOwners";
    /** The alias of the owner in a filtered prefetch whose element alias is {@code o}. */
    static final String OWNER_ALIAS = "eagerdslOwner";
    /** The prefix of the aliases of the fetch joins written into a user's query. */
    static final String JOIN_PREFIX = "eagerdslJ";

    private Hql() {
    }

    /** @return the fetch joins of the JOIN levels below {@code levels}, from the alias {@code parent} */
    static String fetchJoins(List<Level> levels, String parent) {
        return fetchJoins(levels, parent, JOIN_PREFIX);
    }

    /** @return the fetch joins of the JOIN levels below {@code levels}, their aliases {@code prefix1}, {@code prefix2}... */
    public static String fetchJoins(List<Level> levels, String parent, String prefix) {
        StringBuilder sb = new StringBuilder();
        int[] counter = {0};
        for (Level l : levels) {
            joins(sb, parent, l, counter, prefix);
        }
        return sb.toString();
    }

    private static void joins(StringBuilder sb, String parent, Level l, int[] counter, String prefix) {
        if (l.kind() != Level.Kind.JOIN) {
            return;
        }
        String alias = prefix + (++counter[0]);
        sb.append(l.step().optional() ? " left join fetch " : " join fetch ")
                .append(parent).append('.').append(l.step().attribute()).append(' ').append(alias);
        for (Level c : l.children()) {
            joins(sb, alias, c, counter, prefix);
        }
    }

    /** A collection together with its owners, for owners that are not loaded yet (uninitialized proxies). */
    public static String ownersWithCollection(Step s) {
        return "select o from " + s.ownerName() + " o left join fetch o." + s.attribute() + " where o in (:" + OWNERS + ")";
    }

    /** @return the alias of the element in a filtered prefetch */
    static String alias(Step s, PrefetchSpec p) {
        if (p.alias() != null) {
            return p.alias();
        }
        String a = s.attribute();
        return a.substring(a.lastIndexOf('.') + 1);
    }

    /** @return the statement of a filtered prefetch, selecting {@code [owner, element]}, with the elements' own joins */
    static String filtered(Step s, PrefetchSpec p, List<Level> elementJoins) {
        String alias = alias(s, p);
        String owner = alias.equals("o") ? OWNER_ALIAS : "o";
        StringBuilder sb = new StringBuilder("select ").append(owner).append(", ").append(alias)
                .append(" from ").append(s.ownerName()).append(' ').append(owner)
                .append(" join ").append(owner).append('.').append(s.attribute()).append(' ').append(alias)
                .append(fetchJoins(elementJoins, alias))
                .append(" where ").append(owner).append(" in (:").append(OWNERS).append(')');
        if (p.where() != null) {
            sb.append(" and (").append(p.where()).append(')');
        }
        if (p.orderBy() != null) {
            sb.append(" order by ").append(p.orderBy());
        }
        return sb.toString();
    }
}
