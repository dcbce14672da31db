package dev.eagerdsl.spring.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database of a test context: H2 in memory (Boot's embedded default) unless
 * {@code -Deagerdsl.test.db=postgres}, then an embedded PostgreSQL started once per JVM (no Docker),
 * with a database of its own for each context.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    public static boolean isPostgres() {
        return "postgres".equals(System.getProperty("eagerdsl.test.db", "h2"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!isPostgres()) {
            return;
        }
        String name = "shop" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        TestPropertyValues.of(
                "spring.datasource.url=" + pg.getJdbcUrl("postgres", name),
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context);
    }

    private static synchronized EmbeddedPostgres server() {
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
        return postgres;
    }
}
