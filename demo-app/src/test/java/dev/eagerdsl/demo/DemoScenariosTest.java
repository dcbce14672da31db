package dev.eagerdsl.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.demo.dao.Seeder;
import dev.eagerdsl.demo.db.Database;
import dev.eagerdsl.demo.scenario.Outcome;
import dev.eagerdsl.demo.scenario.Runner;
import dev.eagerdsl.demo.scenario.Scenarios;
import dev.eagerdsl.demo.scenario.SerializerMistake;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs the demo's scenarios on the demo's data set and pins what the demo prints, so the demo cannot
 * rot: the exact statement counts, equal results, and the serializer mistake failing.
 */
class DemoScenariosTest {

    private static Database db;
    private static Seeder.Counts counts;
    private static Runner runner;

    @BeforeAll
    static void seed() {
        LazyLoadGuard.install();   // as DemoApp does: the FETCH_PEERS run of each scenario needs it
        db = Database.fromSystemProperties();
        counts = new Seeder(db.factory()).seed(rows -> { });
        runner = new Runner(db, 0);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void seedsTheSameDataSetEveryRun() {
        assertThat(counts).isEqualTo(new Seeder.Counts(120, 2_000, 60, 698, 1_200, 1_725, 24, 1_443));
        assertThat(counts.rows()).isEqualTo(Seeder.ROWS);
    }

    @Test
    void booksWithTheirAuthorTake121StatementsNaivelyAndOneWithSelect() {
        Outcome o = runner.run(Scenarios.BOOKS);
        assertThat(o.naiveStatements()).isEqualTo(1 + 120);
        assertThat(o.peersStatements()).as("the same naive code with the guard in FETCH_PEERS").isEqualTo(2);
        assertThat(o.peersSameResult()).isTrue();
        assertThat(o.relatedStatements()).isEqualTo(1);
        assertThat(o.sameResult()).isTrue();
        assertThat(o.relatedGuardEvents()).isZero();
        assertThat(o.explain()).isEqualTo("select r from Book r join fetch r.author j1");
    }

    @Test
    void coursesWithTheirStudentsTake61StatementsNaivelyAndTwoWithPrefetch() {
        Outcome o = runner.run(Scenarios.COURSES);
        assertThat(o.naiveStatements()).isEqualTo(1 + 60);
        assertThat(o.peersStatements()).as("the same naive code with the guard in FETCH_PEERS").isEqualTo(2);
        assertThat(o.peersSameResult()).isTrue();
        assertThat(o.relatedStatements()).isEqualTo(2);
        assertThat(o.sameResult()).isTrue();
        assertThat(o.relatedGuardEvents()).isZero();
        assertThat(o.explain()).startsWith("select r from Course r\nprefetch students: ");
    }

    @Test
    void categoriesAsJsonTake25StatementsNaivelyAndTwoWithPrefetch() {
        Outcome o = runner.run(Scenarios.CATEGORIES);
        assertThat(o.naiveStatements()).isEqualTo(1 + 24);
        assertThat(o.peersStatements()).as("the same naive code with the guard in FETCH_PEERS").isEqualTo(2);
        assertThat(o.peersSameResult()).isTrue();
        assertThat(o.relatedStatements()).isEqualTo(2);
        assertThat(o.sameResult()).isTrue();
        assertThat(o.relatedGuardEvents()).isZero();
        assertThat(o.explain()).startsWith("select r from Category r\nprefetch products: ");
    }

    @Test
    void serializingProductsWithTheCategorySerializerFailsAndCategoriesWithPrefetchedProductsNest() {
        SerializerMistake.Result r = SerializerMistake.run(runner);
        assertThat(r.wrongStatements()).isEqualTo(1);
        assertThat(r.wrongError()).startsWith("JsonMappingException: class dev.eagerdsl.demo.model.Product cannot be cast"
                + " to class dev.eagerdsl.demo.model.Category");
        assertThat(r.rightStatements()).isEqualTo(2);
        assertThat(r.right()).hasSize(24);
        int products = 0;
        for (JsonNode category : r.right()) {
            assertThat(category.fieldNames()).toIterable().containsExactly("id", "name", "description", "products");
            products += category.get("products").size();
        }
        assertThat(products).isEqualTo(1_443);
        assertThat(r.right().get(0).get("products").get(0).fieldNames()).toIterable()
                .containsExactly("id", "name", "description", "price", "quantity");
    }

    @Test
    void theGuardReportsEachNaiveScenarioWithItsFixAndStaysSilentForThePlans() {
        assumeTrue(LazyLoadGuard.install(), "LazyLoadGuard.install() returned false: the guard is not available");
        LazyLoadGuard.Mode mode = LazyLoadGuard.mode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        // the guard logs a call site at WARN once per JVM (EAGER-101), then at DEBUG (EAGER-102): other
        // tests of this JVM may have run these scenarios first, so both are captured here
        Logger guardLogger = (Logger) LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");
        Level level = guardLogger.getLevel();
        guardLogger.setLevel(Level.DEBUG);
        try {
            Outcome books = runner.run(Scenarios.BOOKS);
            assertThat(books.guardEvents()).isEqualTo(120);
            assertThat(books.guardLines()).singleElement().asString().matches("(WARN|DEBUG) dev\\.eagerdsl\\.LazyLoad - EAGER-10[12] .*")
                    .contains("Book.author lazily loaded 120 times at BookReport.lines(BookReport.java:",
                            "Fix: Related.select(\"author\")");
            Outcome courses = runner.run(Scenarios.COURSES);
            assertThat(courses.guardEvents()).isEqualTo(60);
            assertThat(courses.guardLines()).singleElement().asString()
                    .contains("Course.students lazily loaded 60 times at CourseReport.lines(CourseReport.java:",
                            "Fix: Related.prefetch(\"students\")");
            Outcome categories = runner.run(Scenarios.CATEGORIES);
            assertThat(categories.guardEvents()).isEqualTo(24);
            assertThat(categories.guardLines()).singleElement().asString()
                    .contains("Category.products lazily loaded 24 times at CategorySerializer.serialize(CategorySerializer.java:",
                            "Fix: Related.prefetch(\"products\")");
            for (Outcome o : List.of(books, courses, categories)) {
                assertThat(o.relatedGuardEvents()).as(o.scenario().title()).isZero();
            }
        } finally {
            guardLogger.setLevel(level);
            LazyLoadGuard.setMode(mode);
        }
    }
}
