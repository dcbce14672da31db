package dev.eagerdsl.junit;

import static dev.eagerdsl.junit.EagerAssertions.assertStatements;
import static dev.eagerdsl.junit.EagerAssertions.recordStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eagerdsl.Related;
import dev.eagerdsl.junit.model.Team;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class EagerAssertionsTest {

    @BeforeAll
    static void startHibernate() {
        Db.factory();
    }

    @Nested
    class Passing {

        @Test
        void planRunsTheStatementsItSaysAndTheResultIsReturned() {
            Db.inSession(session -> {
                // docs:begin junit-count
                List<Team> teams = assertStatements(2, () -> Related.select("league").prefetch("players")
                        .list(session.createQuery("from Team t order by t.id", Team.class)));

                assertStatements(0, () -> teams.forEach(t -> t.getPlayers().size()));
                // docs:end junit-count
                assertThat(teams).extracting(Team::getName).containsExactly("Lions", "Hawks", "Owls");
            });
        }

        @Test
        void zeroStatementsWhenEverythingIsInTheSession() {
            Db.inSession(session -> {
                Team lions = session.find(Team.class, 1L);

                assertStatements(0, () -> session.find(Team.class, 1L));
                assertThat(lions.getName()).isEqualTo("Lions");
            });
        }

        @Test
        void nestedAssertionsEachCountWhatRanInsideThem() {
            Db.inSession(session -> assertStatements(3, () -> {
                session.find(Team.class, 1L);
                assertStatements(2, () -> {
                    session.find(Team.class, 2L);
                    session.find(Team.class, 3L);
                });
            }));
        }

        @Test
        void recordStatementsReturnsTheSqlInOrder() {
            Db.inSession(session -> {
                List<String> sql = recordStatements(() -> Related.prefetch("players").list(session, Team.class));

                assertThat(sql).hasSize(2);
                assertThat(sql.get(0)).startsWithIgnoringCase("select").containsIgnoringCase("from team");
                assertThat(sql.get(1)).containsIgnoringCase("player").containsIgnoringCase(" in (");
            });
        }
    }

    @Nested
    class Failing {

        @Test
        void failureListsEveryStatementThatRanAndPointsAtTheNPlusOne() {
            Db.inSession(session -> {
                List<String> ran = new ArrayList<>();
                AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class, () ->
                        assertStatements(1, () -> {
                            ran.addAll(recordStatements(() -> {
                                List<Team> teams = session.createQuery("from Team t order by t.id", Team.class).list();
                                teams.forEach(t -> t.getPlayers().size());          // one statement per team
                            }));
                        }));

                assertThat(ran).hasSize(4);
                assertThat(ran.get(1)).isEqualTo(ran.get(2)).isEqualTo(ran.get(3));
                assertThat(failure).hasMessage("Expected 1 SQL statement but 4 ran:"
                        + "\n  1: " + ran.get(0)
                        + "\n  2: " + ran.get(1)
                        + "\n  3: " + ran.get(2)
                        + "\n  4: " + ran.get(3)
                        + "\nStatement 2 ran 3 times: an N+1? Load that association with Related.select(\"path\")"
                        + " (to-one) or Related.prefetch(\"path\") (collections).");
                assertThat(failure.getExpected().getValue()).isEqualTo(1);
                assertThat(failure.getActual().getValue()).isEqualTo(4);
            });
        }

        @Test
        void failureWhenFewerRanSaysSo() {
            Db.inSession(session -> assertThatThrownBy(() -> assertStatements(2, () -> session.find(Team.class, 1L)))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageStartingWith("Expected 2 SQL statements but 1 ran:\n  1: select ")
                    .hasMessageNotContaining("N+1"));
        }

        @Test
        void failureWhenNoneRanSaysSo() {
            assertThatThrownBy(() -> assertStatements(1, () -> { }))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessage("Expected 1 SQL statement but none ran.");
        }

        @Test
        void exceptionOfTheWorkPropagatesUnchanged() {
            IllegalStateException boom = new IllegalStateException("boom");

            assertThatThrownBy(() -> assertStatements(1, () -> {
                throw boom;
            })).isSameAs(boom);
        }

        @Test
        void negativeCountIsRefused() {
            assertThatThrownBy(() -> assertStatements(-1, () -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("assertStatements(-1, ...): the expected number of statements is 0 or more.");
        }

        @Test
        void counterThatHibernateNeverCreatedIsReportedInsteadOfCountingZero() {
            boolean was = StatementCounter.resetRegistered(false);
            try {
                assertThatThrownBy(() -> assertStatements(0, () -> { }))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("No StatementCounter is registered with Hibernate, so no statement can be counted."
                                + " Set hibernate.session_factory.statement_inspector=dev.eagerdsl.junit.StatementCounter"
                                + " (Spring Boot: spring.jpa.properties.hibernate.session_factory.statement_inspector="
                                + "dev.eagerdsl.junit.StatementCounter), or call StatementCounter.record(sql) from your"
                                + " own StatementInspector.");
            } finally {
                StatementCounter.resetRegistered(was);
            }
        }

        @Test
        void statementsOfOtherThreadsAreNotCounted() {
            Db.inSession(session -> assertStatements(0, () -> {
                Thread other = new Thread(() -> Db.inSession(s -> s.find(Team.class, 1L)));
                other.start();
                other.join();
            }));
        }
    }
}
