package dev.eagerdsl.bench.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/** One operation as an application runs it: a session, a transaction, the work, commit, close. */
public final class Tx {

    private static final ConcurrentHashMap<String, String> IN_SQL = new ConcurrentHashMap<>();

    private Tx() {
    }

    /**
     * @param sf the factory
     * @param work what the operation does with its session; returns a checksum of what it read
     * @return the checksum
     */
    public static long read(SessionFactory sf, ToLongFunction<Session> work) {
        try (Session s = sf.openSession()) {
            var tx = s.beginTransaction();
            long sum = work.applyAsLong(s);
            tx.commit();
            return sum;
        }
    }

    /** JDBC work that may throw. */
    @FunctionalInterface
    public interface JdbcWork {
        /**
         * @param c the connection, in a transaction
         * @return a checksum of what it read
         * @throws SQLException on failure
         */
        long run(Connection c) throws SQLException;
    }

    /**
     * @param db the database
     * @param work the raw JDBC operation
     * @return its checksum
     */
    public static long jdbc(Db db, JdbcWork work) {
        Connection c = db.connection();
        try {
            c.setAutoCommit(false);
            long sum = work.run(c);
            c.commit();
            return sum;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            db.release(c);
        }
    }

    /**
     * @param c the connection
     * @param prefix SQL up to the {@code in}, e.g. {@code "... where x.owner_id in "}
     * @param ids the values, bound as parameters
     * @param suffix SQL after the list
     * @return the statement, parameters bound
     * @throws SQLException on failure
     */
    public static PreparedStatement in(Connection c, String prefix, List<Long> ids, String suffix) throws SQLException {
        String sql = IN_SQL.computeIfAbsent(prefix + '\u0000' + ids.size() + '\u0000' + suffix, k -> {
            StringBuilder b = new StringBuilder(prefix).append('(');
            for (int i = 0; i < ids.size(); i++) {
                b.append(i == 0 ? "?" : ",?");
            }
            return b.append(')').append(suffix).toString();
        });
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
        return ps;
    }
}
