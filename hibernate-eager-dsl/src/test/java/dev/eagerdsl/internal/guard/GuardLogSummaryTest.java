package dev.eagerdsl.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.guard.LogCapture;
import dev.eagerdsl.guard.fixture.Shelf;
import dev.eagerdsl.guard.fixture.Shelves;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logs fit for production: the first WARN per call site, DEBUG for the sessions after it, and every interval one
 * EAGER-110 WARN per call site with its count, sessions and worst single session since the last summary, so an
 * N+1 that gets worse is visible. A fake clock stands for the 10 minutes.
 */
class GuardLogSummaryTest {

    private static SessionFactory factory;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private Optional<LazyLoadGuard.Mode> before;

    @BeforeAll
    static void start() {
        assertThat(LazyLoadGuard.install()).isTrue();
        factory = Shelves.factory("eagerdsl-summary", true, Map.of());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @BeforeEach
    void warnWithAFakeClock() {
        before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        GuardLog.reset();
        GuardLog.summaryForTests(Duration.ofMinutes(10), nanos::get);
    }

    @AfterEach
    void restore() {
        GuardLog.summaryForTests(Duration.ZERO, System::nanoTime);
        GuardLog.reset();
        before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
    }

    private static void loop(int rounds) {
        Shelves.readVolumes(factory, rounds);
    }

    private void minutes(long m) {
        nanos.addAndGet(Duration.ofMinutes(m).toNanos());
    }

    @Test
    void afterTheFirstWarnASummaryEveryIntervalShowsTheCountAndTheWorstSession() {
        try (LogCapture log = new LogCapture()) {
            loop(1);
            minutes(4);
            loop(2);                                   // worse: 6 loads in one session
            minutes(4);
            loop(1);
            assertThat(log.lines()).as("before the interval: the first WARN, then DEBUG").hasSize(3);
            String first = log.lines().get(0);
            assertThat(first).startsWith("WARN EAGER-101 Shelf.volumes lazily loaded 3 times at Shelves.readVolumes(Shelves.java:");
            String tail = first.substring("WARN EAGER-101 Shelf.volumes lazily loaded 3 times".length());
            assertThat(log.lines().subList(1, 3)).containsExactly(
                    "DEBUG EAGER-102 Shelf.volumes lazily loaded 6 times" + tail + " (9 times since start)",
                    "DEBUG EAGER-102 Shelf.volumes lazily loaded 3 times" + tail + " (12 times since start)");

            minutes(3);                                // 11 minutes since the last summary
            loop(1);

            assertThat(log.lines()).hasSize(5);
            assertThat(log.lines().get(4)).isEqualTo("WARN EAGER-110 Shelf.volumes lazily loaded 15 times in 4 sessions in the last"
                    + " 11 minutes (at most 6 in one session)" + tail);

            minutes(11);
            factory.inSession(s -> s.createQuery("from Shelf s", Shelf.class).list());   // no N+1: nothing to sum up, no line
            assertThat(log.lines()).hasSize(5);

            // a session that loads nothing lazily keeps no guard state, so it writes no summary either: the next
            // session with an N+1 is the first to end after the interval
            loop(1);
            assertThat(log.lines().get(log.lines().size() - 1)).isEqualTo("WARN EAGER-110 Shelf.volumes lazily loaded 3 times in 1"
                    + " session in the last 11 minutes (at most 3 in one session)" + tail);
            minutes(1);
            loop(1);
            minutes(10);
            loop(1);
            assertThat(log.lines().get(log.lines().size() - 1)).isEqualTo("WARN EAGER-110 Shelf.volumes lazily loaded 6 times in 2"
                    + " sessions in the last 11 minutes (at most 3 in one session)" + tail);
        }
    }

    @Test
    void zeroTurnsTheSummaryOff() {
        GuardLog.summaryForTests(Duration.ZERO, nanos::get);
        try (LogCapture log = new LogCapture()) {
            loop(1);
            minutes(60);
            loop(1);
            minutes(60);
            loop(1);
            assertThat(log.lines()).extracting(l -> l.substring(0, l.indexOf(' ', 6))).containsExactly("WARN EAGER-101", "DEBUG EAGER-102",
                    "DEBUG EAGER-102");
        }
    }

    @Test
    void theIntervalSettingAcceptsDurationsAndRejectsTheRest() {
        assertThat(List.of("10m", "30s", "1h", "500ms", "PT10M", "0", "off", " 15 min "))
                .extracting(GuardLog::parseInterval)
                .containsExactly(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMillis(500),
                        Duration.ofMinutes(10), Duration.ZERO, Duration.ZERO, Duration.ofMinutes(15));
        assertThat(List.of("10", "ten minutes", "-PT1M", "")).extracting(GuardLog::parseInterval).containsOnlyNulls();
        String property = System.clearProperty(GuardLog.SUMMARY_INTERVAL);     // the test runs set it to 0
        try (LogCapture log = new LogCapture()) {
            GuardLog.configure("soon");
            assertThat(log.lines()).containsExactly("WARN EAGER-107 Ignoring the Hibernate setting eagerdsl.guard.summary-interval=soon:"
                    + " the value must be a duration such as 10m, 30s, 1h or PT10M, or 0 to turn the summary off.");
        } finally {
            if (property != null) {
                System.setProperty(GuardLog.SUMMARY_INTERVAL, property);
            }
        }
    }
}
