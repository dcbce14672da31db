package dev.eagerdsl.internal.plan;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PathResolver;
import dev.eagerdsl.internal.path.PlanSpec;
import dev.eagerdsl.internal.path.PrefetchSpec;
import dev.eagerdsl.internal.path.Step;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.entity.AbstractEntityPersister;

/**
 * Compiles a plan for one root entity: resolves every path against the metamodel, checks every
 * filter and {@code into} field, builds every statement, and decides how the root statement runs.
 * Everything a user can get wrong is refused here, before any SQL.
 */
public final class Planner {

    private static final AtomicLong COMPILATIONS = new AtomicLong();

    private Planner() {
    }

    /** @return how many plans were compiled since the JVM started (a test hook: a cached plan compiles nothing) */
    public static long compilations() {
        return COMPILATIONS.get();
    }

    /** A level while the tree is built: plans are merged path by path before they are frozen. */
    private static final class Node {
        final Step step;
        Level.Kind kind;
        final PrefetchSpec filter;
        final List<Integer> specPath;
        final List<Node> children = new ArrayList<>();

        Node(Step step, Level.Kind kind, PrefetchSpec filter, List<Integer> specPath) {
            this.step = step;
            this.kind = kind;
            this.filter = filter;
            this.specPath = specPath;
        }
    }

    /**
     * @param spec the user's plan
     * @param session a session of the factory (statements are parsed, never run)
     * @param root the query's root entity
     * @return the compiled plan
     * @throws RelatedException for any invalid path, filter or into field
     */
    public static CompiledPlan compile(PlanSpec spec, SharedSessionContractImplementor session, EntityType<?> root) {
        COMPILATIONS.incrementAndGet();
        PathResolver resolver = new PathResolver(((EntityManager) session).getMetamodel());
        List<Node> nodes = new ArrayList<>();
        add(nodes, spec, resolver, root, "", List.of());
        MappingMetamodel mapping = session.getFactory().getMappingMetamodel();
        List<Level> levels = freeze(nodes, null, session, mapping, new HashMap<>());
        List<String> joinPaths = new ArrayList<>();
        boolean rewritable = joins(levels, "", joinPaths);
        String reason = eagerInRootStatement(root, levels, mapping);
        boolean eager = eagerReachable(root, levels, mapping);
        String allRows = "select r from " + root.getName() + " r" + (rewritable ? Hql.fetchJoins(levels, "r") : "");
        return new CompiledPlan(root, levels, joinPaths, rewritable, reason, eager, allRows,
                Hql.fetchJoins(levels, CompiledPlan.ALIAS));
    }

