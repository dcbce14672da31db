package dev.eagerdsl.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** The guard's per-session bookkeeping exists only for sessions that load lazily, and is released when each session closes. */
class GuardMemoryTest {

    @Test
    void openingAndClosingManySessionsLeavesNothingBehind() {
        LazyLoadGuard.install();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        var sf = TestDb.factory();
        // a round trip to a server costs more than one to H2 in memory
        int sessions = Databases.kind().equals("h2") ? 100_000 : 20_000;
        for (int i = 0; i < sessions; i++) {
            try (Session s = sf.openSession()) {
                Course c = s.find(Course.class, 1L + i % 4);
                if (i % 10 == 0) {
                    c.getStudents().size();
                    assertThat(SessionStates.tracked()).as("a session that loads lazily has a state").isGreaterThanOrEqualTo(1);
                }
                // a session that only reads keeps its guard state in its entities' own entries: no session state at all
            }
        }
        assertThat(SessionStates.tracked()).isZero();
    }
}
