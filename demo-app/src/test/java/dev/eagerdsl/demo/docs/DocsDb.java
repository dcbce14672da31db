package dev.eagerdsl.demo.docs;

import dev.eagerdsl.demo.dao.Seeder;
import dev.eagerdsl.demo.db.Database;
import dev.eagerdsl.demo.db.SqlCounter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hibernate.Session;

/** The demo's seeded database, shared by the docs examples; each example runs in its own session. */
final class DocsDb {

    private static Database db;

    private DocsDb() {
    }

    /** @return the shared database, seeded on first use */
    static synchronized Database db() {
        if (db == null) {
            db = open(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        }
        return db;
    }

    /**
     * @param hibernateSettings extra settings, such as {@code hibernate.default_batch_fetch_size}
     * @return a new seeded database on the configured kind (close it)
     */
    static Database open(Map<String, String> hibernateSettings) {
        Database d = Database.open(System.getProperty("demo.db", "h2"), System.getProperty("demo.user", ""),
                System.getProperty("demo.password", ""), hibernateSettings);
        new Seeder(d.factory()).seed(rows -> { });
        return d;
    }

    /** @return whether the examples run on H2, the database whose SQL the pages show */
    static boolean isH2() {
        return System.getProperty("demo.db", "h2").equals("h2");
    }

    /** @return the statement counter of the shared database */
    static SqlCounter sql() {
        return db().sql();
    }

    /** @return the statements run since the session of {@link #inSession} started */
    static List<String> statements() {
        return sql().statements();
    }

    /** Runs {@code work} in a new session and transaction (rolled back); statements are counted from its start. */
    static void inSession(Consumer<Session> work) {
        inSession(db(), work);
    }

    /** Runs {@code work} on {@code database} in a new session and transaction (rolled back). */
    static void inSession(Database database, Consumer<Session> work) {
        try (Session session = database.factory().openSession()) {
            session.beginTransaction();
            try {
                database.sql().clear();
                work.accept(session);
            } finally {
                session.getTransaction().rollback();
            }
        }
    }
}
