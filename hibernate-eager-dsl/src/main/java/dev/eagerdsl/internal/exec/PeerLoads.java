package dev.eagerdsl.internal.exec;

import java.util.ArrayList;
import java.util.List;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * One association loaded for owners that are already in the session, exactly as one level of a
 * prefetch loads it (Hibernate's batch loaders, one statement per chunk, then what the loaded
 * entities map EAGER, in batches): the guard's {@code FETCH_PEERS} mode. The guard decides which
 * owners are peers; this only loads.
 */
public final class PeerLoads {

    private PeerLoads() {
    }

    /**
     * Initializes the collection {@code role} of every owner that has it uninitialized.
     *
     * @param session the session
     * @param role the collection's role
     * @param attribute the collection's attribute on the owners (dotted inside an embeddable)
     * @param owners managed entities, real (not proxies)
     * @return how many collections were loaded (from the database or the second-level cache)
     */
    public static int collection(SharedSessionContractImplementor session, String role, String attribute, List<Object> owners) {
        CollectionPersister persister = session.getFactory().getMappingMetamodel().getCollectionDescriptor(role);
        List<PersistentCollection<?>> pending = new ArrayList<>();
        for (Object o : owners) {
            if (has(session, o, attribute) && Values.read(session, o, attribute) instanceof PersistentCollection<?> c
                    && !c.wasInitialized()) {
                pending.add(c);
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        Run.inScope(session, () -> {
            Chunks chunks = new Chunks(session);
            CollectionLoads.load(session, persister, pending, chunks);
            if (persister.getElementType().isEntityType() && mapsEager(session, persister.getElementType().getName())) {
                List<Object> elements = new ArrayList<>();
                for (PersistentCollection<?> c : pending) {
                    if (c.wasInitialized()) {
                        Values.addElements(c, elements);
                    }
                }
                EagerClosure.run(session, elements, chunks);
            }
            return null;
        });
        return pending.size();
    }

    /**
     * Loads the target of the to-one {@code attribute} of every owner that holds it as a reference not loaded yet.
     *
     * @param session the session
     * @param attribute the to-one's attribute on the owners (dotted inside an embeddable)
     * @param owners managed entities, real (not proxies)
     * @return how many distinct targets were not loaded before
     */
    public static int toOne(SharedSessionContractImplementor session, String attribute, List<Object> owners) {
        List<Object> references = new ArrayList<>();
        for (Object o : owners) {
            if (has(session, o, attribute)) {
                Object value = Values.read(session, o, attribute);
                if (value != null && Values.isUninitializedProxy(value)) {
                    references.add(value);
                }
            }
        }
        List<Object> distinct = Values.distinct(references);
        if (distinct.isEmpty()) {
            return 0;
        }
        Run.inScope(session, () -> {
            Chunks chunks = new Chunks(session);
            EntityLoads.load(session, distinct, chunks);
            if (mapsEager(session, Values.keyOf(session, distinct.get(0)).getPersister().getRootEntityName())) {
                EagerClosure.run(session, distinct, chunks);
            }
            return null;
        });
        return distinct.size();
    }

    /** @return whether the entity or one of its subclasses maps an association EAGER (then the loaded ones need the closure) */
    private static boolean mapsEager(SharedSessionContractImplementor session, String entityName) {
        var metamodel = session.getFactory().getMappingMetamodel();
        Loaders loaders = Loaders.of(session.getFactory());
        for (String sub : metamodel.getEntityDescriptor(entityName).getSubclassEntityNames()) {
            if (!loaders.eager(metamodel.getEntityDescriptor(sub)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** An owner of a subclass that lacks the attribute (a peer of another branch of the hierarchy) is skipped. */
    private static boolean has(SharedSessionContractImplementor session, Object owner, String attribute) {
        EntityPersister persister = session.getEntityPersister(null, owner);
        int dot = attribute.indexOf('.');
        return persister.findAttributeMapping(dot < 0 ? attribute : attribute.substring(0, dot)) != null;
    }
}
