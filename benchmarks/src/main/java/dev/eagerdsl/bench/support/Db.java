package dev.eagerdsl.bench.support;

import dev.eagerdsl.bench.model.Author;
import dev.eagerdsl.bench.model.Award;
import dev.eagerdsl.bench.model.Book;
import dev.eagerdsl.bench.model.Category;
import dev.eagerdsl.bench.model.Course;
import dev.eagerdsl.bench.model.Customer;
import dev.eagerdsl.bench.model.CustomerOrder;
import dev.eagerdsl.bench.model.Lecture;
import dev.eagerdsl.bench.model.Offering;
import dev.eagerdsl.bench.model.Product;
import dev.eagerdsl.bench.model.Seminar;
import dev.eagerdsl.bench.model.Student;
import dev.eagerdsl.bench.model.SubselectCourse;
import dev.eagerdsl.bench.model.SubselectLecture;
import dev.eagerdsl.bench.model.SubselectOffering;
import dev.eagerdsl.bench.model.SubselectSeminar;
import dev.eagerdsl.bench.model.SubselectWideCourse;
import dev.eagerdsl.bench.model.Tag;
import dev.eagerdsl.bench.model.WideCourse;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * One benchmark database ({@code h2}: in memory, in the benchmark's own JVM; {@code pg}: PostgreSQL
 * on loopback, started once by {@code BenchMain} and passed to every fork as
 * {@code -Dbench.pg.url}, or started here when run without it; {@code mariadb}: MariaDB the same
 * way, as {@code -Dbench.mariadb.url}), its data and its SessionFactories.
 */
public final class Db {

    /** The SessionFactory variants: the same mapping, different global fetch settings. */
    public enum Variant {
        /** No fetch tuning: what an application has before it tunes anything. */
        PLAIN(0),
        /** {@code hibernate.default_batch_fetch_size=16}. */
        BATCH16(16),
        /** {@code hibernate.default_batch_fetch_size=64}. */
        BATCH64(64);

        final int batchSize;

        Variant(int batchSize) {
            this.batchSize = batchSize;
        }
    }

    public static final String PG_URL = "bench.pg.url";
    public static final String MARIADB_URL = EmbeddedMariaDb.URL;
    private static final Map<String, Db> OPEN = new HashMap<>();
    private static EmbeddedPostgres embedded;

    private final String kind;
    private final Pool pool;
    private final Map<Variant, SessionFactory> factories = new EnumMap<>(Variant.class);

    private Db(String kind, String url, String user, String password) {
        this.kind = kind;
        this.pool = new Pool(url, user, password);
    }

