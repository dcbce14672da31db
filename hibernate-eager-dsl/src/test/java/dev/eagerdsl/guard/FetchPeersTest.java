package dev.eagerdsl.guard;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.Animal;
import dev.eagerdsl.model.Author;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.model.Car;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.model.Dog;
import dev.eagerdsl.model.Student;
import dev.eagerdsl.model.Vehicle;
import dev.eagerdsl.model.guard.Dish;
import dev.eagerdsl.model.guard.GuardModel;
import dev.eagerdsl.model.guard.Menu;
import dev.eagerdsl.model.guard.Recipe;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code FETCH_PEERS}: the first N+1-shaped load of an association loads it for every peer of the same query still in
 * the session, in one batched statement, so a loop costs 2 statements instead of N + 1 (one more per nested level); the
 * WARN line still names the fix. Books 1-10 have authors 1,1,1,2,2,3,3,3,4 and none; courses 1-4 have students.
 */
class FetchPeersTest {

    private final List<LazyLoad> seen = Collections.synchronizedList(new ArrayList<>());
    private LazyLoadGuard.Subscription subscription;

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
        TestDb.factory();
    }

    @BeforeEach
    void peers() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.FETCH_PEERS);
        subscription = LazyLoadGuard.subscribe(seen::add);
    }

    @AfterEach
    void reset() {
        subscription.close();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static List<Book> books(Session s) {
        return s.createQuery("from Book b order by b.id", Book.class).getResultList();
    }

    private static List<Course> courses(Session s) {
        return s.createQuery("from Course c order by c.id", Course.class).getResultList();
    }

    @Test
    void aLoopOverALazyToOneCostsTwoStatementsAndTheWarnLineNamesTheFix() {
        List<String> names = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            TestDb.inSession(s -> {
                List<Book> books = books(s);
                for (Book b : books) {
                    if (b.getAuthor() != null) {
                        names.add(b.getAuthor().getName());
                    }
                }
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertThat(books).allSatisfy(b -> assertThat(b.getAuthor() == null || Hibernate.isInitialized(b.getAuthor())).isTrue());
                s.flush();
                assertThat(SQL.dml()).isEmpty();
            });
            assertThat(log.lines()).filteredOn(l -> l.contains("Book.author")).singleElement().satisfies(l -> assertThat(l).matches(
                    "WARN EAGER-101 Book\\.author lazily loaded 1 time at FetchPeersTest\\.lambda\\$\\w+\\$\\d+\\(FetchPeersTest\\.java:\\d+\\)"
                            + " \\(N\\+1: each Book was one of 10 rows of one query; FETCH_PEERS loaded their 4 distinct targets in one"
                            + " batch\\)\\. Fix: Related\\.select\\(\"author\"\\)"));
        }
        assertThat(names).containsExactly("Ada", "Ada", "Ada", "Borges", "Borges", "Calvino", "Calvino", "Calvino", "Duras");
        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.association()).isEqualTo("author");
            assertThat(e.fix()).isEqualTo("Related.select(\"author\")");
            assertThat(e.siblings()).isEqualTo(10);
        });
    }

    @Test
    void theSameLoopInWarnStillCostsOnePlusN() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        TestDb.inSession(s -> {
            for (Book b : books(s)) {
                if (b.getAuthor() != null) {
                    b.getAuthor().getName();
                }
            }
            assertThat(SQL.count()).as("1 + one per distinct author").isEqualTo(5);
        });
        assertThat(seen).hasSize(4);
    }

    @Test
    void strictStillThrowsAtTheFirstTouchBeforeItsSql() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
        TestDb.inSession(s -> {
            List<Course> courses = courses(s);
            SQL.clear();
            assertThatThrownBy(() -> courses.get(0).getStudents().size()).isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("EAGER-101 Course.students lazily loaded");
            assertThat(SQL.count()).isZero();
        });
    }

    @Test
    void aLoopOverALazyCollectionCostsTwoStatements() {
        List<Integer> sizes = new ArrayList<>();
        TestDb.inSession(s -> {
            List<Course> courses = courses(s);
            sizes.add(courses.get(0).getStudents().size());
            assertThat(courses).allSatisfy(c -> assertThat(Hibernate.isInitialized(c.getStudents())).isTrue());
            for (Course c : courses.subList(1, courses.size())) {
                sizes.add(c.getStudents().size());
            }
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
        });
        List<Integer> lazily = new ArrayList<>();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
        TestDb.inSession(s -> courses(s).forEach(c -> lazily.add(c.getStudents().size())));
        assertThat(sizes).isEqualTo(lazily).hasSize(4);
        assertThat(seen).singleElement().satisfies(e -> assertThat(e.fix()).isEqualTo("Related.prefetch(\"students\")"));
    }

    @Test
    void twoLevelsCostOneStatementEach() {
        TestDb.inSession(s -> {
            int awards = 0;
            for (Book b : books(s)) {
                if (b.getAuthor() != null) {
                    awards += b.getAuthor().getAwards().size();
                }
            }
            assertThat(awards).as("Ada's two awards on books 1-3, Calvino's one on books 6-8").isEqualTo(9);
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
        });
        assertThat(seen).extracting(LazyLoad::fix)
                .containsExactly("Related.select(\"author\")", "Related.prefetch(\"author.awards\")");
    }

    @Test
    void aCollectionThenAToOneBelowItCostOneStatementEach() {
        TestDb.inSession(s -> {
            List<String> advisors = new ArrayList<>();
            for (Course c : courses(s)) {
                for (Student st : c.getStudents()) {
                    if (st.getAdvisor() != null) {
                        advisors.add(st.getAdvisor().getName());
                    }
                }
            }
            assertThat(advisors).isNotEmpty();
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
        });
        assertThat(seen).extracting(LazyLoad::fix)
                .containsExactly("Related.prefetch(\"students\")", "Related.prefetch(\"students.advisor\")");
    }

    @Test
    void peersAlreadyLoadedAreNotLoadedAgain() {
        List<String> names = new ArrayList<>();
        try (LogCapture log = new LogCapture()) {
            TestDb.inSession(s -> {
                s.find(Author.class, 2L);
                List<Book> books = books(s);
                SQL.clear();
                books.forEach(b -> {
                    if (b.getAuthor() != null) {
                        names.add(b.getAuthor().getName());
                    }
                });
                assertThat(SQL.count()).isEqualTo(1);
            });
            assertThat(log.lines()).filteredOn(l -> l.contains("Book.author")).singleElement()
                    .satisfies(l -> assertThat(l).contains("FETCH_PEERS loaded their 3 distinct targets in one batch"));
        }
        assertThat(names).hasSize(9);
        assertThat(seen).singleElement();
    }

    @Test
    void evictedPeersAreLeftAlone() {
        TestDb.inSession(s -> {
            List<Course> courses = courses(s);
            s.evict(courses.get(1));
            s.evict(courses.get(2));
            SQL.clear();
            courses.get(0).getStudents().size();
            assertThat(SQL.count()).isEqualTo(1);
            assertThat(Hibernate.isInitialized(courses.get(3).getStudents())).as("the other peer still in the session").isTrue();
            assertThat(Hibernate.isInitialized(courses.get(1).getStudents())).as("evicted").isFalse();
            assertThat(Hibernate.isInitialized(courses.get(2).getStudents())).as("evicted").isFalse();
        });
    }

    @Test
    void aSingleFindFetchesNothingElse() {
        TestDb.inSession(s -> {
            Course c = s.find(Course.class, 1L);
            List<Course> others = List.of(s.getReference(Course.class, 2L));
            c.getStudents().size();
            s.find(Book.class, 1L).getAuthor().getName();
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(4);
            assertThat(Hibernate.isInitialized(others.get(0))).isFalse();
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void anEagerCollectionLoadedPerOwnerBecomesOneStatement() {
        try (Session s = GuardModel.plain().openSession()) {
            s.beginTransaction();
            GuardModel.SQL.clear();
            List<Recipe> recipes = s.createQuery("from GuardRecipe r order by r.id", Recipe.class).getResultList();
            assertThat(GuardModel.SQL.count()).as(GuardModel.SQL.describe()).isEqualTo(2);
            assertThat(recipes).hasSize(4).allSatisfy(r -> assertThat(r.getSteps()).hasSize(2));
            s.getTransaction().rollback();
        }
        assertThat(seen).singleElement().satisfies(e -> assertThat(e.fix()).isEqualTo("Related.prefetch(\"steps\")"));
    }

    @Test
    void whatThePeersElementsMapEagerIsLoadedInBatchesToo() {
        try (Session s = GuardModel.plain().openSession()) {
            s.beginTransaction();
            GuardModel.SQL.clear();
            List<Menu> menus = s.createQuery("from GuardMenu m order by m.id", Menu.class).getResultList();
            List<String> chefs = new ArrayList<>();
            for (Menu m : menus) {
                for (Dish d : m.getDishes()) {
                    assertThat(Hibernate.isInitialized(d.getChef())).as("EAGER, loaded with the dishes").isTrue();
                    chefs.add(d.getChef().getName());
                }
            }
            assertThat(chefs).hasSize(4);
            assertThat(GuardModel.SQL.count()).as("menus, their dishes, the dishes' 3 chefs: " + GuardModel.SQL.describe()).isEqualTo(3);
            s.getTransaction().rollback();
        }
        assertThat(seen).singleElement().satisfies(e -> assertThat(e.fix()).isEqualTo("Related.prefetch(\"dishes\")"));
    }

    @Test
    void peersOfAnotherSubclassWithoutTheAssociationAreSkipped() {
        TestDb.inSession(s -> {
            List<String> drivers = new ArrayList<>();
            for (Vehicle v : s.createQuery("from Vehicle v order by v.id", Vehicle.class).getResultList()) {
                if (v instanceof Car car) {
                    drivers.add(car.getDriver().getName());
                }
            }
            int toys = 0;
            for (Animal a : s.createQuery("from Animal a order by a.id", Animal.class).getResultList()) {
                if (a instanceof Dog dog) {
                    toys += dog.getToys().size();
                }
            }
            assertThat(drivers).hasSize(2);
            assertThat(toys).isPositive();
            assertThat(SQL.count()).as("vehicles, their drivers, animals, the dogs' toys: " + SQL.describe()).isEqualTo(4);
        });
        assertThat(seen).extracting(LazyLoad::fix).containsExactly("Related.select(\"driver\")", "Related.prefetch(\"toys\")");
    }

    @Test
    void thePlanStillWinsAndRaisesNothing() {
        TestDb.inSession(s -> {
            List<Book> books = Related.select("author").prefetch("author.awards").list(s.createQuery("from Book b order by b.id", Book.class));
            books.forEach(b -> {
                if (b.getAuthor() != null) {
                    b.getAuthor().getAwards().size();
                }
            });
            assertThat(SQL.count()).isEqualTo(2);
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void theDocsExample() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        LogCapture log = new LogCapture();
        // docs:begin guard-fetch-peers
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.FETCH_PEERS);   // or the setting eagerdsl.guard=fetch_peers
        TestDb.inSession(session -> {
            for (Course course : session.createQuery("from Course c", Course.class).getResultList()) {
                course.getStudents().size();                     // the first touch loads the students of all 4 courses
            }
        });
        // 2 statements instead of 5; when the session closes, one WARN line:
        // EAGER-101 Course.students lazily loaded 1 time at ... (N+1: each Course was one of 4 rows of one query;
        //     FETCH_PEERS loaded it for 4 of them in one batch). Fix: Related.prefetch("students")
        // docs:end guard-fetch-peers
        log.close();
        assertThat(SQL.count()).isEqualTo(2);
        assertThat(seen).singleElement();
        assertThat(log.lines()).singleElement().satisfies(l -> assertThat(l).startsWith("WARN EAGER-101 Course.students lazily loaded 1 time at ")
                .endsWith(" (N+1: each Course was one of 4 rows of one query; FETCH_PEERS loaded it for 4 of them in one batch)."
                        + " Fix: Related.prefetch(\"students\")"));
    }

    @Test
    void theSettingValueIsFetchPeers() {
        LazyLoadGuard.clearMode();
        System.setProperty("eagerdsl.guard", "fetch_peers");
        try {
            assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.FETCH_PEERS);
        } finally {
            System.clearProperty("eagerdsl.guard");
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.FETCH_PEERS);
        }
    }
}
