package dev.eagerdsl.guard;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.integrator.spi.Integrator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** LazyLoadGuard: N+1 lazy loads raise events with the fix and the call site; plans, single finds and OFF stay silent. */
class LazyLoadGuardTest {

    private final List<LazyLoad> seen = Collections.synchronizedList(new ArrayList<>());
    private LazyLoadGuard.Subscription subscription;

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
        assertThat(LazyLoadGuard.install()).as("idempotent").isTrue();
        TestDb.factory();
    }

    private void subscribe() {
        subscription = LazyLoadGuard.subscribe(seen::add);
    }

    @AfterEach
    void reset() {
        if (subscription != null) {
            subscription.close();
        }
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static List<Course> courses(org.hibernate.Session s) {
        return s.createQuery("from Course c order by c.id", Course.class).getResultList();
    }

    @Test
    void aLoopOverALazyCollectionRaisesOneEventPerOwnerWithTheFix() {
        subscribe();
        TestDb.inSession(s -> {
            for (Course c : courses(s)) {
                c.getStudents().size();
            }
        });
        assertThat(seen).hasSize(4);
        LazyLoad first = seen.get(0);
        assertThat(first.ownerEntity()).isEqualTo("Course");
        assertThat(first.association()).isEqualTo("students");
        assertThat(first.ownerId()).isEqualTo(1L);
        assertThat(first.fix()).isEqualTo("Related.prefetch(\"students\")");
        assertThat(first.collection()).isTrue();
        assertThat(first.siblings()).isEqualTo(4);
        assertThat(first.callSite()).startsWith("LazyLoadGuardTest.lambda$").contains("(LazyLoadGuardTest.java:");
        assertThat(first.toString()).contains("Course", "students", "1", "LazyLoadGuardTest", "Related.prefetch(\"students\")");
    }

    @Test
    void aLoopOverALazyToOneRaisesOneEventPerProxyLoad() {
        subscribe();
        TestDb.inSession(s -> {
            for (Book b : s.createQuery("from Book b order by b.id", Book.class).getResultList()) {
                if (b.getAuthor() != null) {
                    b.getAuthor().getName();
                }
            }
        });
        assertThat(seen).extracting(LazyLoad::ownerEntity, LazyLoad::association, LazyLoad::fix, LazyLoad::collection)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("Book", "author", "Related.select(\"author\")", false));
        assertThat(seen).hasSize(4);
        // one proxy serves every book of author 1 (books 1-3): the event names one of them
        assertThat(seen.get(0).ownerId()).isIn(1L, 2L, 3L);
    }

    @Test
    void associationsThatAPlanLoadedRaiseNothing() {
        subscribe();
        TestDb.inSession(s -> {
            List<Book> books = Related.select("author").prefetch("tags", "author.awards")
                    .list(s.createQuery("from Book b order by b.id", Book.class));
            books.forEach(b -> {
                b.getTags().size();
                if (b.getAuthor() != null) {
                    b.getAuthor().getAwards().size();
                }
            });
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void aSingleEntityLoadedAloneRaisesNothing() {
        subscribe();
        TestDb.inSession(s -> {
            s.find(Course.class, 1L).getStudents().size();
            s.find(Book.class, 1L).getAuthor().getName();
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void theFixNamesTheWholePathBelowAPlan() {
        subscribe();
        TestDb.inSession(s -> {
            List<Course> courses = Related.prefetch("students").list(s.createQuery("from Course c order by c.id", Course.class));
            courses.forEach(c -> c.getStudents().forEach(st -> {
                if (st.getAdvisor() != null) {
                    st.getAdvisor().getName();
                }
            }));
        });
        assertThat(seen).isNotEmpty().allSatisfy(e -> assertThat(e.fix()).isEqualTo("Related.prefetch(\"students.advisor\")"));
    }

    @Test
    void theFixNamesTheWholePathBelowAnotherLazyLoad() {
        subscribe();
        TestDb.inSession(s -> {
            for (Book b : s.createQuery("from Book b where b.author is not null order by b.id", Book.class).getResultList()) {
                b.getAuthor().getAwards().size();
            }
        });
        assertThat(seen).extracting(LazyLoad::fix).contains("Related.select(\"author\")", "Related.prefetch(\"author.awards\")");
    }

    @Test
    void strictThrowsAtTheTouchBeforeAnySql() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
        TestDb.inSession(s -> {
            List<Course> courses = courses(s);
            SQL.clear();
            Course first = courses.get(0);
            assertThatThrownBy(() -> first.getStudents().size()).isInstanceOf(LazyLoadException.class)
                    .hasMessageStartingWith("EAGER-101 Course.students lazily loaded at LazyLoadGuardTest.lambda$")
                    .hasMessageEndingWith("(LazyLoadGuardTest.java:" + (lineOf("first.getStudents().size()")) + ") (N+1: each Course was one"
                            + " of 4 rows of one query). Fix: Related.prefetch(\"students\")")
                    .satisfies(e -> assertThat(((LazyLoadException) e).event().association()).isEqualTo("students"));
            assertThat(SQL.count()).as("no SQL of the refused load").isZero();
            assertThat(Hibernate.isInitialized(first.getStudents())).isFalse();
        });
    }

    @Test
    void theDocsExampleCollectsEvents() {
        List<LazyLoad> events = new ArrayList<>();
        // docs:begin guard-api
        LazyLoadGuard.install();                              // idempotent; no -javaagent flag needed
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);       // OFF, WARN (default), STRICT
        try (var sub = LazyLoadGuard.subscribe(events::add)) {
            TestDb.inSession(session -> {
                for (Course course : session.createQuery("from Course c", Course.class).getResultList()) {
                    course.getStudents().size();              // lazy load in a loop: an N+1
                }
            });
        }
        // events: 4 x LazyLoad[ownerEntity=Course, association=students, ..., fix=Related.prefetch("students"), ...]
        // docs:end guard-api
        assertThat(events).hasSize(4).allSatisfy(e -> assertThat(e.fix()).isEqualTo("Related.prefetch(\"students\")"));
    }

    @Test
    void offIsSilent() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
        subscribe();
        TestDb.inSession(s -> courses(s).forEach(c -> c.getStudents().size()));
        assertThat(seen).isEmpty();
    }

    @Test
    void warnLogsOneAggregatedLinePerCallSiteWhenTheSessionCloses() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            TestDb.inSession(s -> {
                for (Course c : courses(s)) {
                    c.getStudents().size();
                }
                assertThat(appender.list).as("nothing logged before the session closes").isEmpty();
            });
            assertThat(appender.list).hasSize(1);
            ILoggingEvent line = appender.list.get(0);
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).matches("EAGER-101 Course\\.students lazily loaded 4 times at LazyLoadGuardTest\\.lambda\\$"
                    + "\\S+\\(LazyLoadGuardTest\\.java:\\d+\\) \\(N\\+1: each Course was one of 4 rows of one query\\)\\. Fix:"
                    + " Related\\.prefetch\\(\"students\"\\)");
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void aSubscriberThatThrowsIsIgnoredAndTheApplicationRunsOn() {
        try (var failing = LazyLoadGuard.subscribe(e -> {
            throw new IllegalStateException("subscriber bug");
        })) {
            subscribe();
            TestDb.inSession(s -> courses(s).forEach(c -> assertThat(c.getStudents().size()).isNotNegative()));
        }
        assertThat(seen).hasSize(4);
    }

    @Test
    void eightThreadsWithTheirOwnSessionsDoNotMixEvents() throws Exception {
        Map<Thread, List<LazyLoad>> byThread = new ConcurrentHashMap<>();
        subscription = LazyLoadGuard.subscribe(e -> byThread.computeIfAbsent(Thread.currentThread(), t -> new ArrayList<>()).add(e));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                long courseOrBook = t % 2;
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        TestDb.inSession(s -> {
                            if (courseOrBook == 0) {
                                courses(s).forEach(c -> c.getStudents().size());
                            } else {
                                s.createQuery("from Book b where b.author is not null", Book.class).getResultList()
                                        .forEach(b -> b.getAuthor().getName());
                            }
                        });
                    }
                    return courseOrBook;
                }));
            }
            for (Future<Long> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(byThread).hasSize(8);
        byThread.values().forEach(events -> {
            assertThat(events).hasSize(20 * 4);
            assertThat(events).extracting(LazyLoad::association).containsOnly(events.get(0).association());
        });
    }

    @Test
    void aBatchedLoadThatCoversTheWholeQueryIsNoNPlusOne() {
        // hibernate.default_batch_fetch_size=16 and 4 courses: the first touch loads every course's students in one statement
        // (until issue 14 this raised one event; one statement for the whole query is not an N+1)
        SessionFactory batched = new org.hibernate.cfg.Configuration() {
            {
                TestDb.ENTITIES.forEach(this::addAnnotatedClass);
                dev.eagerdsl.testing.Databases.jdbc("eagerdsl").forEach(this::setProperty);
                setProperty("hibernate.default_batch_fetch_size", "16");
            }
        }.buildSessionFactory();
        subscribe();
        try (var s = batched.openSession()) {
            courses(s).forEach(c -> c.getStudents().size());
        } finally {
            batched.close();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void theIntegratorIsRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(Integrator.class).stream().map(p -> p.type().getName()))
                .contains("dev.eagerdsl.internal.EagerDslIntegrator");
    }

    @Test
    void theHibernateSettingTurnsTheGuardOnForItsFactory() {
        LazyLoadGuard.clearMode();                            // a mode set in code would win over the setting
        SessionFactory strict = new org.hibernate.cfg.Configuration() {
            {
                addAnnotatedClass(Publisher.class);
                dev.eagerdsl.testing.Databases.jdbc("eagerdsl").forEach(this::setProperty);
                setProperty("eagerdsl.guard", "strict");
            }
        }.buildSessionFactory();
        try {
            assertThat(LazyLoadGuard.mode(strict)).isEqualTo(LazyLoadGuard.Mode.STRICT);
            assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.STRICT);
            assertThat(LazyLoadGuard.isInstalled()).isTrue();
        } finally {
            strict.close();
        }
    }

    private static int lineOf(String code) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                    "src/test/java/dev/eagerdsl/guard/LazyLoadGuardTest.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(code) && lines.get(i).contains("assertThatThrownBy")) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("line not found: " + code);
    }

    @Test
    void aNullSubscriberIsRefusedWithTheCallThatWasWrongAndWhatToPass() {
        assertThatThrownBy(() -> LazyLoadGuard.subscribe(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LazyLoadGuard.subscribe(null): pass a Consumer<LazyLoad>.");
        assertThatThrownBy(() -> LazyLoadGuard.subscribeUnused(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LazyLoadGuard.subscribeUnused(null): pass a Consumer<UnusedPrefetch>.");
    }
}
