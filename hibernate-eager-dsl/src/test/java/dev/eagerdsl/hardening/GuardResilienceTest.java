package dev.eagerdsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.internal.guard.GuardHooks;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.model.Student;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.hibernate.collection.spi.PersistentCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 8, the guard never breaks the application: in WARN and OFF, a subscriber that throws (an
 * exception or an Error) and a failure inside the instrumented Hibernate code (an internal the guard
 * does not know) are logged once and swallowed; the lazy load itself goes on as Hibernate's own.
 */
class GuardResilienceTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).as("the guard attaches in the test JVM").isTrue();
        TestDb.factory();
    }

    @BeforeEach
    void capture() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void reset() {
        logger.detachAppender(log);
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private List<String> lines(String code) {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : List.copyOf(log.list)) {
            if (e.getFormattedMessage().startsWith(code)) {
                out.add(e.getFormattedMessage());
            }
        }
        return out;
    }

    /** The N+1 shape: every course's students loaded lazily, one by one; returns what the application read. */
    private static List<Integer> nPlusOne(Session s) {
        List<Integer> sizes = new ArrayList<>();
        for (Course c : s.createQuery("from Course c order by c.id", Course.class).getResultList()) {
            sizes.add(c.getStudents().size());
        }
        return sizes;
    }

    @ParameterizedTest
    @EnumSource(value = LazyLoadGuard.Mode.class, names = {"WARN", "OFF"})
    void subscribersThatThrowAreLoggedOnceEachAndTheApplicationRunsOn(LazyLoadGuard.Mode mode) {
        LazyLoadGuard.setMode(mode);
        AtomicInteger calls = new AtomicInteger();
        List<LazyLoad> good = Collections.synchronizedList(new ArrayList<>());
        List<List<Integer>> read = new ArrayList<>();
        try (var exception = LazyLoadGuard.subscribe(e -> {
            calls.incrementAndGet();
            throw new IllegalStateException("subscriber bug");
        });
             var error = LazyLoadGuard.subscribe(e -> {
                 throw new AssertionError("subscriber assertion");
             });
             var healthy = LazyLoadGuard.subscribe(good::add)) {
            for (int session = 0; session < 3; session++) {
                read.add(TestDb.withSession(s -> {
                    // its own call site, so that the guard's WARN line for it is the first in this JVM
                    List<Integer> sizes = new ArrayList<>();
                    s.createQuery("from Course c order by c.id", Course.class).getResultList()
                            .forEach(c -> sizes.add(c.getStudents().size()));
                    return sizes;
                }));
            }
        }
        assertThat(read).as("what the application read").containsOnly(List.of(3, 3, 2, 0));
        if (mode == LazyLoadGuard.Mode.OFF) {
            assertThat(calls.get()).as("subscribers called in OFF").isZero();
            assertThat(good).isEmpty();
            assertThat(log.list).as("lines logged in OFF").isEmpty();
            return;
        }
        assertThat(calls.get()).as("the throwing subscriber still gets every event").isEqualTo(3 * 4);
        assertThat(good).as("a healthy subscriber beside them").hasSize(3 * 4);
        assertThat(lines("EAGER-104")).as("one line per failing subscriber, not per event").hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("IllegalStateException: subscriber bug"))
                .anySatisfy(l -> assertThat(l).contains("AssertionError: subscriber assertion"));
        assertThat(lines("EAGER-101")).as("the guard's own WARN line is still written").hasSize(1);
    }

    @Test
    void aThrowingSubscriberDoesNotChangeWhatStrictThrows() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
        try (var failing = LazyLoadGuard.subscribe(e -> {
            throw new IllegalStateException("subscriber bug");
        })) {
            TestDb.inSession(s -> assertThatThrownBy(() -> nPlusOne(s)).isInstanceOf(LazyLoadException.class)
                    .hasMessageStartingWith("EAGER-101 Course.students lazily loaded"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = LazyLoadGuard.Mode.class, names = {"WARN", "OFF"})
    void aFailureInsideTheInstrumentationIsLoggedOnceAndHibernateGoesOn(LazyLoadGuard.Mode mode) throws Exception {
        LazyLoadGuard.setMode(mode);
        forgetEarlierInternalFailures();
        List<Object> outcomes = new ArrayList<>();
        TestDb.inSession(s -> {
            List<Course> courses = s.createQuery("from Course c order by c.id", Course.class).getResultList();
            for (Course c : courses.subList(0, 3)) {
                // a lazy collection in a state the guard has never seen (its owner is no entity): the guard must step
                // aside and let Hibernate load it (or fail) exactly as without the guard
                PersistentCollection<?> students = (PersistentCollection<?>) c.getStudents();
                students.setOwner(new Object());
                try {
                    outcomes.add(c.getStudents().size());
                } catch (RuntimeException e) {
                    outcomes.add(e);
                } finally {
                    students.setOwner(c);
                }
            }
            // the hooks Byte Buddy inlines, called with what no Hibernate version passes them
            assertThat(GuardHooks.collectionLoading("not a collection")).isFalse();
            assertThat(GuardHooks.proxyLoading(new Object())).isFalse();
            GuardHooks.loadDone();
        });
        // and the application's next lazy loads work, with their events in WARN
        List<LazyLoad> events = new ArrayList<>();
        try (var sub = LazyLoadGuard.subscribe(events::add)) {
            assertThat(TestDb.withSession(GuardResilienceTest::nPlusOne)).containsExactly(3, 3, 2, 0);
        }
        assertThat(events).hasSize(mode == LazyLoadGuard.Mode.WARN ? 4 : 0);
        System.out.println("lazy loads the guard could not understand: " + outcomes);
        assertThat(outcomes).as("what Hibernate did with them").hasSize(3).allSatisfy(o -> {
            if (o instanceof Throwable t) {
                assertThat(t).isNotInstanceOf(LazyLoadException.class);
                assertThat(t.getClass().getName()).as("only Hibernate's own error").startsWith("org.hibernate.");
            }
        });
        assertThat(lines("EAGER-105")).as("the guard's internal failures, logged").hasSize(mode == LazyLoadGuard.Mode.WARN ? 1 : 0);
    }

    @Test
    void plansStaySilentAndWorkWhileASubscriberThrows() {
        AtomicBoolean called = new AtomicBoolean();
        try (var failing = LazyLoadGuard.subscribe(e -> {
            called.set(true);
            throw new IllegalStateException("subscriber bug");
        })) {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students.courses").list(s, Course.class);
                assertThat(courses).allSatisfy(c -> c.getStudents().forEach(Student::getCourses));
            });
        }
        assertThat(called).as("a plan's own loads raise no event").isFalse();
        assertThat(lines("EAGER-104")).isEmpty();
    }

    /** The guard logs its first internal failure only; start from a clean slate so that "once" can be counted. */
    private static void forgetEarlierInternalFailures() throws ReflectiveOperationException {
        var field = GuardHooks.class.getDeclaredField("FAILED");
        field.setAccessible(true);
        ((java.util.concurrent.atomic.AtomicBoolean) field.get(null)).set(false);
    }
}
