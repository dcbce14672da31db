package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.sql;
import static dev.eagerdsl.demo.docs.DocsDb.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Student;
import java.util.Comparator;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

/** The examples of docs/filtered-prefetch.md. */
class FilteredPrefetchExamplesTest {

    @Test
    void filteredPrefetchFillsATransientListAndLeavesTheMappedCollectionAlone() {
        inSession(session -> {
            // docs:begin fp-active
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s")
                            .where("s.active = :active").param("active", true)   // values are bound, never pasted
                            .orderBy("s.name")
                            .into("activeStudents"))                            // a @Transient List<Student>
                    .list(session.createQuery("from Course c where c.title like 'Algebra%' order by c.id", Course.class));

            for (Course course : courses) {
                System.out.println(course.getTitle() + ": " + course.getActiveStudents().size() + " active students");
            }
            // docs:end fp-active
            Docs.assertSql("fp-active", statements());
            sql().clear();
            for (Course c : courses) {
                assertThat(c.getActiveStudents()).allSatisfy(s -> assertThat(s.isActive()).isTrue())
                        .isSortedAccordingTo(Comparator.comparing(Student::getName));
                assertThat(Hibernate.isInitialized(c.getStudents())).as("the mapped collection is not touched").isFalse();
                assertThat(c.getActiveStudents())
                        .containsExactlyElementsOf(c.getStudents().stream().filter(Student::isActive).toList());
            }
        });
    }

    @Test
    void filteredPrefetchOntoCoursesAlreadyLoaded() {
        inSession(session -> {
            // docs:begin fp-objects
            List<Course> courses = session.createQuery("from Course c order by c.id", Course.class).list();
            Related.prefetchObjects(session, courses,
                    Prefetch.of("students").as("s").where("s.active = true").orderBy("s.name").into("activeStudents"));
            // docs:end fp-objects
            assertThat(sql().count()).isEqualTo(2);
            assertThat(courses).allSatisfy(c -> assertThat(c.getActiveStudents()).isNotNull());
        });
    }

    @Test
    void aFilteredPrefetchWithoutIntoIsRefusedBeforeAnySql() {
        inSession(session -> {
            // docs:begin fp-no-into
            Throwable refused = catchThrowable(() -> Related.prefetch(Prefetch.of("students").as("s").where("s.active = true"))
                    .list(session, Course.class));
            // docs:end fp-no-into
            assertThat(refused).isInstanceOf(RelatedException.class);
            assertThat(sql().count()).isZero();
            Docs.assertOutput("fp-no-into", refused.getMessage());
        });
    }

    @Test
    void intoAMappedCollectionIsRefused() {
        inSession(session -> {
            Throwable refused = catchThrowable(() -> Related.prefetch(Prefetch.of("students").as("s")
                    .where("s.active = true").into("students")).list(session, Course.class));
            assertThat(refused).isInstanceOf(RelatedException.class);
            assertThat(sql().count()).isZero();
            Docs.assertOutput("fp-into-mapped", refused.getMessage());
        });
    }

    @Test
    void intoAMissingFieldIsRefused() {
        inSession(session -> {
            assertThat(catchThrowable(() -> Related.prefetch(Prefetch.of("students").as("s")
                    .where("s.active = true").into("activeStudnets")).list(session, Course.class)))
                    .isInstanceOf(RelatedException.class);
            assertThat(sql().count()).isZero();
        });
    }

    @Test
    void ownersWithoutAMatchGetAnEmptyList() {
        inSession(session -> {
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s")
                    .where("s.name = :name").param("name", "nobody").into("activeStudents")).list(session, Course.class);
            assertThat(courses).hasSize(60).allSatisfy(c -> assertThat(c.getActiveStudents()).isNotNull().isEmpty());
            session.flush();
            assertThat(sql().count()).isEqualTo(2);
        });
    }
}