    /** Adds the nodes of {@code spec}, whose paths start at {@code base}, to {@code level}. */
    private static void add(List<Node> level, PlanSpec spec, PathResolver resolver, EntityType<?> base, String prefix,
                            List<Integer> specPath) {
        for (String path : spec.selects()) {
            List<Step> steps = resolve(resolver, base, path, prefix);
            for (Step s : steps) {
                if (s.isCollection()) {
                    throw new RelatedException("Cannot select('" + path + "') on " + base.getName() + ": '" + unprefixed(s, prefix)
                            + "' is a collection (to-many). Use prefetch(\"" + path + "\").");
                }
                if (s.narrowed()) {
                    throw new RelatedException("Cannot select('" + path + "') on " + base.getName() + ": '" + unprefixed(s, prefix)
                            + "' is declared on the subclass " + s.ownerName() + ", which a fetch join from " + base.getName()
                            + " rows cannot reach. Use prefetch(\"" + path + "\") (one extra statement), or query " + s.ownerName() + ".");
                }
            }
            List<Node> at = level;
            for (Step s : steps) {
                Node n = child(at, s, Level.Kind.JOIN);
                n.kind = Level.Kind.JOIN;
                at = n.children;
            }
        }
        for (int index = 0; index < spec.prefetches().size(); index++) {
            PrefetchSpec p = spec.prefetches().get(index);
            List<Integer> here = new ArrayList<>(specPath);
            here.add(index);
            List<Step> steps = resolve(resolver, base, p.path(), prefix);
            List<Node> at = level;
            Node last = null;
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                if (p.writesInto() && i == steps.size() - 1) {
                    last = new Node(s, Level.Kind.FILTERED, p, here);
                    at.add(last);
                } else {
                    last = child(at, s, s.isCollection() ? Level.Kind.COLLECTION : Level.Kind.TO_ONE);
                    at = last.children;
                }
            }
            if (!p.nested().isEmpty()) {
                Step s = last.step;
                if (s.target() == null) {
                    throw new RelatedException("Invalid " + p + ": '" + unprefixed(s, prefix) + "' holds basic values, which have no"
                            + " associations to load. Remove .with(...).");
                }
                try {
                    add(last.children, p.nested(), resolver, s.target(), s.path(), here);
                } catch (RelatedException e) {
                    throw new RelatedException(e.getMessage() + " (in the plan given to " + p + ": its paths start at "
                            + s.target().getName() + ", the entity that '" + unprefixed(s, prefix) + "' loads)", e);
                }
            }
        }
    }

    private static List<Step> resolve(PathResolver resolver, EntityType<?> base, String path, String prefix) {
        List<Step> steps = resolver.resolve(base, path);
        if (prefix.isEmpty()) {
            return steps;
        }
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            out.add(new Step(s.owner(), s.attribute(), s.kind(), s.target(), s.optional(), s.narrowed(), prefix + "." + s.path()));
        }
        return out;
    }

    private static String unprefixed(Step s, String prefix) {
        return prefix.isEmpty() ? s.path() : s.path().substring(prefix.length() + 1);
    }

    private static Node child(List<Node> level, Step s, Level.Kind kind) {
        for (Node n : level) {
            if (n.kind != Level.Kind.FILTERED && n.step.attribute().equals(s.attribute()) && n.step.owner().equals(s.owner())) {
                return n;
            }
        }
        Node n = new Node(s, kind, null, List.of());
        level.add(n);
        return n;
    }

    /**
     * Freezes the tree. A JOIN below a level that loads by statement can be joined only into a filtered
     * prefetch's own statement; below a collection or to-one level it becomes a to-one level.
     */
    private static List<Level> freeze(List<Node> nodes, Node parent, SharedSessionContractImplementor session, MappingMetamodel mapping,
                                      Map<String, PrefetchSpec> fieldsWritten) {
        List<Level> out = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            Level.Kind kind = n.kind;
            if (kind == Level.Kind.JOIN && parent != null && parent.kind != Level.Kind.JOIN && parent.kind != Level.Kind.FILTERED) {
                kind = Level.Kind.TO_ONE;
            }
            if (kind == Level.Kind.JOIN && restricted(mapping, n.step)) {
                kind = Level.Kind.TO_ONE;
            }
            List<Level> children = freeze(n.children, withKind(n, kind), session, mapping, fieldsWritten);
            Level.Filter filter = null;
            if (kind == Level.Kind.FILTERED) {
                List<Level> joins = children.stream().filter(c -> c.kind() == Level.Kind.JOIN).toList();
                filter = Filters.compile(session, n.step, n.filter, n.specPath, joins, fieldsWritten);
            }
            String role = n.step.isCollection() ? role(mapping, n.step) : null;
            out.add(new Level(n.step, kind, role, filter, children));
        }
        return out;
    }

    /**
     * Whether the target entity of a to-one has an entity-level {@code @SQLRestriction}: a fetch join applies it to the
     * join, so a target outside it reads {@code null} (joined inner: the owner's row is lost), where lazy loading finds no
     * row and throws {@code ObjectNotFoundException}. Such a select is loaded as a level by Hibernate's batch loader,
     * which treats it as lazy loading does (one statement more, explain() shows it).
     */
    private static boolean restricted(MappingMetamodel mapping, Step s) {
        return s.target() != null && !s.isCollection()
                && mapping.getEntityDescriptor(s.target().getJavaType()) instanceof AbstractEntityPersister p && p.hasWhereRestrictions();
    }

    private static Node withKind(Node n, Level.Kind kind) {
        if (n.kind == kind) {
            return n;
        }
        Node copy = new Node(n.step, kind, n.filter, n.specPath);
        copy.children.addAll(n.children);
        return copy;
    }

    private static String role(MappingMetamodel mapping, Step s) {
        ModelPart part = mapping.getEntityDescriptor(s.owner().getJavaType()).findByPath(s.attribute());
        return part instanceof PluralAttributeMapping p ? p.getCollectionDescriptor().getRole()
                : s.owner().getJavaType().getName() + "." + s.attribute();
    }

    /** Collects the JOIN paths; @return whether all of them can be written as HQL fetch joins */
    private static boolean joins(List<Level> levels, String prefix, List<String> out) {
        boolean plain = true;
        for (Level l : levels) {
            if (l.kind() != Level.Kind.JOIN) {
                continue;
            }
            String path = prefix.isEmpty() ? l.step().attribute() : prefix + "." + l.step().attribute();
            out.add(path);
            plain &= l.step().attribute().indexOf('.') < 0 && !l.step().narrowed();
            plain &= joins(l.children(), path, out);
        }
        return plain;
    }

    /**
     * Why the root statement cannot run as plain HQL: an entity it loads (the root, or a to-one joined
     * into it) maps an association EAGER that the plan does not join, which Hibernate would load with one
     * select per row after the statement. A fetch graph of exactly the plan's paths turns those into
     * batched levels.
     */
    private static String eagerInRootStatement(EntityType<?> root, List<Level> levels, MappingMetamodel mapping) {
        Set<String> found = new TreeSet<>();
        eagerNotJoined(mapping, root.getJavaType(), levels, found);
        Deque<Level> joined = new ArrayDeque<>();
        levels.stream().filter(l -> l.kind() == Level.Kind.JOIN).forEach(joined::add);
        while (!joined.isEmpty()) {
            Level l = joined.poll();
            eagerNotJoined(mapping, l.step().target().getJavaType(), l.children(), found);
            l.children().stream().filter(c -> c.kind() == Level.Kind.JOIN).forEach(joined::add);
        }
        return found.isEmpty() ? null : String.join(", ", found) + (found.size() == 1 ? " is" : " are") + " mapped EAGER";
    }

    private static void eagerNotJoined(MappingMetamodel mapping, Class<?> type, List<Level> children, Set<String> found) {
        Set<String> joined = new HashSet<>();
        children.stream().filter(c -> c.kind() == Level.Kind.JOIN).forEach(c -> joined.add(c.step().attribute()));
        for (EntityMappingType t : hierarchyBelow(mapping, type)) {
            for (EagerMapping.Attribute a : EagerMapping.of(t.getEntityPersister()).attributes()) {
                if (!joined.contains(a.name())) {
                    found.add(simple(t.getEntityName()) + "." + a.name());
                }
            }
        }
    }

    /** Whether any entity the plan loads, or that an EAGER association leads to from one, maps an association EAGER. */
    private static boolean eagerReachable(EntityType<?> root, List<Level> levels, MappingMetamodel mapping) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        todo.add(mapping.getEntityDescriptor(root.getJavaType()).getEntityName());
        List<Level> all = new ArrayList<>(levels);
        for (int i = 0; i < all.size(); i++) {
            Level l = all.get(i);
            if (l.step().target() != null) {
                todo.add(mapping.getEntityDescriptor(l.step().target().getJavaType()).getEntityName());
            }
            all.addAll(l.children());
        }
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name)) {
                continue;
            }
            for (String sub : mapping.getEntityDescriptor(name).getSubclassEntityNames()) {
                EagerMapping m = EagerMapping.of(mapping.getEntityDescriptor(sub));
                if (!m.isEmpty()) {
                    return true;
                }
                if (!sub.equals(name)) {
                    todo.add(sub);
                }
            }
        }
        return false;
    }

    private static List<EntityMappingType> hierarchyBelow(MappingMetamodel mapping, Class<?> type) {
        EntityMappingType t = mapping.getEntityDescriptor(type);
        List<EntityMappingType> out = new ArrayList<>();
        for (String name : t.getSubclassEntityNames()) {
            out.add(mapping.getEntityDescriptor(name));
        }
        return out;
    }

    private static String simple(String entityName) {
        return entityName.substring(entityName.lastIndexOf('.') + 1);
    }
}
