package dev.eagerdsl.hardening;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.testing.TestDb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filter's HQL stays inside its own owner's list: found by the fuzzing. {@code orderBy("s.name limit 1")}
 * parsed, and the limit cut the one statement of many owners (courses 1, 2 and 4 got nothing, course 3
 * got one student); it is refused before any SQL.
 */
class FilterReachTest {

    @ParameterizedTest
    @ValueSource(strings = {"s.name limit 1", "s.name offset 1", "s.name fetch first 2 rows only", "s.name limit 1 offset 1"})
    void limitOffsetAndFetchInOrderByAreRefusedBeforeAnySql(String order) {
        TestDb.inSession(s -> {
            assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").as("s").orderBy(order).into("activeStudents"))
                    .list(s.createQuery("from Course c order by c.id", Course.class)))
                    .isInstanceOf(RelatedException.class)
                    .hasMessage("Invalid orderBy in Prefetch.of(\"students\").as(\"s\").orderBy(\"" + order + "\").into(\"activeStudents\")"
                            + " on Course: limit, offset and fetch would cut the whole statement of many owners, not each owner's list."
                            + " Leave them out and cut each owner's list in Java, e.g. list.subList(0, Math.min(3, list.size())).");
            assertThat(SQL.statements()).as("SQL of a refused plan").isEmpty();
        });
    }
}
