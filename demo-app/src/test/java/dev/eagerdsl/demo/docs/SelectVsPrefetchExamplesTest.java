package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.sql;
import static dev.eagerdsl.demo.docs.DocsDb.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Student;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

/** The examples of docs/select-vs-prefetch.md, with the SQL they run on H2. */
class SelectVsPrefetchExamplesTest {

    @Test
    void selectJoinsTheAuthorIntoTheRootStatement() {
        inSession(session -> {
            // docs:begin svp-select
            List<Book> books = Related.select("author")
                    .list(session.createQuery("from Book b where b.title = :title order by b.id", Book.class)
                                 .setParameter("title", "The Silent Garden"));
            // docs:end svp-select
            assertThat(books).isNotEmpty().allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue());
            Docs.assertSql("svp-select", statements());
        });
    }

    @Test
    void prefetchRunsOneStatementForTheCoursesAndOneForAllTheirStudents() {
        inSession(session -> {
            // docs:begin svp-prefetch
            List<Course> courses = Related.prefetch("students")
                    .list(session.createQuery("from Course c where c.title like 'Algebra%' order by c.id", Course.class));
            // docs:end svp-prefetch
            assertThat(courses).hasSize(3).allSatisfy(c -> assertThat(Hibernate.isInitialized(c.getStudents())).isTrue());
            Docs.assertSql("svp-prefetch", statements());
            sql().clear();
            courses.forEach(c -> c.getStudents().forEach(Student::getName));
            session.flush();
            assertThat(sql().count()).as("no SQL on touch, no DML on flush").isZero();
        });
    }

    @Test
    void prefetchOfAToOneLoadsTheDistinctTargetsInOneStatement() {
        inSession(session -> {
            // docs:begin svp-prefetch-to-one
            List<Book> books = Related.prefetch("author")
                    .list(session.createQuery("from Book b where b.title = :title order by b.id", Book.class)
                                 .setParameter("title", "The Silent Garden"));
            // docs:end svp-prefetch-to-one
            assertThat(books).isNotEmpty().allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue());
            Docs.assertSql("svp-prefetch-to-one", statements());
        });
    }

    @Test
    void prefetchGoesOnThroughASelectedToOne() {
        inSession(session -> {
            // docs:begin svp-nested
            List<Book> books = Related.select("author").prefetch("author.books")
                    .list(session.createQuery("from Book b where b.title = :title order by b.id", Book.class)
                                 .setParameter("title", "The Silent Garden"));
            // docs:end svp-nested
            assertThat(books).isNotEmpty()
                    .allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor().getBooks())).isTrue());
            Docs.assertSql("svp-nested", statements());
        });
    }

    @Test
    void prefetchTwoLevelsDeepRunsOneStatementPerLevel() {
        inSession(session -> {
            // docs:begin svp-two-levels
            List<Course> courses = Related.prefetch("students.courses")   // students, then their courses
                    .list(session.createQuery("from Course c where c.title like 'Algebra%' order by c.id", Course.class));
            // docs:end svp-two-levels
            assertThat(sql().count()).isEqualTo(3);
            assertThat(courses).allSatisfy(c -> assertThat(c.getStudents())
                    .allSatisfy(s -> assertThat(Hibernate.isInitialized(s.getCourses())).isTrue()));
        });
    }

    @Test
    void selectOfACollectionIsRefusedWithTheFix() {
        inSession(session -> assertThat(catchThrowable(() -> Related.select("students").list(session, Course.class)))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Cannot select('students') on Course: 'students' is a collection (to-many). Use prefetch(\"students\")."));
    }

    @Test
    void pagingStaysInSqlWithAPrefetch() {
        inSession(session -> {
            // docs:begin svp-paging
            List<Category> page = Related.prefetch("products")
                    .list(session.createQuery("from Category c order by c.name", Category.class)
                                 .setFirstResult(10).setMaxResults(5));          // rows 11 to 15, in SQL
            // docs:end svp-paging
            assertThat(page).hasSize(5);
            Docs.assertSql("svp-paging", statements());
        });
    }
}
