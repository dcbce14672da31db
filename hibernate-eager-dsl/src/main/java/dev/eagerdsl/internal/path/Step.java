package dev.eagerdsl.internal.path;

import jakarta.persistence.metamodel.EntityType;

/**
 * One association on a resolved path: the entity that owns it, the attribute (dotted when it sits
 * inside an embeddable, e.g. {@code address.city}), and where it leads.
 *
 * @param owner the entity type that declares the attribute (a subtype of the previous target when
 *              {@code narrowed})
 * @param attribute the attribute path inside the owner, e.g. {@code author} or {@code address.city}
 * @param kind to-one or collection
 * @param target the entity the association leads to, or {@code null} for an element collection
 * @param optional whether a to-one may be null
 * @param narrowed whether the attribute is declared on a subclass of the previous step's target
 * @param path the whole path from the root up to and including this step
 */
public record Step(EntityType<?> owner, String attribute, Kind kind, EntityType<?> target, boolean optional,
                   boolean narrowed, String path) {

    /** What an association holds. */
    public enum Kind {
        /** many-to-one or one-to-one */
        TO_ONE,
        /** one-to-many, many-to-many or element collection */
        COLLECTION
    }

    /** @return the entity name of the owner, as HQL names it */
    public String ownerName() {
        return owner.getName();
    }

    /** @return whether the step is a collection */
    public boolean isCollection() {
        return kind == Kind.COLLECTION;
    }
}
