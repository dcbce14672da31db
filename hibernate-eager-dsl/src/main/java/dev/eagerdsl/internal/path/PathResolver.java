package dev.eagerdsl.internal.path;

import dev.eagerdsl.RelatedException;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EmbeddableType;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.ManagedType;
import jakarta.persistence.metamodel.Metamodel;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Matches every segment of a normalized path to an attribute of the JPA metamodel. Only names that
 * matched an attribute ever reach HQL.
 */
public final class PathResolver {

    private final Metamodel metamodel;

    /** @param metamodel the factory's metamodel */
    public PathResolver(Metamodel metamodel) {
        this.metamodel = metamodel;
    }

    /**
     * @param root a class
     * @return its entity type
     * @throws RelatedException if the class is not an entity of this factory
     */
    public EntityType<?> entity(Class<?> root) {
        if (root == null) {
            throw new RelatedException("The root class is null: pass the entity class, e.g. list(session, Book.class).");
        }
        for (EntityType<?> e : metamodel.getEntities()) {
            if (e.getJavaType() == root) {
                return e;
            }
        }
        TreeSet<String> names = new TreeSet<>();
        metamodel.getEntities().forEach(e -> names.add(e.getName()));
        throw new RelatedException(root.getName() + " is not an entity of this SessionFactory. Entities are: "
                + String.join(", ", names) + ". Pass one of them (annotated @Entity and listed in the persistence unit).");
    }

