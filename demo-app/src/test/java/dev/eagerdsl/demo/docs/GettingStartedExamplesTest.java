package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.demo.dao.BookDao;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Student;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

/** The examples of docs/getting-started.md. */
class GettingStartedExamplesTest {

    @Test
    void selectLoadsBooksAndTheirAuthorsInOneStatement() {
        inSession(session -> {
            // docs:begin gs-select
            List<Book> books = Related.select("author")
                    .list(session.createQuery("from Book b where b.price < :max order by b.id", Book.class)
                                 .setParameter("max", new BigDecimal("10.00")));
            for (Book book : books) {
                System.out.println(book.getTitle() + " by " + book.getAuthor().getName());  // no SQL here
            }
            // docs:end gs-select
            assertThat(books).hasSize(247);
            assertThat(sql().count()).isEqualTo(1);
        });
    }

    @Test
    void prefetchLoadsCoursesAndTheirStudentsInTwoStatements() {
        inSession(session -> {
            // docs:begin gs-prefetch
            List<Course> courses = Related.prefetch("students").list(session, Course.class);  // every course
            for (Course course : courses) {
                for (Student student : course.getStudents()) {  // no SQL here
                    System.out.println(course.getTitle() + ": " + student.getName());
                }
            }
            // docs:end gs-prefetch
            assertThat(courses).hasSize(60);
            assertThat(sql().count()).isEqualTo(2);
        });
    }

    @Test
    void selectThenPrefetchThroughTheSelectedAuthor() {
        inSession(session -> {
            // docs:begin gs-mixed
            List<Book> books = Related.select("author")           // joined into the book statement
                    .prefetch("author.books")                     // + 1 statement: every book of those authors
                    .list(session.createQuery("from Book b where b.published >= 2020 order by b.id", Book.class));
            // docs:end gs-mixed
            assertThat(sql().count()).isEqualTo(2);
            assertThat(books).allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getAuthor().getBooks())).isTrue());
        });
    }

    @Test
    void explainShowsTheStatementsOfAPlan() {
        DocsDb.db();
        // docs:begin gs-explain
        String statements = Related.select("author").prefetch("author.books").explain(Book.class);
        // docs:end gs-explain
        Docs.assertOutput("gs-explain", statements);
    }

    @Test
    void aDaoKeepsItsPlansInConstants() {
        inSession(session -> {
            List<Book> books = new BookDao(session).findAllWithAuthor();
            assertThat(books).hasSize(2_000);
            assertThat(sql().count()).isEqualTo(1);
        });
    }

    @Test
    void aTypoIsRefusedWithTheChoicesAndASuggestion() {
        inSession(session -> {
            // docs:begin gs-typo
            Throwable error = catchThrowable(() -> Related.select("autor").list(session, Book.class));
            // docs:end gs-typo
            assertThat(error).isInstanceOf(RelatedException.class);
            assertThat(sql().count()).isZero();
            Docs.assertOutput("gs-typo", error.getMessage());
        });
    }

    @Test
    void theGuardIsInstalledInOneLine() {
        // docs:begin gs-guard
        LazyLoadGuard.install();                          // once, at start-up; no -javaagent flag needed
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);   // the default: one WARN line per N+1 and call site
        // docs:end gs-guard
        assertThat(LazyLoadGuard.isInstalled()).isTrue();
        assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.WARN);
    }
}
