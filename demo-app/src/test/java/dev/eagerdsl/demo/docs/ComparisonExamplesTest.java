package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.sql;
import static dev.eagerdsl.demo.docs.DocsDb.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.db.Database;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Course;
import java.util.List;
import java.util.Map;
import org.hibernate.Hibernate;
import org.hibernate.graph.RootGraph;
import org.hibernate.loader.MultipleBagFetchException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The examples of docs/comparison.md: Hibernate's own tools, their traps, and the plan beside them. */
class ComparisonExamplesTest {

    @Test
    void joinFetchLoadsCoursesAndStudentsInOneStatementOfOneRowPerEnrolment() {
        inSession(session -> {
            // docs:begin cmp-join-fetch
            List<Course> courses = session.createQuery(
                    "select c from Course c left join fetch c.students order by c.id", Course.class).list();
            // docs:end cmp-join-fetch
            assertThat(sql().count()).isEqualTo(1);
            assertThat(courses).hasSize(60).allSatisfy(c -> assertThat(Hibernate.isInitialized(c.getStudents())).isTrue());
        });
    }

    @Test
    void aLoadGraphDoesTheSameJoin() {
        inSession(session -> {
            // docs:begin cmp-entity-graph
            RootGraph<Course> graph = session.createEntityGraph(Course.class);
            graph.addAttributeNodes("students");
            List<Course> courses = session.createQuery("from Course c order by c.id", Course.class)
                    .setHint("jakarta.persistence.loadgraph", graph)
                    .list();
            // docs:end cmp-entity-graph
            assertThat(sql().count()).isEqualTo(1);
            assertThat(courses).hasSize(60).allSatisfy(c -> assertThat(Hibernate.isInitialized(c.getStudents())).isTrue());
        });
    }

    @Test
    void batchFetchingTurnsTheNPlusOneIntoNOver16PlusOne() {
        try (Database batched = DocsDb.open(Map.of("hibernate.default_batch_fetch_size", "16"))) {
            inSession(batched, session -> {
                // docs:begin cmp-batch-size
                // hibernate.default_batch_fetch_size=16 (or @BatchSize(size = 16) on the collection)
                List<Course> courses = session.createQuery("from Course c order by c.id", Course.class).list();
                for (Course course : courses) {
                    course.getStudents().size();   // the first touch loads the students of 16 courses
                }
                // docs:end cmp-batch-size
                assertThat(batched.sql().count()).isEqualTo(1 + 4);
                Docs.assertSql("cmp-batch-size", batched.sql().statements().subList(0, 2));
            });
        }
    }

    @Test
    void subselectFetchingLoadsEveryCollectionOfTheQueryWithItsWhereClauseRepeated() {
        try (Database subselect = DocsDb.open(Map.of("hibernate.use_subselect_fetch", "true"))) {
            inSession(subselect, session -> {
                // docs:begin cmp-subselect
                // hibernate.use_subselect_fetch=true (or @Fetch(FetchMode.SUBSELECT) on the collection)
                List<Course> courses = session.createQuery(
                        "from Course c where c.title like 'Algebra%' order by c.id", Course.class).list();
                courses.get(0).getStudents().size();   // loads the students of every course of the query
                // docs:end cmp-subselect
                assertThat(subselect.sql().count()).isEqualTo(2);
                assertThat(courses).allSatisfy(c -> assertThat(Hibernate.isInitialized(c.getStudents())).isTrue());
                Docs.assertSql("cmp-subselect", subselect.sql().statements());
            });
        }
    }

    @Test
    void joinFetchWithMaxResultsPagesInMemoryOnHibernate6AndInADerivedTableOnHibernate7() {
        boolean hibernate6 = org.hibernate.Version.getVersionString().startsWith("6.");
        Logger hibernate = (Logger) LoggerFactory.getLogger("org.hibernate");
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        Level level = hibernate.getLevel();
        hibernate.setLevel(Level.WARN);
        hibernate.addAppender(warnings);
        try {
            inSession(session -> {
                // docs:begin trap-paging
                List<Category> page = session.createQuery(
                                "select c from Category c left join fetch c.products order by c.name", Category.class)
                        .setMaxResults(5)
                        .list();
                // docs:end trap-paging
                assertThat(page).hasSize(5);
                Docs.assertSql(hibernate6 ? "trap-paging-h6" : "trap-paging-h7", statements());
            });
        } finally {
            hibernate.detachAppender(warnings);
            hibernate.setLevel(level);
        }
        assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(m -> m.startsWith("HHH90003004"))
                .hasSize(hibernate6 ? 1 : 0);
        inSession(session -> {
            // docs:begin trap-paging-fixed
            List<Category> page = Related.prefetch("products")
                    .list(session.createQuery("from Category c order by c.name", Category.class).setMaxResults(5));
            // docs:end trap-paging-fixed
            assertThat(page).hasSize(5);
            Docs.assertSql("trap-paging-fixed", statements());
        });
    }

    @Test
    void twoBagsCannotBeJoinFetchedAndThePlanLoadsThemOneStatementEach() {
        inSession(session -> {
            // docs:begin trap-bags
            Throwable error = catchThrowable(() -> session.createQuery(
                    "select c from Course c left join fetch c.students left join fetch c.lessons", Course.class).list());
            // docs:end trap-bags
            assertThat(error).hasRootCauseInstanceOf(MultipleBagFetchException.class);
            Docs.assertOutput("trap-bags", error.getClass().getName() + ": " + error.getMessage());
            sql().clear();
            // docs:begin trap-bags-fixed
            List<Course> courses = Related.prefetch("students", "lessons").list(session, Course.class);
            // docs:end trap-bags-fixed
            assertThat(sql().count()).isEqualTo(3);
            assertThat(courses).allSatisfy(c -> assertThat(Hibernate.isInitialized(c.getLessons())).isTrue());
        });
    }

    @Test
    void joiningTwoCollectionsMultipliesTheRows() {
        inSession(session -> {
            // docs:begin trap-cartesian
            long joined = session.createQuery("select count(*) from Course c left join c.students left join c.lessons",
                    Long.class).getSingleResult();                       // what a join fetch of both would read
            long prefetched = session.createQuery("select count(*) from Course c", Long.class).getSingleResult()
                    + session.createQuery("select count(*) from Course c join c.students", Long.class).getSingleResult()
                    + session.createQuery("select count(*) from Lesson l", Long.class).getSingleResult();
            // docs:end trap-cartesian
            Docs.assertOutput("trap-cartesian", "joined = " + joined + ", prefetched = " + prefetched);
        });
    }
}
