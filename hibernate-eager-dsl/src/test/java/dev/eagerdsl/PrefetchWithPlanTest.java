package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

/**
 * {@code Prefetch.with(plan)} (Django's {@code Prefetch("students", queryset=Student.objects.select_related(...)
 * .prefetch_related(...))}): the elements a prefetch loads get their own plan, relative to the element's
 * entity, one statement per level as usual.
 */
class PrefetchWithPlanTest {

    private static final String COURSES = "from Course c order by c.id";

    @Test
    void aFilteredPrefetchJoinsItsElementsSelectsAndPrefetchesTheRest() {
        TestDb.inSession(s -> {
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s").where("s.active = true").orderBy("s.name")
                    .into("activeStudents").with(Related.select("advisor").prefetch("courses")))
                    .list(s.createQuery(COURSES, Course.class));
            // the courses, the active students with their advisor joined, the active students' courses
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
            assertThat(SQL.statements().get(1)).contains("join Teacher");
            SQL.clear();
            assertThat(courses.get(0).getActiveStudents()).extracting(Student::getName).containsExactly("Xia", "Zoe");
            assertThat(courses).flatExtracting(Course::getActiveStudents).allSatisfy(st -> {
                assertThat(st.getAdvisor() == null || Hibernate.isInitialized(st.getAdvisor())).isTrue();
                assertThat(Hibernate.isInitialized(st.getCourses())).isTrue();
            });
            assertThat(courses.get(0).getActiveStudents().get(1).getCourses()).extracting(Course::getId).containsExactlyInAnyOrder(1L, 3L);
            assertThat(SQL.count()).as("no SQL once loaded: " + SQL.describe()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }

    @Test
    void aPlainPrefetchLoadsItsElementsPlanOneLevelAtATime() {
        TestDb.inSession(s -> {
            List<Course> courses = Related.prefetch(Prefetch.of("students").with(Related.select("advisor")))
                    .list(s.createQuery(COURSES, Course.class));
            // the courses, their students, the students' advisors
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
            SQL.clear();
            courses.forEach(c -> c.getStudents().forEach(st -> {
                if (st.getAdvisor() != null) {
                    st.getAdvisor().getName();
                }
            }));
            assertThat(SQL.count()).isZero();
            assertThat(Related.prefetch(Prefetch.of("students").with(Related.select("advisor"))))
                    .isEqualTo(Related.prefetch(Prefetch.of("students").with(Related.select("advisor"))))
                    .isNotEqualTo(Related.prefetch("students"));
        });
    }

    @Test
    void theElementsPlanIsCheckedAgainstTheElementsEntityBeforeAnySql() {
        TestDb.inSession(s -> {
            FetchPlan plan = Related.prefetch(Prefetch.of("students").as("s").where("s.active = true").into("activeStudents")
                    .with(Related.select("adviser")));
            assertThatThrownBy(() -> plan.list(s, Course.class)).isInstanceOf(RelatedException.class)
                    .hasMessage("Invalid path 'adviser' for Student: no attribute 'adviser'. Choices are: advisor, courses."
                            + " Did you mean 'advisor'? (in the plan given to Prefetch.of(\"students\").as(\"s\").where(\"s.active = true\")"
                            + ".into(\"activeStudents\").with(Related.select(\"adviser\")): its paths start at Student, the entity that"
                            + " 'students' loads)");
            assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").with(Related.select("courses"))).list(s, Course.class))
                    .isInstanceOf(RelatedException.class)
                    .hasMessageStartingWith("Cannot select('courses') on Student: 'courses' is a collection (to-many). Use prefetch(\"courses\").");
            assertThatThrownBy(() -> Prefetch.of("students").with(null)).isInstanceOf(RelatedException.class)
                    .hasMessage("Prefetch.with(null) on Prefetch.of(\"students\"): pass a plan for the elements, e.g."
                            + " .with(Related.select(\"advisor\")).");
            assertThat(SQL.count()).isZero();
        });
    }
}
