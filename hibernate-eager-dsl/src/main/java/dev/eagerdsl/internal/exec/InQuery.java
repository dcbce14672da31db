package dev.eagerdsl.internal.exec;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.FlushMode;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.SelectionQuery;

/**
 * An HQL statement whose {@code in (:name)} takes a chunk of values: one single-valued parameter per
 * value, their number rounded up to a power of two (at most the chunk) and padded by repeating the
 * last value. Hibernate does not cache the SQL of a statement with a list parameter (it translates it
 * again at every execution); this one it caches, with a few sizes per shape. Never flushes: like
 * Hibernate's own lazy loading, a plan leaves the user's pending changes alone.
 */
final class InQuery {

    /** Expanded HQL by (HQL, size): a handful of sizes per statement shape. */
    private static final ConcurrentHashMap<String, String> EXPANDED = new ConcurrentHashMap<>();

    private InQuery() {
    }

    @SuppressWarnings("deprecation")
    static <R> SelectionQuery<R> of(SharedSessionContractImplementor session, String hql, String name, List<?> values, int chunk,
                                    Class<R> type) {
        int size = bucket(values.size(), chunk);
        if (EXPANDED.size() > 10_000) {
            EXPANDED.clear();
        }
        String expanded = EXPANDED.computeIfAbsent(hql + '\u0000' + size, k -> expand(hql, name, size));
        SelectionQuery<R> q = session.createSelectionQuery(expanded, type);
        q.setHibernateFlushMode(FlushMode.MANUAL);
        int last = values.size() - 1;
        for (int i = 0; i < size; i++) {
            q.setParameter(name + i, values.get(Math.min(i, last)));
        }
        return q;
    }

    /** @return {@code n} rounded up to a power of two, at most {@code chunk} (and never below {@code n}) */
    static int bucket(int n, int chunk) {
        int b = 1;
        while (b < n) {
            b <<= 1;
        }
        return Math.max(n, Math.min(b, chunk));
    }

    private static String expand(String hql, String name, int size) {
        String marker = "(:" + name + ")";
        int at = hql.indexOf(marker);
        if (at < 0 || hql.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("Expected one " + marker + " in " + hql);
        }
        StringBuilder sb = new StringBuilder(hql.length() + size * (name.length() + 4)).append(hql, 0, at).append('(');
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? ":" : ", :").append(name).append(i);
        }
        return sb.append(')').append(hql, at + marker.length(), hql.length()).toString();
    }
}
