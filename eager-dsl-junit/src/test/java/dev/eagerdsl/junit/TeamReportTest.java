package dev.eagerdsl.junit;

import static dev.eagerdsl.junit.EagerAssertions.assertStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.junit.model.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test class as a user writes one: STRICT for the whole class, statements counted. */
// docs:begin junit-strict
@StrictLazyLoads
class TeamReportTest {

    @Test
    void reportLoadsTeamsWithLeaguesAndPlayersInTwoStatements() {
        Db.inSession(session -> {
            List<Team> teams = assertStatements(2, () -> Related.select("league").prefetch("players")
                    .list(session.createQuery("from Team t order by t.id", Team.class)));

            assertThat(teams).extracting(t -> t.getPlayers().size()).containsExactly(2, 2, 2);
        });
    }

    @Test
    void lazyLoadInALoopFailsTheTestAtTheTouch() {
        assumeTrue(LazyLoadGuard.isInstalled(), "the lazy-load guard cannot instrument Hibernate in this JVM");
        Db.inSession(session -> {
            List<Team> teams = session.createQuery("from Team t order by t.id", Team.class).list();

            assertThatThrownBy(() -> teams.forEach(t -> t.getPlayers().size()))     // the N+1
                    .isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("Team.players")
                    .hasMessageContaining("Related.prefetch(\"players\")");
        });
    }
}
// docs:end junit-strict
