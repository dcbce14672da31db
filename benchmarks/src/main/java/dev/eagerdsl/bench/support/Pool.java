package dev.eagerdsl.bench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * A minimal connection pool shared by every SessionFactory of one database and by the raw JDBC
 * floor, so that no alternative pays for opening connections. Hands out counting proxies only
 * during the count pass.
 */
public final class Pool implements ConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final String url;
    private final String user;
    private final String password;
    private final transient ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    Pool(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** @return a pooled connection, in auto-commit mode */
    @Override
    public Connection getConnection() throws SQLException {
        Connection c = idle.pollFirst();
        if (c == null) {
            c = DriverManager.getConnection(url, user, password);
        }
        return Counting.active() ? Counting.wrap(c) : c;
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        // a counting proxy hands unwrap to the connection it wraps
        Connection raw = java.lang.reflect.Proxy.isProxyClass(connection.getClass()) ? connection.unwrap(Connection.class) : connection;
        if (!raw.getAutoCommit()) {
            raw.rollback();
            raw.setAutoCommit(true);
        }
        idle.addFirst(raw);
    }

    /** Closes every idle connection. */
    public void closeAll() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        throw new UnsupportedOperationException(unwrapType.getName());
    }
}
