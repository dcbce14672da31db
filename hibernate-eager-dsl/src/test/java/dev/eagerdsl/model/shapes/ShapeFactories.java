package dev.eagerdsl.model.shapes;

import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Builds the factories of the mapping-shape models (one per shape, each on a database of its own on H2),
 * like {@code TestDb.build}, with the shape's own settings (a second-level cache, say).
 */
public final class ShapeFactories {

    private ShapeFactories() {
    }

    /**
     * @param name the database name (H2)
     * @param recorder the statement recorder
     * @param entities the annotated classes
     * @param settings further Hibernate settings
     * @return a new factory, tables created
     */
    public static SessionFactory build(String name, SqlRecorder recorder, List<Class<?>> entities, Map<String, Object> settings) {
        Configuration cfg = new Configuration();
        entities.forEach(cfg::addAnnotatedClass);
        Databases.jdbc(name).forEach(cfg::setProperty);
        cfg.setProperty("hibernate.hbm2ddl.auto", "create-drop");
        cfg.getProperties().put("hibernate.session_factory.statement_inspector", recorder);
        cfg.getProperties().putAll(settings);
        SessionFactory sf = cfg.buildSessionFactory();
        Runtime.getRuntime().addShutdownHook(new Thread(sf::close));
        return sf;
    }

    /** Runs {@code work} in a new session and transaction (rolled back), statements counted from its start. */
    public static <R> R inSession(SessionFactory sf, SqlRecorder sql, Function<Session, R> work) {
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            try {
                sql.clear();
                return work.apply(s);
            } finally {
                if (s.getTransaction().isActive()) {
                    s.getTransaction().rollback();
                }
            }
        }
    }

    /** {@link #inSession(SessionFactory, SqlRecorder, Function)} without a result. */
    public static void run(SessionFactory sf, SqlRecorder sql, Consumer<Session> work) {
        inSession(sf, sql, s -> {
            work.accept(s);
            return null;
        });
    }
}
