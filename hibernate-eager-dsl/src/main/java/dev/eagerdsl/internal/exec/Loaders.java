package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.plan.EagerMapping;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.graph.GraphSemantic;
import org.hibernate.graph.spi.RootGraphImplementor;
import org.hibernate.loader.ast.spi.BatchLoaderFactory;
import org.hibernate.loader.ast.spi.CollectionBatchLoader;
import org.hibernate.loader.ast.spi.EntityBatchLoader;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Hibernate's own batch loaders (those behind {@code @BatchSize}), built once per factory, role and
 * size and reused: their SQL is translated when they are built, so a level costs a bind and an
 * execution. Each runs with a fetch graph holding none of the loaded entity's associations, so that
 * what those entities map EAGER is left for the plan to load in batches instead of one select per
 * row. Where the session has filters or fetch profiles enabled, a loader is built for that one load
 * with the session's influencers, as Hibernate itself does.
 */
final class Loaders {

    private static final Map<SessionFactoryImplementor, Loaders> BY_FACTORY = new ConcurrentHashMap<>();

    private final SessionFactoryImplementor factory;
    private final Map<String, CollectionBatchLoader> collections = new ConcurrentHashMap<>();
    private final Map<String, EntityBatchLoader<?>> entities = new ConcurrentHashMap<>();
    private final Map<EntityPersister, EagerMapping> eager = new ConcurrentHashMap<>();

    private Loaders(SessionFactoryImplementor factory) {
        this.factory = factory;
    }

    static Loaders of(SessionFactoryImplementor sf) {
        return BY_FACTORY.computeIfAbsent(sf, Loaders::new);
    }

    /** @param sf a closing factory */
    static void forget(SessionFactoryImplementor sf) {
        BY_FACTORY.remove(sf);
    }

    /** @return what the concrete entity of {@code persister} maps EAGER */
    EagerMapping eager(EntityPersister persister) {
        return eager.computeIfAbsent(persister, EagerMapping::of);
    }

    private BatchLoaderFactory batchLoaders() {
        return factory.getServiceRegistry().requireService(BatchLoaderFactory.class);
    }

    /**
     * @param session the session the load runs in
     * @param persister the collection
     * @param size how many collections one statement initializes
     * @param load what to do with the loader
     */
    <R> R collection(SharedSessionContractImplementor session, CollectionPersister persister, int size,
                     Function<CollectionBatchLoader, R> load) {
        var mapping = persister.getAttributeMapping();
        var element = persister.getElementType().isEntityType()
                ? factory.getMappingMetamodel().getEntityDescriptor(persister.getElementType().getName()) : null;
        if (usesSessionInfluencers(session)) {
            return withFetchGraph(session, element, inf -> load.apply(batchLoaders().createCollectionBatchLoader(size, inf, mapping, factory)));
        }
        CollectionBatchLoader loader = collections.computeIfAbsent(persister.getRole() + '#' + size,
                k -> batchLoaders().createCollectionBatchLoader(size, influencers(session, element), mapping, factory));
        return load.apply(loader);
    }

    /**
     * @param session the session the load runs in
     * @param persister the entity (the root of the hierarchy is fine)
     * @param size how many entities one statement loads
     * @param load what to do with the loader
     */
    <R> R entity(SharedSessionContractImplementor session, EntityPersister persister, int size, Function<EntityBatchLoader<?>, R> load) {
        if (usesSessionInfluencers(session)) {
            return withFetchGraph(session, persister, inf -> load.apply(batchLoaders().createEntityBatchLoader(size, persister, inf)));
        }
        EntityBatchLoader<?> loader = entities.computeIfAbsent(persister.getEntityName() + '#' + size,
                k -> batchLoaders().createEntityBatchLoader(size, persister, influencers(session, persister)));
        return load.apply(loader);
    }

    private static boolean usesSessionInfluencers(SharedSessionContractImplementor session) {
        LoadQueryInfluencers inf = session.getLoadQueryInfluencers();
        return inf.hasEnabledFilters() || inf.hasEnabledFetchProfiles();
    }

    private LoadQueryInfluencers influencers(SharedSessionContractImplementor session, EntityMappingType loaded) {
        LoadQueryInfluencers inf = new LoadQueryInfluencers(factory);
        if (loaded != null) {
            inf.getEffectiveEntityGraph().applyGraph(emptyGraph(session, loaded), GraphSemantic.FETCH);
        }
        return inf;
    }

    /** Runs {@code work} with the session's influencers and, for its duration, a fetch graph holding no association. */
    private <R> R withFetchGraph(SharedSessionContractImplementor session, EntityMappingType loaded, Function<LoadQueryInfluencers, R> work) {
        LoadQueryInfluencers inf = session.getLoadQueryInfluencers();
        var effective = inf.getEffectiveEntityGraph();
        boolean apply = loaded != null && effective.getGraph() == null;
        if (apply) {
            effective.applyGraph(emptyGraph(session, loaded), GraphSemantic.FETCH);
        }
        try {
            return work.apply(inf);
        } finally {
            if (apply) {
                effective.clear();
            }
        }
    }

    private static RootGraphImplementor<?> emptyGraph(SharedSessionContractImplementor session, EntityMappingType loaded) {
        return (RootGraphImplementor<?>) ((org.hibernate.Session) session).createEntityGraph(loaded.getJavaType().getJavaTypeClass());
    }
}
