package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.internal.path.PrefetchSpec;
import dev.eagerdsl.internal.plan.Hql;
import dev.eagerdsl.internal.plan.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;

/**
 * A filtered prefetch: its own HQL statement per chunk of owners, each owner's matches written into
 * its {@code into} List field (an empty list when nothing matches); the mapped collection is never
 * touched.
 */
final class FilteredLoads {

    private FilteredLoads() {
    }

    /** @return the elements loaded, distinct */
    static List<Object> load(SharedSessionContractImplementor session, Level level, PrefetchSpec spec, List<Object> owners, Chunks chunks) {
        Level.Filter f = level.filter();
        Map<Object, List<Object>> byOwner = new IdentityHashMap<>();
        List<Object> reached = new ArrayList<>();
        int size = chunks.forColumns(session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(level.step().owner().getJavaType()).getIdentifierMapping().getJdbcTypeCount());
        for (List<Object> part : Values.chunks(owners, size)) {
            SelectionQuery<Object[]> q = InQuery.of(session, f.hql(), Hql.OWNERS, part, size, Object[].class);
            spec.params().forEach(q::setParameter);
            for (Object[] row : q.getResultList()) {
                Object owner = Values.real(row[0]);
                byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(row[1]);
                reached.add(row[1]);
            }
        }
        for (Object o : owners) {
            Object real = Values.real(o);
            List<Object> list = byOwner.getOrDefault(real, new ArrayList<>());
            try {
                f.into().set(real, list);
            } catch (IllegalAccessException e) {
                throw new RelatedException("Cannot write into('" + f.into().getName() + "') on " + level.step().ownerName() + ": "
                        + e.getMessage() + ". Make the field accessible (not final, in an open module).", e);
            }
        }
        return Values.distinct(reached);
    }
}
