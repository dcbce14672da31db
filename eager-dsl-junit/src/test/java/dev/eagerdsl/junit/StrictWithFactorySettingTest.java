package dev.eagerdsl.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.LazyLoadGuard.Mode;
import dev.eagerdsl.junit.model.League;
import dev.eagerdsl.junit.model.Player;
import dev.eagerdsl.junit.model.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The case from issue 14: a class with {@code @StrictLazyLoads} whose SessionFactory starts in {@code @BeforeAll} with
 * {@code eagerdsl.guard=warn} in its settings. The factory starts after the extension set STRICT; a mode set in code
 * wins, so the N+1 in the test fails it, and the mode before the class is back afterwards.
 */
class StrictWithFactorySettingTest {

    static final List<String> SEEN = new ArrayList<>();

    private Optional<Mode> before;

    @BeforeEach
    void rememberMode() {
        before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.clearMode();
        SEEN.clear();
    }

    @AfterEach
    void restoreMode() {
        before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
    }

    @Test
    void aFactoryStartedInBeforeAllWithWarnDoesNotLowerStrict() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(StrictClassStartingItsOwnFactory.class))
                .configurationParameter(StrictLazyLoadsTest.Fixture.RUN, "true").execute().testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));

        assertThat(SEEN).containsExactly("mode=STRICT", "factory=STRICT", "threw EAGER-101 Team.players");
        assertThat(LazyLoadGuard.modeSetInCode()).as("nothing was set in code before the class").isEmpty();
    }

    @StrictLazyLoadsTest.Fixture
    @StrictLazyLoads
    static class StrictClassStartingItsOwnFactory {

        static SessionFactory factory;

        @BeforeAll
        static void startFactory() {
            factory = new Configuration()
                    .addAnnotatedClass(League.class).addAnnotatedClass(Team.class).addAnnotatedClass(Player.class)
                    .setProperty("jakarta.persistence.jdbc.url", "jdbc:h2:mem:eagerdsl-junit-beforeall;DB_CLOSE_DELAY=-1")
                    .setProperty("jakarta.persistence.jdbc.user", "sa")
                    .setProperty("jakarta.persistence.jdbc.password", "")
                    .setProperty("hibernate.hbm2ddl.auto", "create-drop")
                    .setProperty("eagerdsl.guard", "warn")
                    .buildSessionFactory();
            factory.inTransaction(s -> {
                for (long i = 1; i <= 3; i++) {
                    Team t = new Team(i, "Team " + i, null);
                    s.persist(t);
                    s.persist(new Player(i, "Player " + i, t));
                }
            });
        }

        @AfterAll
        static void closeFactory() {
            factory.close();
        }

        @Test
        void nPlusOneFailsTheTest() {
            SEEN.add("mode=" + LazyLoadGuard.mode());
            SEEN.add("factory=" + LazyLoadGuard.mode(factory));
            factory.inSession(s -> {
                try {
                    for (Team t : s.createQuery("from Team t order by t.id", Team.class).list()) {
                        t.getPlayers().size();
                    }
                    SEEN.add("no exception");
                } catch (LazyLoadException e) {
                    SEEN.add("threw " + e.getMessage().substring(0, "EAGER-101 Team.players".length()));
                }
            });
        }
    }
}
