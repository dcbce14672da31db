package dev.eagerdsl.hardening;

import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.Fixtures;
import dev.eagerdsl.testing.MariaDbServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Factories of the hardening tests that must not share tables with the suite's factory: their own
 * H2 database, or their own database on the PostgreSQL or MariaDB server (a second factory with
 * {@code create-drop} on the suite's database would drop the shared fixtures).
 */
final class HardeningDb {

    private HardeningDb() {
    }

    /**
     * @param name a database name of its own
     * @param inspector sees every statement
     * @param entities the annotated classes
     * @param settings more Hibernate settings
     * @return a new factory with its tables created
     */
    static SessionFactory build(String name, StatementInspector inspector, List<Class<?>> entities, Map<String, Object> settings) {
        Configuration cfg = new Configuration();
        entities.forEach(cfg::addAnnotatedClass);
        jdbc(name).forEach(cfg::setProperty);
        cfg.setProperty("hibernate.hbm2ddl.auto", "create-drop");
        cfg.setProperty("hibernate.show_sql", "false");
        cfg.getProperties().put("hibernate.session_factory.statement_inspector", inspector);
        settings.forEach((k, v) -> cfg.getProperties().put(k, v));
        return cfg.buildSessionFactory();
    }

    private static Map<String, String> jdbc(String name) {
        if (Databases.isMariaDb()) {
            return MariaDbServer.get().ownDatabase(name);
        }
        if (!Databases.isPostgres()) {
            return Databases.jdbc(name);
        }
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return Map.of("jakarta.persistence.jdbc.url", pg.getJdbcUrl("postgres", name),
                "jakarta.persistence.jdbc.user", "postgres", "jakarta.persistence.jdbc.password", "postgres");
    }

    /** @return the embedded PostgreSQL server; these tests need its admin connections */
    static EmbeddedPostgres postgres() {
        EmbeddedPostgres pg = Databases.embedded();
        if (pg == null) {
            throw new IllegalStateException("The hardening tests need the embedded PostgreSQL (not -Deagerdsl.test.pg.url)");
        }
        return pg;
    }

    /** @return a new admin connection (autocommit) to {@code database} on the embedded PostgreSQL or the MariaDB server */
    static Connection admin(String database) throws SQLException {
        if (Databases.isMariaDb()) {
            return MariaDbServer.get().admin(database);
        }
        return postgres().getDatabase("postgres", database).getConnection();
    }

    /** Seeds the suite's fixtures ({@link Fixtures}) into another factory's database. */
    static void seedFixtures(SessionFactory sf) {
        try {
            Method seed = Fixtures.class.getDeclaredMethod("seed", SessionFactory.class);
            seed.setAccessible(true);
            seed.invoke(null, sf);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot seed the fixtures", e);
        }
    }

    /** @return every table of the factory's database: name -> its rows as text, sorted; to prove nothing was written or lost */
    static Map<String, List<String>> snapshot(SessionFactory sf) {
        Map<String, List<String>> out = new TreeMap<>();
        sf.inSession(s -> s.doWork(c -> {
            DatabaseMetaData md = c.getMetaData();
            List<String> tables = new ArrayList<>();
            // MariaDB's databases are JDBC catalogs (its schemas are empty); PostgreSQL's and H2's tables are in a schema
            String catalog = Databases.isMariaDb() ? c.getCatalog() : null;
            String schema = Databases.isMariaDb() ? null : Databases.isPostgres() ? "public" : "PUBLIC";
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String t : tables) {
                List<String> rows = new ArrayList<>();
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select * from " + t)) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            row.append(i == 1 ? "" : "|").append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(t.toLowerCase(java.util.Locale.ROOT), rows);
            }
        }));
        return out;
    }

    /** @return rows per table */
    static Map<String, Integer> rowCounts(Map<String, List<String>> snapshot) {
        Map<String, Integer> out = new TreeMap<>();
        snapshot.forEach((t, rows) -> out.put(t, rows.size()));
        return out;
    }
}
