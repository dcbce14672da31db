package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.sql;
import static dev.eagerdsl.junit.EagerAssertions.assertStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.db.Database;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Student;
import dev.eagerdsl.junit.StatementCounter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The examples of docs/django.md, one per row of its table. */
class DjangoExamplesTest {

    @Test
    void selectRelated() {
        inSession(session -> {
            // docs:begin dj-select-related
            // Book.objects.select_related("author").all()
            List<Book> books = Related.select("author").list(session, Book.class);
            // docs:end dj-select-related
            assertThat(sql().count()).isEqualTo(1);
            assertThat(books).hasSize(2_000).allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue());
        });
    }

    @Test
    void selectRelatedNone() {
        inSession(session -> {
            // docs:begin dj-select-related-none
            // qs = Book.objects.select_related("author").prefetch_related("author__books")
            // qs.select_related(None)
            FetchPlan plan = Related.select("author").prefetch("author__books");
            FetchPlan withoutJoins = plan.withoutSelects();       // the author is prefetched instead of joined
            List<Book> books = withoutJoins.list(session, Book.class);
            // docs:end dj-select-related-none
            assertThat(withoutJoins.selectPaths()).isEmpty();
            assertThat(sql().count()).isEqualTo(3);
            assertThat(books).allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor().getBooks())).isTrue());
        });
    }

    @Test
    void prefetchRelated() {
        inSession(session -> {
            // docs:begin dj-prefetch-related
            // Course.objects.prefetch_related("students__courses")
            List<Course> courses = Related.prefetch("students__courses").list(session, Course.class);
            // docs:end dj-prefetch-related
            assertThat(sql().count()).isEqualTo(3);
            assertThat(courses).hasSize(60);
        });
    }

    @Test
    void prefetchObject() {
        inSession(session -> {
            // docs:begin dj-prefetch-object
            // Course.objects.prefetch_related(Prefetch("students",
            //         queryset=Student.objects.filter(active=True).order_by("name"), to_attr="active_students"))
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s")
                            .where("s.active = true").orderBy("s.name").into("activeStudents"))
                    .list(session, Course.class);
            // docs:end dj-prefetch-object
            assertThat(sql().count()).isEqualTo(2);
            assertThat(courses).allSatisfy(c -> assertThat(c.getActiveStudents()).allSatisfy(s -> assertThat(s.isActive()).isTrue()));
        });
    }

    @Test
    void prefetchObjectWithItsOwnPlan() {
        inSession(session -> {
            // docs:begin dj-prefetch-object-nested
            // Course.objects.prefetch_related(Prefetch("students",
            //         queryset=Student.objects.filter(active=True).prefetch_related("courses"), to_attr="active_students"))
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s")
                            .where("s.active = true").into("activeStudents").with(Related.prefetch("courses")))
                    .list(session, Course.class);
            // docs:end dj-prefetch-object-nested
            assertThat(sql().count()).isEqualTo(3);
            assertThat(courses).allSatisfy(c -> assertThat(c.getActiveStudents())
                    .allSatisfy(s -> assertThat(Hibernate.isInitialized(s.getCourses())).isTrue()));
        });
    }

    @Test
    void fetchPeers() {
        LazyLoadGuard.install();
        var before = LazyLoadGuard.modeSetInCode();
        try {
            inSession(session -> {
                // docs:begin dj-fetch-peers
                // for course in Course.objects.fetch_mode(models.FETCH_PEERS): course.students.count()
                LazyLoadGuard.setMode(LazyLoadGuard.Mode.FETCH_PEERS);      // or eagerdsl.guard=fetch_peers
                for (Course course : session.createQuery("from Course c", Course.class).list()) {
                    course.getStudents().size();    // the first touch loads the students of all 60 courses
                }
                // docs:end dj-fetch-peers
                assertThat(sql().count()).isEqualTo(2);
            });
        } finally {
            before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
        }
    }

    @Test
    void prefetchRelatedObjects() {
        inSession(session -> {
            // docs:begin dj-prefetch-related-objects
            // prefetch_related_objects(courses, "students")
            List<Course> courses = session.createQuery("from Course c order by c.id", Course.class).list();
            Related.prefetchObjects(session, courses, "students");
            Related.prefetchObjects(session, courses, "students");   // already loaded: no SQL
            // docs:end dj-prefetch-related-objects
            assertThat(sql().count()).isEqualTo(2);
        });
    }

    @Test
    void iteratorWithChunkSize() {
        inSession(session -> {
            int[] seen = {0};
            // docs:begin dj-iterator
            // for course in Course.objects.prefetch_related("students").iterator(chunk_size=20): ...
            try (Stream<Course> courses = Related.prefetch("students")
                    .stream(session.createQuery("from Course c order by c.id", Course.class), 20)) {
                courses.forEach(course -> seen[0] += course.getStudents().size());
            }
            // docs:end dj-iterator
            assertThat(seen[0]).isEqualTo(1_725);
            // three pages of 20 courses and an empty fourth page; one students statement per page
            assertThat(sql().count()).isEqualTo(4 + 3);
        });
    }

    @Test
    void getWithSelectRelated() {
        inSession(session -> {
            // docs:begin dj-get
            // Book.objects.select_related("author").get(pk=1)
            Optional<Book> book = Related.select("author").find(session, Book.class, 1L);
            // docs:end dj-get
            assertThat(sql().count()).isEqualTo(1);
            assertThat(book).hasValueSatisfying(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue());
        });
    }

    @Test
    void assertNumQueries() {
        try (Database counted = DocsDb.open(Map.of("hibernate.session_factory.statement_inspector",
                StatementCounter.class.getName()))) {
            inSession(counted, session -> {
                // docs:begin dj-assert-num-queries
                // with self.assertNumQueries(2): courses = list(Course.objects.prefetch_related("students"))
                List<Course> courses = assertStatements(2, () -> Related.prefetch("students").list(session, Course.class));
                assertStatements(0, () -> courses.forEach(course -> course.getStudents().size()));
                // docs:end dj-assert-num-queries
                assertThat(courses.get(0).getStudents()).extracting(Student::getName).isSorted();
                session.clear();
                assertThatThrownBy(() -> assertStatements(2, () -> session.createQuery("from Course c", Course.class)
                        .list().forEach(course -> course.getStudents().size())))
                        .isInstanceOf(AssertionFailedError.class).hasMessageStartingWith("Expected 2 SQL statements but 61 ran:");
            });
        }
    }
}
