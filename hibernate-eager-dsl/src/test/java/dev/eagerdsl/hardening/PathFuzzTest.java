package dev.eagerdsl.hardening;

import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 8, fuzzing: 100,000 generated plans (paths and filtered {@code Prefetch} specs, valid, near
 * misses and junk) on every entry point. Each one either works (see {@link PlanOracle}) or is
 * refused with a {@code RelatedException} before any SQL runs; no other exception escapes and no
 * refused input reaches the database. {@code -Deagerdsl.long=true} adds a run of 1,000,000.
 */
class PathFuzzTest {

    private static PlanOracle oracle;
    private static FuzzInputs inputs;
    static final java.util.Map<String, Long> NANOS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeContainer
    static void start() {
        // two owners per statement: every level of every plan runs in several chunks
        System.setProperty("eagerdsl.in_chunk_size", "2");
        oracle = new PlanOracle(TestDb.factory(), TestDb.SQL, FuzzInputs.ROOTS);
        inputs = new FuzzInputs(TestDb.factory().getMetamodel());
    }

    @AfterContainer
    static void stop() {
        System.out.println("[" + Databases.kind() + "] fuzzing: " + oracle.figures());
        NANOS.forEach((k, v) -> System.out.println("  " + k + ": " + v / 1_000_000 + " ms"));
        oracle.close();
        System.clearProperty("eagerdsl.in_chunk_size");
    }

    private static void check(FuzzCase c) {
        long t0 = System.nanoTime();
        Object outcome = oracle.judge(c);
        NANOS.merge(String.valueOf(outcome instanceof PlanOracle.Outcome ? outcome : "FAIL"), System.nanoTime() - t0, Long::sum);
        if (!(outcome instanceof PlanOracle.Outcome o)) {
            throw new AssertionError("Input " + c + "\n" + outcome);
        }
        Statistics.label("outcome").collect(o);
    }

    @Property(tries = 40_000, shrinking = ShrinkingMode.BOUNDED)
    void pathsAreLoadedOrRefusedBeforeAnySql(@ForAll("paths") FuzzCase c) {
        check(c);
    }

    @Property(tries = 35_000, shrinking = ShrinkingMode.BOUNDED)
    void filteredPrefetchSpecsAreLoadedOrRefusedBeforeAnySql(@ForAll("specs") FuzzCase c) {
        check(c);
    }

    @Property(tries = 25_000, shrinking = ShrinkingMode.BOUNDED)
    void mixedPlansAreLoadedOrRefusedBeforeAnySql(@ForAll("mixed") FuzzCase c) {
        check(c);
    }

    @Property(tries = 1_000_000, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(LongRunsOnly.class)
    void longRun(@ForAll("mixed") FuzzCase c) {
        check(c);
    }

    @Provide
    Arbitrary<FuzzCase> paths() {
        return inputs.pathCases();
    }

    @Provide
    Arbitrary<FuzzCase> specs() {
        return inputs.specCases();
    }

    @Provide
    Arbitrary<FuzzCase> mixed() {
        return inputs.cases();
    }

    /** Runs a property only with {@code -Deagerdsl.long=true}. */
    static final class LongRunsOnly implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return Boolean.getBoolean("eagerdsl.long") ? SkipResult.doNotSkip() : SkipResult.skip("long variant: -Deagerdsl.long=true");
        }
    }
}