    /**
     * @param kind {@code h2}, {@code h2file} (the stream's), {@code pg} or {@code mariadb}
     * @return the database of this JVM, schema created
     */
    public static synchronized Db open(String kind) {
        Db db = OPEN.get(kind);
        if (db == null) {
            db = switch (kind) {
                case "h2" -> new Db(kind, "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=0", "sa", "");
                // the stream's million customers: in a file, served by the first JVM that opens it (the runner), so
                // that they do not live in the 256 MB heap of the benchmark's fork
                case "h2file" -> new Db(kind, "jdbc:h2:file:" + java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                        "eagerdsl-bench", "stream").toAbsolutePath() + ";QUERY_CACHE_SIZE=0;AUTO_SERVER=TRUE", "sa", "");
                case "pg" -> new Db(kind, pgUrl(), "postgres", "postgres");
                case "mariadb" -> new Db(kind, EmbeddedMariaDb.url(), RunConfig.getOrDefault(EmbeddedMariaDb.USER, "root"),
                        RunConfig.getOrDefault(EmbeddedMariaDb.PASSWORD, ""));
                default -> throw new IllegalArgumentException("Unknown database '" + kind + "': use h2, pg or mariadb");
            };
            db.createSchema();
            OPEN.put(kind, db);
        }
        return db;
    }

    /** @return the JDBC URL of the benchmark PostgreSQL, starting an embedded one if none was given */
    public static synchronized String pgUrl() {
        String url = RunConfig.get(PG_URL);
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
        }
        url = embedded.getJdbcUrl("postgres", "postgres");
        System.setProperty(PG_URL, url);
        return url;
    }

    /** @return {@code h2}, {@code pg} or {@code mariadb} */
    public String kind() {
        return kind;
    }

    /** @return a pooled connection for the raw JDBC floor (return it with {@link #release}) */
    public Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param c a connection from {@link #connection()} */
    public void release(Connection c) {
        try {
            pool.closeConnection(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param variant the fetch settings
     * @return the SessionFactory of that variant (built once per JVM)
     */
    public synchronized SessionFactory factory(Variant variant) {
        return factories.computeIfAbsent(variant, v -> build(v, false));
    }

    private SessionFactory build(Variant variant, boolean createSchema) {
        Configuration cfg = new Configuration();
        for (Class<?> c : List.of(Author.class, Book.class, Tag.class, Award.class, Course.class, SubselectCourse.class,
                Student.class, Category.class, Product.class, Customer.class, CustomerOrder.class, WideCourse.class,
                SubselectWideCourse.class, Offering.class, Lecture.class, Seminar.class, SubselectOffering.class,
                SubselectLecture.class, SubselectSeminar.class)) {
            cfg.addAnnotatedClass(c);
        }
        if (kind.equals("mariadb")) {
            // MariaDB on Linux compares table names case-sensitively: Hibernate would create "Book", the data sets
            // and the raw JDBC alternatives read "book" (PostgreSQL and H2 fold unquoted names, so both work there)
            cfg.setPhysicalNamingStrategy(new LowerCaseTables());
        }
        cfg.getProperties().put("hibernate.connection.provider_class", pool);
        cfg.setProperty("hibernate.show_sql", Boolean.toString(Boolean.getBoolean("bench.sql")));
        cfg.setProperty("hibernate.generate_statistics", "false");
        cfg.setProperty("hibernate.hbm2ddl.auto", createSchema ? "create" : "none");
        if (variant.batchSize > 0) {
            cfg.setProperty("hibernate.default_batch_fetch_size", Integer.toString(variant.batchSize));
        }
        return cfg.buildSessionFactory();
    }

    private void createSchema() {
        if (tableExists("bench_meta")) {
            return;
        }
        build(Variant.PLAIN, true).close();
        sql("create table bench_meta (dataset varchar(40) primary key, size bigint not null)");
        // Hibernate creates foreign keys, not indexes on them; every application that reads by them has these
        sql("create index book_author on book(author_id)");
        sql("create index book_tag_book on book_tag(book_id)");
        sql("create index award_author on award(author_id)");
        sql("create index course_student_course on course_student(course_id)");
        sql("create index wide_course_student_course on wide_course_student(course_id)");
        sql("create index offering_student_offering on offering_student(offering_id)");
        sql("create index product_category on product(category_id)");
        sql("create index customer_order_customer on customer_order(customer_id)");
    }

    private boolean tableExists(String table) {
        Connection c = connection();
        try (Statement s = c.createStatement()) {
            s.executeQuery("select count(*) from " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            release(c);
        }
    }

    /**
     * Loads a data set unless it is there already with at least {@code size} rows of its root.
     *
     * @param dataset what to load
     * @param size the number of roots ({@link Dataset#CUSTOMERS} only; others have a fixed size)
     */
    public synchronized void ensure(Dataset dataset, long size) {
        long have = 0;
        Connection c = connection();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select size from bench_meta where dataset = '" + dataset.name() + "'")) {
            if (rs.next()) {
                have = rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            release(c);
        }
        long want = dataset == Dataset.CUSTOMERS ? size : 1;
        if (have >= want) {
            return;
        }
        for (String statement : dataset.sql(this, want)) {
            sql(statement);
        }
        sql("delete from bench_meta where dataset = '" + dataset.name() + "'");
        sql("insert into bench_meta (dataset, size) values ('" + dataset.name() + "', " + want + ")");
        if (kind.equals("pg")) {
            sql("analyze");
        }
    }

    /** @return {@code from}..{@code to} as a row source with column {@code x}, named {@code alias} */
    String range(long from, long to, String alias) {
        return switch (kind) {
            case "h2", "h2file" -> "system_range(" + from + ", " + to + ") " + alias;
            // MariaDB's Sequence engine: a virtual table seq_FROM_to_TO with one column, seq
            case "mariadb" -> "(select seq as x from seq_" + from + "_to_" + to + ") " + alias;
            default -> "generate_series(" + from + ", " + to + ") as " + alias + "(x)";
        };
    }

    void sql(String statement) {
        Connection c = connection();
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        } finally {
            release(c);
        }
    }

    /** Closes every factory and connection of this JVM. */
    public static synchronized void closeAll() {
        for (Db db : OPEN.values()) {
            db.factories.values().forEach(SessionFactory::close);
            db.pool.closeAll();
        }
        OPEN.clear();
    }
}
