package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.scenario.Outcome;
import dev.eagerdsl.demo.scenario.Runner;
import dev.eagerdsl.demo.scenario.Scenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The example of README.md and the SQL it shows before and after. */
class ReadmeExampleTest {

    @Test
    void withoutAPlanEachCourseCostsOneMoreStatement() {
        inSession(session -> {
            List<Course> courses = session.createQuery("from Course c where c.title like :t order by c.id", Course.class)
                    .setParameter("t", "Algebra%").list();
            courses.forEach(course -> course.getStudents().size());
            assertThat(statements()).hasSize(1 + 3);
            Docs.assertSql("readme-before", statements());
        });
    }

    @Test
    void withThePlanTwoStatementsLoadEveryCourseAndItsStudents() {
        inSession(session -> {
            // docs:begin readme
            // Course <-> Student is many-to-many: without a plan, each course's students cost one more query (N+1)
            List<Course> courses = Related.prefetch("students")               // Django: prefetch_related("students")
                    .list(session.createQuery("from Course c where c.title like :t order by c.id", Course.class)
                                 .setParameter("t", "Algebra%"));          // 2 statements for up to 1,000 courses
            for (Course course : courses) {
                course.getStudents().forEach(s -> System.out.println(course.getTitle() + ": " + s.getName())); // no SQL
            }
            List<Book> books = Related.select("author")                       // Django: select_related("author")
                    .list(session.createQuery("from Book b order by b.id", Book.class));  // 1 statement, authors joined
            // docs:end readme
            assertThat(courses).hasSize(3);
            assertThat(books).hasSize(2_000);
            assertThat(statements()).hasSize(3);
            Docs.assertSql("readme-after", statements().subList(0, 2));
        });
    }

    @Test
    void theGuardLineShownIsTheOneTheDemosCourseReportLogs() {
        assumeTrue(LazyLoadGuard.install(), "the guard is not available");
        LazyLoadGuard.Mode mode = LazyLoadGuard.mode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        Logger guardLogger = (Logger) LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");
        Level level = guardLogger.getLevel();
        guardLogger.setLevel(Level.DEBUG);
        try {
            Outcome courses = new Runner(DocsDb.db(), 0).run(Scenarios.COURSES);
            // once per JVM a call site is logged as a WARN (EAGER-101), later at DEBUG (EAGER-102) with a total
            String line = courses.guardLines().get(0).replace("DEBUG ", "WARN ").replace("EAGER-102", "EAGER-101")
                    .replaceAll(" \\(\\d+ times since start\\)$", "");
            Docs.assertOutput("readme-guard", line);
        } finally {
            guardLogger.setLevel(level);
            LazyLoadGuard.setMode(mode);
        }
    }
}
