package dev.eagerdsl.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.guard.fixture.Shelf;
import dev.eagerdsl.guard.fixture.Shelves;
import dev.eagerdsl.guard.fixture.dao.ShelfDao;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The call site names the application's code: framework frames (a {@code jdk.proxy} over a repository called by
 * reflection, in a package put on {@code eagerdsl.guard.skip-packages} by the Hibernate setting), a DAO package put
 * there by the system property, and, for a lazy load inside an entity's getter, the loop that called the getter.
 */
class CallSiteTest {

    private static SessionFactory factory;
    private final List<LazyLoad> seen = Collections.synchronizedList(new ArrayList<>());
    private LazyLoadGuard.Subscription subscription;
    private Optional<LazyLoadGuard.Mode> before;

    @BeforeAll
    static void start() {
        assertThat(LazyLoadGuard.install()).isTrue();
        factory = Shelves.factory("eagerdsl-callsites", true,
                Map.of("eagerdsl.guard.skip-packages", "dev.eagerdsl.guard.fixture.framework"));
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @BeforeEach
    void watch() {
        before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        subscription = LazyLoadGuard.subscribe(seen::add);
    }

    @AfterEach
    void restore() {
        subscription.close();
        System.clearProperty("eagerdsl.guard.skip-packages");
        before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
    }

    @Test
    void proxyReflectionAndASkippedFrameworkPackageAreSkippedUpToTheDaoThatCalledTheRepository() {
        try (Session s = factory.openSession()) {
            assertThat(ShelfDao.volumeCounts(s)).containsExactly(2, 2, 2);
        }

        assertThat(seen).hasSize(3).extracting(LazyLoad::callSite)
                .containsOnly("ShelfDao.volumeCounts(ShelfDao.java:" + lineOf("fixture/dao/ShelfDao.java", "// dao line") + ")");
    }

    @Test
    void aPackageOnTheSystemPropertyIsSkippedAsWell() {
        System.setProperty("eagerdsl.guard.skip-packages", "dev.eagerdsl.guard.fixture.dao");
        try (Session s = factory.openSession()) {
            ShelfDao.volumeCounts(s); // the application's call
        }

        assertThat(seen).hasSize(3).extracting(LazyLoad::callSite)
                .containsOnly("CallSiteTest.aPackageOnTheSystemPropertyIsSkippedAsWell(CallSiteTest.java:"
                        + lineOf("CallSiteTest.java", "// the application's call") + ")");
    }

    @Test
    void theSkipListChangingTakesEffectForClassesAlreadySeen() {
        String dao = "ShelfDao.volumeCounts(ShelfDao.java:" + lineOf("fixture/dao/ShelfDao.java", "// dao line") + ")";
        String here = "CallSiteTest.theSkipListChangingTakesEffectForClassesAlreadySeen(CallSiteTest.java:"
                + lineOf("CallSiteTest.java", "// the application's second call") + ")";
        try (Session s = factory.openSession()) {
            ShelfDao.volumeCounts(s);
        }
        System.setProperty("eagerdsl.guard.skip-packages", "dev.eagerdsl.guard.fixture.dao");
        try (Session s = factory.openSession()) {
            ShelfDao.volumeCounts(s); // the application's second call
        }
        System.clearProperty("eagerdsl.guard.skip-packages");
        try (Session s = factory.openSession()) {
            ShelfDao.volumeCounts(s);
        }

        // the guard decides per class once, and decides again when the list changes
        assertThat(seen).extracting(LazyLoad::callSite).containsExactly(dao, dao, dao, here, here, here, dao, dao, dao);
    }

    @Test
    void aLazyLoadInsideAnEntityGetterNamesTheLoopThatCalledIt() {
        try (Session s = factory.openSession()) {
            for (Shelf shelf : s.createQuery("from Shelf s order by s.id", Shelf.class).list()) {
                shelf.volumeCount(); // the loop
            }
        }

        assertThat(seen).hasSize(3).extracting(LazyLoad::callSite)
                .containsOnly("CallSiteTest.aLazyLoadInsideAnEntityGetterNamesTheLoopThatCalledIt(CallSiteTest.java:"
                        + lineOf("CallSiteTest.java", "// the loop") + ") via Shelf.volumeCount(Shelf.java:"
                        + lineOf("fixture/Shelf.java", "// getter line") + ")");
    }

    @Test
    void theLoadsOfOneAssociationOnTheRowsOfOneQueryAreCountedAtTheCallSiteOfTheFirstOne() {
        String method = "CallSiteTest.theLoadsOfOneAssociationOnTheRowsOfOneQueryAreCountedAtTheCallSiteOfTheFirstOne(CallSiteTest.java:";
        String first = method + lineOf("CallSiteTest.java", "// the first touch") + ")";
        String again = method + lineOf("CallSiteTest.java", "// the second query's loop") + ")";
        try (Session s = factory.openSession()) {
            List<Shelf> shelves = s.createQuery("from Shelf s order by s.id", Shelf.class).list();
            shelves.get(0).getVolumes().size(); // the first touch
            for (Shelf shelf : shelves) {
                shelf.getVolumes().size(); // a loop elsewhere over the same rows
            }
            s.clear();
            // a second query: its rows are another N, whose first load is looked up again
            for (Shelf shelf : s.createQuery("from Shelf s order by s.id desc", Shelf.class).list()) {
                shelf.getVolumes().size(); // the second query's loop
            }
        }

        // one stack walk per query and association, not one per load: an N+1's fix is on its query, and one site leads there
        assertThat(seen).extracting(LazyLoad::callSite).containsExactly(first, first, first, again, again, again);
    }

    private static int lineOf(String file, String marker) {
        try {
            List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/eagerdsl/guard", file));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker) && !lines.get(i).contains("lineOf(")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("line not found: " + marker);
    }
}
