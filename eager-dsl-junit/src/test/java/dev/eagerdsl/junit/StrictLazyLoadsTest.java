package dev.eagerdsl.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.LazyLoadGuard.Mode;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventStatistics;

class StrictLazyLoadsTest {

    /** What the fixtures saw: "method name=MODE". */
    static final List<String> SEEN = new ArrayList<>();

    private Mode before;

    @BeforeEach
    void rememberMode() {
        before = LazyLoadGuard.mode();
        SEEN.clear();
    }

    @AfterEach
    void restoreMode() {
        LazyLoadGuard.setMode(before);
    }

    private static void run(Class<?> fixture, Consumer<EventStatistics> expect) {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter(Fixture.RUN, "true").execute().testEvents()
                .assertStatistics(expect);
    }

    @Nested
    class TheMode {

        @Test
        void classAnnotationTurnsStrictOnForEveryTestThenRestoresThePreviousMode() {
            LazyLoadGuard.setMode(Mode.WARN);

            run(StrictClass.class, s -> s.succeeded(2));

            assertThat(SEEN).containsExactly("first=STRICT", "second=STRICT");
            assertThat(LazyLoadGuard.mode()).isEqualTo(Mode.WARN);
        }

        @Test
        void methodAnnotationTurnsStrictOnForThatMethodOnly() {
            LazyLoadGuard.setMode(Mode.OFF);

            run(StrictMethod.class, s -> s.succeeded(2));

            assertThat(SEEN).containsExactly("first=STRICT", "second=OFF");
            assertThat(LazyLoadGuard.mode()).isEqualTo(Mode.OFF);
        }

        @Test
        void previousModeIsRestoredWhenTheTestFails() {
            LazyLoadGuard.setMode(Mode.WARN);

            run(StrictFailing.class, s -> s.failed(1));

            assertThat(SEEN).containsExactly("fails=STRICT");
            assertThat(LazyLoadGuard.mode()).isEqualTo(Mode.WARN);
        }

        @Test
        void annotationOnASuperclassIsInherited() {
            LazyLoadGuard.setMode(Mode.WARN);

            run(StrictSubclass.class, s -> s.succeeded(1));

            assertThat(SEEN).containsExactly("inherited=STRICT");
            assertThat(LazyLoadGuard.mode()).isEqualTo(Mode.WARN);
        }
    }

    /** Fixtures run only through {@link #run}, never on their own (an IDE or {@code -Dtest=...*} may select them). */
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Fixture.Condition.class)
    @interface Fixture {
        String RUN = "dev.eagerdsl.junit.fixtures";

        class Condition implements ExecutionCondition {
            @Override
            public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
                return context.getConfigurationParameter(RUN, Boolean::parseBoolean).orElse(false)
                        ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                        : ConditionEvaluationResult.disabled("a fixture of StrictLazyLoadsTest");
            }
        }
    }


    @Fixture
    @StrictLazyLoads
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StrictClass {
        @Test
        @Order(1)
        void first() {
            SEEN.add("first=" + LazyLoadGuard.mode());
        }

        @Test
        @Order(2)
        void second() {
            SEEN.add("second=" + LazyLoadGuard.mode());
        }
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StrictMethod {
        @Test
        @Order(1)
        @StrictLazyLoads
        void first() {
            SEEN.add("first=" + LazyLoadGuard.mode());
        }

        @Test
        @Order(2)
        void second() {
            SEEN.add("second=" + LazyLoadGuard.mode());
        }
    }

    @Fixture
    static class StrictFailing {
        @Test
        @StrictLazyLoads
        void fails() {
            SEEN.add("fails=" + LazyLoadGuard.mode());
            throw new AssertionError("the test fails");
        }
    }

    @Fixture
    @StrictLazyLoads
    abstract static class StrictBase {
    }

    static class StrictSubclass extends StrictBase {
        @Test
        void inherited() {
            SEEN.add("inherited=" + LazyLoadGuard.mode());
        }
    }
}
