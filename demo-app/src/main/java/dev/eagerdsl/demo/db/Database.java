package dev.eagerdsl.demo.db;

import dev.eagerdsl.demo.model.Author;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Lesson;
import dev.eagerdsl.demo.model.Product;
import dev.eagerdsl.demo.model.Student;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The demo's database and Hibernate {@link SessionFactory}. {@code -Ddemo.db} chooses it:
 * {@code h2} (default, in memory), {@code postgres} (an embedded PostgreSQL 17 started here, no
 * Docker), or a JDBC URL (with {@code -Ddemo.user} / {@code -Ddemo.password}) of an empty scratch
 * database: the demo creates its tables there and drops them at the end.
 */
public final class Database implements AutoCloseable {

    /** The demo's entities. */
    public static final List<Class<?>> ENTITIES =
            List.of(Author.class, Book.class, Course.class, Lesson.class, Student.class, Category.class, Product.class);

    private final String label;
    private final SessionFactory factory;
    private final SqlCounter sql = new SqlCounter();
    private final EmbeddedPostgres postgres;

    private Database(String label, Map<String, String> jdbc, EmbeddedPostgres postgres, Map<String, String> extra) {
        this.label = label;
        this.postgres = postgres;
        Configuration cfg = new Configuration();
        ENTITIES.forEach(cfg::addAnnotatedClass);
        jdbc.forEach(cfg::setProperty);
        cfg.setProperty("hibernate.hbm2ddl.auto", "create-drop");
        cfg.setProperty("hibernate.jdbc.batch_size", "200");
        cfg.setProperty("hibernate.order_inserts", "true");
        // A prefetch level takes up to 1,000 owners per statement on PostgreSQL, MySQL, MariaDB and most databases,
        // but 16 on H2 by default (H2 checks an IN list item by item on every row it reads, so short lists are
        // faster there). The demo shows the statements as most databases run them, on H2 too.
        cfg.setProperty("eagerdsl.in_chunk_size", "1000");
        extra.forEach(cfg::setProperty);
        if (!extra.containsKey("hibernate.session_factory.statement_inspector")) {
            // docs:begin gs-inspector
            cfg.getProperties().put("hibernate.session_factory.statement_inspector", sql);  // sql: a SqlCounter
            // docs:end gs-inspector
        }
        this.factory = cfg.buildSessionFactory();
    }

    /**
     * Opens the database named by {@code -Ddemo.db}.
     *
     * @return the started database, tables created and empty
     */
    public static Database fromSystemProperties() {
        return open(System.getProperty("demo.db", "h2"), System.getProperty("demo.user", ""),
                System.getProperty("demo.password", ""), Map.of());
    }

    /**
     * Opens a database.
     *
     * @param db {@code h2}, {@code postgres} or a JDBC URL
     * @param user the user for a JDBC URL
     * @param password the password for a JDBC URL
     * @param hibernateSettings extra Hibernate settings (the comparison tests use batch fetching); a
     *        statement inspector named here replaces the {@link #sql()} counter
     * @return the started database, tables created and empty
     */
    public static Database open(String db, String user, String password, Map<String, String> hibernateSettings) {
        String kind = db == null || db.isBlank() ? "h2" : db.trim();
        if (kind.equals("h2")) {
            String name = "demo" + System.nanoTime();
            return new Database("H2 (in memory)", jdbc("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", ""), null,
                    hibernateSettings);
        }
        if (kind.equals("postgres")) {
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            return new Database("PostgreSQL (embedded)", jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"),
                    pg, hibernateSettings);
        }
        if (kind.startsWith("jdbc:")) {
            return new Database(kind.replaceAll("\\?.*", ""), jdbc(kind, user, password), null, hibernateSettings);
        }
        throw new IllegalArgumentException("-Ddemo.db=" + db + " is not a database: use h2 (default), postgres "
                + "(embedded PostgreSQL) or a JDBC URL such as jdbc:postgresql://localhost/scratch");
    }

    private static Map<String, String> jdbc(String url, String user, String password) {
        return Map.of("jakarta.persistence.jdbc.url", url, "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password);
    }

    /** @return a short description of the database, with its version */
    public String describe() {
        try (Session s = factory.openSession()) {
            String version = s.doReturningWork(c -> c.getMetaData().getDatabaseProductVersion());
            return label + ", " + version.replaceAll(" .*", "");
        }
    }

    /** @return the Hibernate session factory */
    public SessionFactory factory() {
        return factory;
    }

    /** @return the statement counter of this factory */
    public SqlCounter sql() {
        return sql;
    }

    @Override
    public void close() {
        factory.close();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the process is being stopped anyway
            }
        }
    }
}
