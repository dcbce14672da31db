package dev.eagerdsl.internal.exec;

import dev.eagerdsl.Prefetch;
import dev.eagerdsl.internal.path.Step;
import dev.eagerdsl.internal.plan.Plan;
import dev.eagerdsl.internal.plan.PlanNode;
import java.util.List;

/**
 * The HQL the executor runs, built only from metamodel names (entity and attribute names that
 * {@code PathResolver} matched) and, for filtered prefetches, the user's own condition and order.
 */
final class Hql {

    static final String OWNERS = "eagerdslOwners";
    static final String TARGETS = "eagerdslTargets";
    static final String OWNER_ALIAS = "eagerdslOwner";

    private Hql() {
    }

    /** The root statement with the fetch joins of the SELECT nodes, for {@code explain}. */
    static String root(Plan plan) {
        StringBuilder sb = new StringBuilder("select r from ").append(plan.root().getName()).append(" r");
        int[] counter = {0};
        for (PlanNode n : plan.nodes()) {
            joins(sb, "r", n, counter);
        }
        return sb.toString();
    }

    /** The fetch joins of the SELECT nodes, on the root alias {@code alias}, for a rewrite of the user's HQL. */
    static String fetchJoins(Plan plan, String alias) {
        StringBuilder sb = new StringBuilder();
        int[] counter = {0};
        for (PlanNode n : plan.nodes()) {
            joins(sb, alias, n, counter, "eagerdslJ");
        }
        return sb.toString();
    }

    private static void joins(StringBuilder sb, String parent, PlanNode n, int[] counter) {
        joins(sb, parent, n, counter, "j");
    }

    private static void joins(StringBuilder sb, String parent, PlanNode n, int[] counter, String prefix) {
        if (n.mode() != PlanNode.Mode.SELECT) {
            return;
        }
        String alias = prefix + (++counter[0]);
        sb.append(n.step().optional() ? " left join fetch " : " join fetch ")
                .append(parent).append('.').append(n.step().attribute()).append(' ').append(alias);
        for (PlanNode c : n.children()) {
            joins(sb, alias, c, counter, prefix);
        }
    }

    static String collection(Step s) {
        return "select o from " + s.ownerName() + " o left join fetch o." + s.attribute() + " where o in (:" + OWNERS + ")";
    }

    static String entities(String entityName) {
        return "select t from " + entityName + " t where t in (:" + TARGETS + ")";
    }

    static String toOne(Step s) {
        return "select t from " + s.target().getName() + " t where t in (:" + TARGETS + ")";
    }

    static String alias(Step s, Prefetch p) {
        if (p.alias() != null) {
            return p.alias();
        }
        String a = s.attribute();
        return a.substring(a.lastIndexOf('.') + 1);
    }

    static String filtered(Step s, Prefetch p) {
        String alias = alias(s, p);
        String owner = alias.equals("o") ? OWNER_ALIAS : "o";
        StringBuilder sb = new StringBuilder("select ").append(owner).append(", ").append(alias)
                .append(" from ").append(s.ownerName()).append(' ').append(owner)
                .append(" join ").append(owner).append('.').append(s.attribute()).append(' ').append(alias)
                .append(" where ").append(owner).append(" in (:").append(OWNERS).append(')');
        if (p.whereClause() != null) {
            sb.append(" and (").append(p.whereClause()).append(')');
        }
        if (p.orderByClause() != null) {
            sb.append(" order by ").append(p.orderByClause());
        }
        return sb.toString();
    }

    /** One line per statement, as {@code explain} shows them. */
    static String explain(Plan plan, int chunk) {
        StringBuilder sb = new StringBuilder(root(plan));
        List<PlanNode> nodes = plan.breadthFirst();
        for (PlanNode n : nodes) {
            String hql;
            switch (n.mode()) {
                case SELECT -> {
                    continue;
                }
                case FILTERED -> hql = filtered(n.step(), n.filter()) + "  -- into " + n.filter().intoField();
                default -> hql = n.step().isCollection() ? collection(n.step()) : toOne(n.step());
            }
            sb.append('\n').append("prefetch ").append(n.path()).append(": ").append(hql)
                    .append("  -- 1 statement per ").append(chunk).append(n.step().isCollection() || n.mode() == PlanNode.Mode.FILTERED ? " owners" : " targets");
        }
        return sb.toString();
    }
}
