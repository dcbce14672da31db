package dev.eagerdsl.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The database the suite runs on: {@code -Deagerdsl.test.db=h2} (default), {@code postgres} or
 * {@code mariadb}. PostgreSQL and MariaDB are started by the test run itself (embedded, no Docker),
 * unless {@code -Deagerdsl.test.pg.url=jdbc:postgresql://host/db} or
 * {@code -Deagerdsl.test.mariadb.url=jdbc:mariadb://host/db} (with {@code .user}/{@code .password})
 * points at an existing server.
 */
public final class Databases {

    private static EmbeddedPostgres postgres;

    private Databases() {
    }

    /** @return {@code h2}, {@code postgres} or {@code mariadb} */
    public static String kind() {
        String kind = System.getProperty("eagerdsl.test.db", "h2");
        if (!List.of("h2", "postgres", "mariadb").contains(kind)) {
            throw new IllegalArgumentException("-Deagerdsl.test.db=" + kind + " is not a database of the suite: use h2, postgres or mariadb");
        }
        return kind;
    }

    /** @return whether the suite runs on MariaDB */
    public static boolean isMariaDb() {
        return kind().equals("mariadb");
    }

    /**
     * @return owners per prefetch statement by default on this database: 16 on H2 (which checks an
     *         {@code IN} list item by item on every row), 1,000 elsewhere
     */
    public static int ownersPerStatement() {
        return kind().equals("h2") ? 16 : 1000;
    }

    /** @return how many statements a level of {@code owners} owners takes by default on this database */
    public static int chunks(int owners) {
        int per = ownersPerStatement();
        return (owners + per - 1) / per;
    }

    /** @return whether the suite runs on PostgreSQL */
    public static boolean isPostgres() {
        return kind().equals("postgres");
    }

    /**
     * @param name a database name, so that independent factories do not share tables on H2 and the embedded MariaDB
     * @return JDBC settings for Hibernate
     */
    public static synchronized Map<String, String> jdbc(String name) {
        if (isMariaDb()) {
            return MariaDbServer.get().jdbc(name);
        }
        if (!isPostgres()) {
            return Map.of("jakarta.persistence.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                    "jakarta.persistence.jdbc.user", "sa", "jakarta.persistence.jdbc.password", "");
        }
        String external = System.getProperty("eagerdsl.test.pg.url");
        if (external != null && !external.isBlank()) {
            return Map.of("jakarta.persistence.jdbc.url", external,
                    "jakarta.persistence.jdbc.user", System.getProperty("eagerdsl.test.pg.user", "postgres"),
                    "jakarta.persistence.jdbc.password", System.getProperty("eagerdsl.test.pg.password", ""));
        }
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // shutting down anyway
                }
            }));
        }
        return Map.of("jakarta.persistence.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "jakarta.persistence.jdbc.user", "postgres", "jakarta.persistence.jdbc.password", "postgres");
    }

    /** @return the embedded server, for tests that need a second connection (fault injection) */
    public static synchronized EmbeddedPostgres embedded() {
        jdbc("eagerdsl");
        return postgres;
    }
}
