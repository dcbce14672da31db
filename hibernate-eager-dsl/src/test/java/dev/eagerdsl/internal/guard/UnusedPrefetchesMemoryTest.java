package dev.eagerdsl.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unused-prefetch report keeps nothing alive: the collections it watches are held weakly and forgotten once
 * they are collected, and entries of decided (call site, path) groups are swept even while the application keeps
 * the entities.
 */
class UnusedPrefetchesMemoryTest {

    @BeforeEach
    void on() {
        assertThat(LazyLoadGuard.install()).isTrue();
        LazyLoadGuard.setReportUnused(true);
    }

    @AfterEach
    void off() {
        LazyLoadGuard.clearReportUnused();
    }

    private static List<Book> unreadPlan(Session s) {
        return Related.prefetch("tags").list(s.createQuery("from Book b order by b.id", Book.class));
    }

    @Test
    void collectionsDroppedByTheApplicationAreForgotten() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Session s = TestDb.factory().openSession()) {
                List<Book> books = unreadPlan(s);
                if (i % 2 == 0) {
                    books.get(0).getTags().size();
                }
                assertThat(UnusedPrefetches.tracked()).as("a session's prefetched collections are watched").isGreaterThanOrEqualTo(9);
            }
        }
        for (int i = 0; i < 20 && UnusedPrefetches.tracked() > 0; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(UnusedPrefetches.tracked()).isZero();
    }

    @Test
    void decidedEntriesAreSweptWhileTheApplicationKeepsTheEntities() {
        List<Book> kept = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            try (Session s = TestDb.factory().openSession()) {
                kept.addAll(unreadPlan(s));
            }
        }
        assertThat(kept).hasSize(10_000);
        assertThat(UnusedPrefetches.tracked()).as("10,000 collections kept by the application, their groups reported")
                .isLessThan(4_096);
    }
}
