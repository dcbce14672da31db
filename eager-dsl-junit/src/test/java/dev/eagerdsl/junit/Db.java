package dev.eagerdsl.junit;

import dev.eagerdsl.junit.model.League;
import dev.eagerdsl.junit.model.Player;
import dev.eagerdsl.junit.model.Team;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * The module's SessionFactory on H2, configured as a user would: the {@link StatementCounter} named by class in
 * {@code hibernate.session_factory.statement_inspector}. Leagues 1, 2; Teams 1..3 (team 3 in no league), each with
 * two players.
 */
final class Db {

    private static SessionFactory factory;

    private Db() {
    }

    static synchronized SessionFactory factory() {
        if (factory == null) {
            Configuration cfg = new Configuration()
                    .addAnnotatedClass(League.class).addAnnotatedClass(Team.class).addAnnotatedClass(Player.class)
                    .setProperty("jakarta.persistence.jdbc.url", "jdbc:h2:mem:eagerdsl-junit;DB_CLOSE_DELAY=-1")
                    .setProperty("jakarta.persistence.jdbc.user", "sa")
                    .setProperty("jakarta.persistence.jdbc.password", "")
                    .setProperty("hibernate.hbm2ddl.auto", "create-drop")
                    .setProperty("hibernate.session_factory.statement_inspector", "dev.eagerdsl.junit.StatementCounter");
            factory = cfg.buildSessionFactory();
            factory.inTransaction(s -> {
                League east = new League(1L, "East");
                League west = new League(2L, "West");
                s.persist(east);
                s.persist(west);
                Team[] teams = {new Team(1L, "Lions", east), new Team(2L, "Hawks", west), new Team(3L, "Owls", null)};
                long playerId = 1;
                for (Team t : teams) {
                    s.persist(t);
                    s.persist(new Player(playerId++, t.getName() + " A", t));
                    s.persist(new Player(playerId++, t.getName() + " B", t));
                }
            });
            Runtime.getRuntime().addShutdownHook(new Thread(factory::close));
        }
        return factory;
    }

    /** Runs {@code work} in a new session and a transaction that is rolled back. */
    static void inSession(Consumer<Session> work) {
        try (Session s = factory().openSession()) {
            s.beginTransaction();
            try {
                work.accept(s);
            } finally {
                s.getTransaction().rollback();
            }
        }
    }
}
