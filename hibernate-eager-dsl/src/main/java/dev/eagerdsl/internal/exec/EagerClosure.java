package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.plan.EagerMapping;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Loads what the entities a plan loaded map EAGER and the plan did not name, in batches: its
 * statements ran with a fetch graph of exactly the plan's paths, so Hibernate left those associations
 * for later instead of loading them with one select per owner or target. Round by round, every
 * uninitialized EAGER collection of one role is one statement per chunk of owners, every unloaded
 * EAGER to-one of one entity one statement per chunk of targets, until nothing EAGER is left.
 */
final class EagerClosure {

    private EagerClosure() {
    }

    /**
     * @param session the session
     * @param loaded the entities the plan's statements loaded (proxies and duplicates are fine)
     * @param chunks the statement sizes
     */
    static void run(SharedSessionContractImplementor session, Collection<?> loaded, Chunks chunks) {
        Loaders loaders = Loaders.of(session.getFactory());
        Map<Object, Boolean> visited = new IdentityHashMap<>();
        List<Object> frontier = new ArrayList<>(loaded);
        while (!frontier.isEmpty()) {
            Map<String, List<PersistentCollection<?>>> collections = new LinkedHashMap<>();
            List<Object> references = new ArrayList<>();
            List<Object> next = new ArrayList<>();
            for (Object o : frontier) {
                Object entity = Values.real(o);
                if (entity == null || visited.put(entity, Boolean.TRUE) != null) {
                    continue;
                }
                EntityPersister persister = session.getEntityPersister(null, entity);
                EagerMapping eager = loaders.eager(persister);
                for (EagerMapping.Attribute a : eager.attributes()) {
                    Object value = persister.getPropertyValue(entity, a.position());
                    if (value == null) {
                        continue;
                    }
                    if (a.collection()) {
                        if (value instanceof PersistentCollection<?> c && !c.wasInitialized()) {
                            collections.computeIfAbsent(a.role(), r -> new ArrayList<>()).add(c);
                        } else if (a.target() != null) {
                            Values.addElements(value, next);
                        }
                    } else if (Values.isUninitializedProxy(value)) {
                        references.add(value);
                    } else {
                        next.add(value);
                    }
                }
            }
            for (Map.Entry<String, List<PersistentCollection<?>>> e : collections.entrySet()) {
                CollectionPersister persister = session.getFactory().getMappingMetamodel().getCollectionDescriptor(e.getKey());
                CollectionLoads.load(session, persister, e.getValue(), chunks);
                if (persister.getElementType().isEntityType()) {
                    for (PersistentCollection<?> c : e.getValue()) {
                        if (c.wasInitialized()) {
                            Values.addElements(c, next);
                        }
                    }
                }
            }
            if (!references.isEmpty()) {
                EntityLoads.load(session, references, chunks);
                next.addAll(references);
            }
            frontier = next;
        }
    }
}
