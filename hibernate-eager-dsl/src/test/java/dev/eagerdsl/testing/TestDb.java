package dev.eagerdsl.testing;

import dev.eagerdsl.model.*;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The shared SessionFactory of the suite, on the database {@link Databases#kind()} names, with the
 * seeded {@link Fixtures}, and the {@link SqlRecorder} that counts statements.
 */
public final class TestDb {

    /** Every entity of the test model. */
    public static final List<Class<?>> ENTITIES = List.of(Publisher.class, City.class, Author.class, Book.class, Tag.class,
            Review.class, Award.class, Teacher.class, Course.class, Student.class, Category.class, Product.class,
            Employee.class, Song.class, Playlist.class, Shelter.class, Animal.class, Dog.class, Cat.class, Toy.class,
            Vehicle.class, Car.class, Truck.class, Driver.class, PurchaseOrder.class, OrderLine.class, Passport.class,
            Person.class);

    /** The statement recorder of the shared factory. */
    public static final SqlRecorder SQL = new SqlRecorder();

    private static SessionFactory factory;

    private TestDb() {
    }

    /** @return the shared factory, started and seeded on first use */
    public static synchronized SessionFactory factory() {
        if (factory == null) {
            factory = build("eagerdsl", SQL, ENTITIES);
            Fixtures.seed(factory);
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close));
        }
        return factory;
    }

    /**
     * Builds a factory on the suite's database.
     *
     * @param name database name (H2) so independent factories do not share tables
     * @param recorder the statement recorder
     * @param entities the annotated classes
     * @return a new factory (tables created)
     */
    public static SessionFactory build(String name, SqlRecorder recorder, List<Class<?>> entities) {
        Configuration cfg = new Configuration();
        entities.forEach(cfg::addAnnotatedClass);
        Databases.jdbc(name).forEach(cfg::setProperty);
        cfg.setProperty("hibernate.hbm2ddl.auto", "create-drop");
        cfg.setProperty("hibernate.show_sql", "false");
        cfg.getProperties().put("hibernate.session_factory.statement_inspector", recorder);
        return cfg.buildSessionFactory();
    }

    /** Runs {@code work} in a new session and transaction (rolled back), statements counted from its start. */
    public static void inSession(Consumer<Session> work) {
        withSession(s -> {
            work.accept(s);
            return null;
        });
    }

    /** Runs {@code work} in a new session and transaction (rolled back) and returns its result. */
    public static <R> R withSession(Function<Session, R> work) {
        try (Session s = factory().openSession()) {
            s.beginTransaction();
            try {
                SQL.clear();
                return work.apply(s);
            } finally {
                if (s.getTransaction().isActive()) {
                    s.getTransaction().rollback();
                }
            }
        }
    }
}
