package dev.eagerdsl.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each N+1 lazy load is also a JDK Flight Recorder event {@code dev.eagerdsl.LazyLoad} while a recording wants it. */
class JfrEventTest {

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
        TestDb.factory();
    }

    @AfterEach
    void reset() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static void loop(boolean planned) {
        TestDb.inSession(s -> {
            var q = s.createQuery("from Course c order by c.id", Course.class);
            List<Course> courses = planned ? Related.prefetch("students").list(q) : q.getResultList();
            for (Course c : courses) {
                c.getStudents().size();
            }
        });
    }

    private static List<RecordedEvent> record(boolean enabled, Runnable work) throws Exception {
        Path file = Files.createTempFile("eagerdsl", ".jfr");
        try (Recording r = new Recording()) {
            if (enabled) {
                r.enable("dev.eagerdsl.LazyLoad");
            } else {
                r.disable("dev.eagerdsl.LazyLoad");
            }
            r.start();
            work.run();
            r.stop();
            r.dump(file);
            return RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("dev.eagerdsl.LazyLoad")).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aRecordingShowsEachLazyLoadWithTheEventsFields() throws Exception {
        List<RecordedEvent> events = record(true, () -> loop(false));
        assertThat(events).hasSize(4);
        RecordedEvent first = events.get(0);
        assertThat(first.getString("ownerEntity")).isEqualTo("Course");
        assertThat(first.getString("association")).isEqualTo("students");
        assertThat(first.getString("ownerId")).isEqualTo("1");
        assertThat(first.getString("fix")).isEqualTo("Related.prefetch(\"students\")");
        assertThat(first.getBoolean("collection")).isTrue();
        assertThat(first.getInt("siblings")).isEqualTo(4);
        assertThat(first.getString("callSite")).startsWith("JfrEventTest.").contains("(JfrEventTest.java:");
        assertThat(first.getEventType().getCategoryNames()).containsExactly("Hibernate", "eager-dsl");
    }

    @Test
    void nothingIsRecordedForAPlannedLoopOrWhenTheEventIsOff() throws Exception {
        assertThat(record(true, () -> loop(true))).as("a plan leaves nothing lazy").isEmpty();
        assertThat(record(false, () -> loop(false))).as("the recording turned the event off").isEmpty();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
        assertThat(record(true, () -> loop(false))).as("the guard is OFF").isEmpty();
    }
}
