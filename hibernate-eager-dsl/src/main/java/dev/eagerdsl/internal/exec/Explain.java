package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.plan.CompiledPlan;
import dev.eagerdsl.internal.plan.EagerMapping;
import dev.eagerdsl.internal.plan.Hql;
import dev.eagerdsl.internal.plan.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.MappingMetamodel;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * {@code plan.explain(Root.class)}: one line per statement the plan runs for every row of the root
 * entity. The first line is the root statement as runnable HQL; the form it runs in, when not plain
 * HQL, and why, follows as a {@code --} line; then one line per level and per implicit EAGER level.
 */
final class Explain {

    private Explain() {
    }

    static String of(CompiledPlan plan, SharedSessionContractImplementor session) {
        Chunks chunks = new Chunks(session);
        MappingMetamodel mapping = session.getFactory().getMappingMetamodel();
        boolean array = session.getJdbcServices().getDialect().useArrayForMultiValuedParameters();
        StringBuilder sb = new StringBuilder("select r from ").append(plan.root().getName()).append(" r")
                .append(Hql.fetchJoins(plan.levels(), "r", "j"));
        if (plan.fetchGraphReason() != null) {
            sb.append("\n-- runs with a fetch graph of the plan's paths instead of these joins in HQL: ").append(plan.fetchGraphReason())
                    .append(", which Hibernate would load with one select per row; the plan loads them as batched levels below");
        } else if (plan.hasJoins() && !plan.rewritable()) {
            sb.append("\n-- runs with a load graph of the plan's paths: a path goes through an embeddable or a subclass,"
                    + " which a fetch join written into the query's HQL cannot name");
        }
        Set<String> planned = new HashSet<>();
        for (Level l : plan.breadthFirst()) {
            if (l.step().isCollection() && l.role() != null) {
                planned.add(l.role());
            }
            if (!l.runsStatements()) {
                continue;
            }
            sb.append("\nprefetch ").append(l.path()).append(": ");
            String owner = l.step().ownerName();
            switch (l.kind()) {
                case FILTERED -> sb.append(l.filter().hql()).append("  -- into ").append(l.filter().into().getName())
                        .append(", 1 statement per ").append(chunks.forColumns(idColumns(mapping, l))).append(' ').append(owner).append(" owners");
                case COLLECTION -> {
                    CollectionPersister p = mapping.getCollectionDescriptor(l.role());
                    sb.append(collectionLine(p, chunks, array));
                }
                default -> {
                    EntityPersister p = mapping.getEntityDescriptor(l.step().target().getJavaType());
                    sb.append(entityLine(p, chunks, array));
                }
            }
        }
        if (plan.eager()) {
            for (String line : eagerLines(plan, session, chunks, array, planned)) {
                sb.append('\n').append(line);
            }
        }
        return sb.toString();
    }

    private static int idColumns(MappingMetamodel mapping, Level l) {
        return mapping.getEntityDescriptor(l.step().owner().getJavaType()).getIdentifierMapping().getJdbcTypeCount();
    }

    private static String collectionLine(CollectionPersister p, Chunks chunks, boolean array) {
        String owner = simple(p.getOwnerEntityPersister().getEntityName());
        boolean single = p.getAttributeMapping().getKeyDescriptor().getJdbcTypeCount() == 1;
        return simple(p.getRole()) + " by Hibernate's collection batch loader (key " + (array && single ? "= any(?)" : "in (?, ...)")
                + "), 1 statement per " + chunks.owners(p) + " " + owner + " owners";
    }

    private static String entityLine(EntityPersister p, Chunks chunks, boolean array) {
        boolean single = p.getIdentifierMapping().getJdbcTypeCount() == 1;
        return simple(p.getEntityName()) + " by Hibernate's entity batch loader (id " + (array && single ? "= any(?)" : "in (?, ...)")
                + "), 1 statement per " + chunks.entities(p) + " " + simple(p.getEntityName()) + " not loaded yet";
    }

    /** The EAGER associations the plan's entities may hold, each a batched level once the plan's own levels ran. */
    private static Set<String> eagerLines(CompiledPlan plan, SharedSessionContractImplementor session, Chunks chunks, boolean array,
                                          Set<String> planned) {
        MappingMetamodel mapping = session.getFactory().getMappingMetamodel();
        Loaders loaders = Loaders.of(session.getFactory());
        Set<String> lines = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(mapping.getEntityDescriptor(plan.root().getJavaType()).getEntityName());
        for (Level l : plan.breadthFirst()) {
            if (l.step().target() != null) {
                todo.add(mapping.getEntityDescriptor(l.step().target().getJavaType()).getEntityName());
            }
        }
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name)) {
                continue;
            }
            EntityPersister persister = mapping.getEntityDescriptor(name);
            for (String sub : persister.getSubclassEntityNames()) {
                if (!sub.equals(name)) {
                    todo.add(sub);
                }
            }
            for (EagerMapping.Attribute a : loaders.eager(persister).attributes()) {
                if (a.collection()) {
                    if (!planned.contains(a.role())) {
                        lines.add("eager " + simple(a.role()) + ": " + collectionLine(mapping.getCollectionDescriptor(a.role()), chunks, array)
                                + " (mapped EAGER)");
                    }
                } else {
                    lines.add("eager " + simple(name) + "." + a.name() + ": " + entityLine(mapping.getEntityDescriptor(a.target()), chunks, array)
                            + " (mapped EAGER)");
                }
                if (a.target() != null) {
                    todo.add(a.target());
                }
            }
        }
        return lines;
    }

    private static String simple(String name) {
        return shorten(name);
    }

    /** {@code dev.eagerdsl.model.Book.tags} to {@code Book.tags}, {@code dev.eagerdsl.model.Book} to {@code Book} */
    private static String shorten(String name) {
        String[] parts = name.split("\\.");
        int i = parts.length - 1;
        while (i > 0 && !Character.isUpperCase(parts[i].charAt(0))) {
            i--;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, i, parts.length));
    }
}