    /**
     * @param root the root entity
     * @param path a normalized dotted path
     * @return one step per association
     */
    public List<Step> resolve(EntityType<?> root, String path) {
        String[] segments = path.split("\\.");
        List<Step> steps = new ArrayList<>();
        ManagedType<?> current = root;
        EntityType<?> currentEntity = root;
        String embeddedPrefix = "";
        StringBuilder soFar = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            soFar.append(i == 0 ? "" : ".").append(seg);
            if (current == null) {
                throw new RelatedException("Invalid path '" + path + "' for " + root.getName() + ": '"
                        + segments[i - 1] + "' is an element collection of basic values; nothing can follow it. Remove '."
                        + String.join(".", java.util.Arrays.copyOfRange(segments, i, segments.length)) + "'.");
            }
            Attribute<?, ?> attr = find(current, seg);
            boolean narrowed = false;
            EntityType<?> owner = currentEntity;
            if (attr == null && current instanceof EntityType<?> et) {
                EntityType<?> sub = subtypeDeclaring(et, seg);
                if (sub != null) {
                    attr = find(sub, seg);
                    narrowed = true;
                    owner = sub;
                }
            }
            if (attr == null) {
                throw unknown(root, path, current, seg, i == 0);
            }
            switch (attr.getPersistentAttributeType()) {
                case BASIC -> throw new RelatedException("Invalid path '" + path + "' for " + root.getName() + ": '" + soFar
                        + "' is a basic attribute (" + attr.getJavaType().getSimpleName() + "), not an association; only associations can be "
                        + "selected or prefetched. Choices" + where(current, i == 0) + " are: " + choices(current) + ".");
                case EMBEDDED -> {
                    if (i == segments.length - 1) {
                        throw new RelatedException("Invalid path '" + path + "' for " + root.getName() + ": '" + soFar
                                + "' is an embeddable (" + attr.getJavaType().getSimpleName() + "), not an association. Name an association inside it: "
                                + choices(((SingularAttribute<?, ?>) attr).getType() instanceof ManagedType<?> m ? m : current)
                                .replaceAll("(\\w+)", seg + ".$1") + ".");
                    }
                    embeddedPrefix += seg + ".";
                    current = (ManagedType<?>) ((SingularAttribute<?, ?>) attr).getType();
                    continue;
                }
                case MANY_TO_ONE, ONE_TO_ONE -> {
                    SingularAttribute<?, ?> s = (SingularAttribute<?, ?>) attr;
                    EntityType<?> target = (EntityType<?>) s.getType();
                    steps.add(new Step(owner, embeddedPrefix + seg, Step.Kind.TO_ONE, target, s.isOptional(), narrowed, soFar.toString()));
                    current = target;
                    currentEntity = target;
                }
                case ONE_TO_MANY, MANY_TO_MANY, ELEMENT_COLLECTION -> {
                    Type<?> element = ((PluralAttribute<?, ?, ?>) attr).getElementType();
                    EntityType<?> target = element instanceof EntityType<?> e ? e : null;
                    steps.add(new Step(owner, embeddedPrefix + seg, Step.Kind.COLLECTION, target, true, narrowed, soFar.toString()));
                    if (target == null && element instanceof EmbeddableType<?> emb && i < segments.length - 1) {
                        throw new RelatedException("Invalid path '" + path + "' for " + root.getName() + ": '" + soFar
                                + "' is an element collection of " + emb.getJavaType().getSimpleName()
                                + "; a path cannot continue through an element collection. Prefetch '" + soFar + "' alone.");
                    }
                    current = target;
                    currentEntity = target;
                }
                default -> throw new RelatedException("Invalid path '" + path + "' for " + root.getName() + ": '" + soFar
                        + "' is not an association.");
            }
            embeddedPrefix = "";
        }
        return steps;
    }

    private RelatedException unknown(EntityType<?> root, String path, ManagedType<?> on, String seg, boolean first) {
        List<String> choiceList = choiceList(on);
        StringBuilder msg = new StringBuilder("Invalid path '").append(path).append("' for ").append(root.getName())
                .append(": no attribute '").append(seg).append("'");
        if (!first) {
            msg.append(" on ").append(typeName(on));
        }
        msg.append(". Choices are: ").append(choiceList.isEmpty() ? "(none: " + typeName(on) + " has no associations)" : String.join(", ", choiceList)).append('.');
        if (first && isEntityName(seg) && path.contains(".")) {
            msg.append(" A path starts at an attribute of the root entity ").append(root.getName())
                    .append(", not at an entity name: write '").append(path.substring(path.indexOf('.') + 1)).append("'.");
        } else {
            String suggestion = Suggestions.closest(seg, choiceList);
            if (suggestion != null) {
                msg.append(" Did you mean '").append(suggestion).append("'?");
            }
        }
        return new RelatedException(msg.toString());
    }

    private boolean isEntityName(String seg) {
        for (EntityType<?> e : metamodel.getEntities()) {
            if (e.getName().equalsIgnoreCase(seg)) {
                return true;
            }
        }
        return false;
    }

    private static String where(ManagedType<?> on, boolean first) {
        return first ? "" : " on " + typeName(on);
    }

    private static String typeName(ManagedType<?> t) {
        return t instanceof EntityType<?> e ? e.getName() : t.getJavaType().getSimpleName();
    }

    private static String choices(ManagedType<?> t) {
        List<String> l = choiceList(t);
        return l.isEmpty() ? "(none)" : String.join(", ", l);
    }

    /** The association attributes (and embeddables) of a type, sorted. */
    static List<String> choiceList(ManagedType<?> t) {
        TreeSet<String> names = new TreeSet<>();
        for (Attribute<?, ?> a : t.getAttributes()) {
            if (a.isAssociation() || a.isCollection() || a.getPersistentAttributeType() == Attribute.PersistentAttributeType.EMBEDDED) {
                names.add(a.getName());
            }
        }
        return new ArrayList<>(names);
    }

    private static Attribute<?, ?> find(ManagedType<?> t, String name) {
        for (Attribute<?, ?> a : t.getAttributes()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    private EntityType<?> subtypeDeclaring(EntityType<?> base, String name) {
        List<EntityType<?>> declaring = new ArrayList<>();
        for (EntityType<?> e : metamodel.getEntities()) {
            if (e != base && base.getJavaType().isAssignableFrom(e.getJavaType()) && find(e, name) != null) {
                declaring.add(e);
            }
        }
        // keep the most general subtypes: those with no declaring supertype in the list
        List<EntityType<?>> top = new ArrayList<>();
        for (EntityType<?> e : declaring) {
            boolean covered = declaring.stream().anyMatch(o -> o != e && o.getJavaType().isAssignableFrom(e.getJavaType()));
            if (!covered) {
                top.add(e);
            }
        }
        if (top.size() > 1) {
            TreeSet<String> names = new TreeSet<>();
            top.forEach(e -> names.add(e.getName()));
            throw new RelatedException("Ambiguous attribute '" + name + "' under " + base.getName() + ": it is declared separately on "
                    + String.join(" and ", names) + ". Run the plan on a query of one subclass, or move '" + name
                    + "' to a common superclass.");
        }
        return top.isEmpty() ? null : top.get(0);
    }

}
