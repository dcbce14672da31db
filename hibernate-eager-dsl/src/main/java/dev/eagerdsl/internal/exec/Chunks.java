package dev.eagerdsl.internal.exec;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * How many owners or targets one statement of a level takes on this session's database: within
 * every limit the dialect reports or is known for (see {@link ChunkLimits}), composite keys counting
 * one parameter per column.
 */
final class Chunks {

    private final SharedSessionContractImplementor session;
    private final int[] byColumns = new int[8];

    Chunks(SharedSessionContractImplementor session) {
        this.session = session;
    }

    /** @return owners per statement for a collection of this role */
    int owners(CollectionPersister persister) {
        return forColumns(persister.getAttributeMapping().getKeyDescriptor().getJdbcTypeCount());
    }

    /** @return entities per statement for this entity */
    int entities(EntityPersister persister) {
        return forColumns(persister.getIdentifierMapping().getJdbcTypeCount());
    }

    int forColumns(int columns) {
        int c = Math.max(1, columns);
        if (c < byColumns.length && byColumns[c] > 0) {
            return byColumns[c];
        }
        Object configured = session.getFactory().getProperties().get(ChunkLimits.SETTING);
        int size = ChunkLimits.ownersPerStatement(session.getJdbcServices().getDialect(), c, configured);
        if (c < byColumns.length) {
            byColumns[c] = size;
        }
        return size;
    }
}
