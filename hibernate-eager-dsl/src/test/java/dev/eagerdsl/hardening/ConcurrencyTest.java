package dev.eagerdsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.model.Review;
import dev.eagerdsl.model.Tag;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, concurrency: one plan shared by 8 threads, each with its own sessions, with the guard
 * installed: 10,000 plan runs on H2 and on PostgreSQL, zero errors, every result identical to a
 * single-threaded run, and the guard's events for each thread's own N+1 delivered on that thread,
 * for the owners its own session loaded.
 */
class ConcurrencyTest {

    static final FetchPlan PLAN = Related.select("author.publisher").prefetch("tags", "reviews", "author.awards");

    @AfterEach
    void reset() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static String signature(Session s) {
        List<Book> books = PLAN.list(s.createQuery("from Book b order by b.id", Book.class));
        return books.stream().map(b -> b.getId() + ":" + (b.getAuthor() == null ? "-" : b.getAuthor().getName() + "/"
                        + (b.getAuthor().getPublisher() == null ? "-" : b.getAuthor().getPublisher().getName()) + "/"
                        + b.getAuthor().getAwards().size())
                        + ":" + b.getTags().stream().map(Tag::getId).sorted().toList()
                        + ":" + b.getReviews().stream().map(Review::getId).toList())
                .collect(Collectors.joining(";"));
    }

    @Test
    void eightThreadsShareOnePlanWithIdenticalResultsAndNoMixedEvents() throws Exception {
        LazyLoadGuard.install();
        String expected = TestDb.withSession(ConcurrencyTest::signature);
        // 10,000 runs take about 10 s on H2 and 25 s on PostgreSQL on 2 cores; -Deagerdsl.concurrency.runs=N to change
        int runs = Integer.getInteger("eagerdsl.concurrency.runs", 10_000);
        int threads = 8;
        Map<Thread, List<LazyLoad>> events = new ConcurrentHashMap<>();
        Map<Thread, Long> skipByThread = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        AtomicInteger different = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (var sub = LazyLoadGuard.subscribe(e -> events.computeIfAbsent(Thread.currentThread(), t -> new ArrayList<>()).add(e))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long skip = 1 + t % 4;
                futures.add(pool.submit(() -> {
                    skipByThread.put(Thread.currentThread(), skip);
                    for (int i = 0; i < runs / threads; i++) {
                        int round = i;
                        try (Session s = TestDb.factory().openSession()) {
                            if (!expected.equals(signature(s))) {
                                different.incrementAndGet();
                            }
                            if (round % 50 == 0) {
                                // a deliberate N+1 in this thread's own session, over the courses but one (its own choice):
                                // 3 events, on this thread only, for exactly those owners
                                s.createQuery("from Course c where c.id <> :skip", Course.class).setParameter("skip", skip)
                                        .getResultList().forEach(c -> c.getStudents().size());
                            }
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("[" + Databases.kind() + "] concurrency: " + threads + " threads x " + runs / threads + " plan runs = "
                + done.get() + ", errors " + errors.get() + ", different results " + different.get());
        assertThat(errors.get()).as("errors, the first: %s", firstError.get()).isZero();
        assertThat(different.get()).isZero();
        assertThat(done.get()).isEqualTo(runs);
        assertThat(events).hasSize(threads);
        int perThread = (runs / threads + 49) / 50 * 3;
        events.forEach((thread, list) -> {
            long skip = skipByThread.get(thread);
            assertThat(list).hasSize(perThread);
            assertThat(list).allSatisfy(e -> {
                assertThat(e.role()).isEqualTo("Course.students");
                assertThat(e.callSite()).startsWith("ConcurrencyTest.");
                assertThat(e.siblings()).as("rows of this session's own query").isEqualTo(3);
                assertThat(e.ownerId()).as("an owner this thread's session loaded").isNotEqualTo(skip);
            });
        });
    }
}
