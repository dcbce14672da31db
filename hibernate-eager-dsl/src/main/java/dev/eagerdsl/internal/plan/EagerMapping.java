package dev.eagerdsl.internal.plan;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.engine.FetchTiming;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.internal.ToOneAttributeMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The associations an entity maps EAGER (JPA's default for a to-one): Hibernate loads them with one
 * select per owner or per target right after any statement that loads the entity, unless a plan
 * loads them first, in batches.
 *
 * @param attributes the EAGER associations of one concrete entity class, by their position in its state
 */
public record EagerMapping(List<Attribute> attributes) {

    /** No EAGER association. */
    public static final EagerMapping NONE = new EagerMapping(List.of());

    /**
     * One EAGER association.
     *
     * @param name the attribute name
     * @param position its index in the entity's state array
     * @param role the collection role, or {@code null} for a to-one
     * @param target the entity name a to-one leads to (or a collection's element entity), or {@code null}
     */
    public record Attribute(String name, int position, String role, String target) {

        /** @return whether it is a collection */
        public boolean collection() {
            return role != null;
        }
    }

    /** @return whether the entity has no EAGER association */
    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /**
     * @param persister a concrete entity's persister
     * @return its EAGER associations (those inside embeddables are left to Hibernate)
     */
    public static EagerMapping of(EntityPersister persister) {
        List<Attribute> out = new ArrayList<>();
        int n = persister.getNumberOfAttributeMappings();
        for (int i = 0; i < n; i++) {
            AttributeMapping a = persister.getAttributeMapping(i);
            if (a.getMappedFetchOptions().getTiming() != FetchTiming.IMMEDIATE) {
                continue;
            }
            if (a instanceof PluralAttributeMapping p) {
                var element = p.getElementDescriptor().getPartMappingType();
                String target = element instanceof org.hibernate.metamodel.mapping.EntityMappingType e ? e.getEntityName() : null;
                out.add(new Attribute(a.getAttributeName(), a.getStateArrayPosition(), p.getCollectionDescriptor().getRole(), target));
            } else if (a instanceof ToOneAttributeMapping t) {
                out.add(new Attribute(a.getAttributeName(), a.getStateArrayPosition(), null,
                        t.getAssociatedEntityMappingType().getEntityName()));
            }
        }
        return out.isEmpty() ? NONE : new EagerMapping(List.copyOf(out));
    }
}
