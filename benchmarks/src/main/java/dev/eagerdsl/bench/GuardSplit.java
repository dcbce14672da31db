package dev.eagerdsl.bench;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.bench.model.Book;
import dev.eagerdsl.bench.model.Course;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.util.function.LongSupplier;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (g) WARN against OFF in one JVM, operation by operation: each invocation runs {@link GuardBench}'s operation once in
 * WARN and once in OFF (which goes first alternates), timing each half, so that whatever the machine does meanwhile
 * falls on both alike. The ratio of the two sums ({@code warnNs ÷ offNs}, per iteration) is the guard's own cost,
 * free of the drift that separate JVMs see. OFF costs one volatile read per instrumented call: how little against
 * "not installed" is what {@link GuardBench}'s separate JVMs (in {@link GuardCompare}'s rounds) show. Not a
 * {@code *Bench}: the full run ({@link BenchMain}) leaves it to {@link GuardCompare}.
 */
@State(Scope.Benchmark)
public class GuardSplit {

    @Param({"h2", "pg"})
    public String db;

    Db database;
    SessionFactory sf;

    /** The two halves' times, summed over an iteration (JMH reports them per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Halves {
        public long warnNs;
        public long offNs;
        boolean warnFirst;

        @Setup(Level.Iteration)
        public void clear() {
            warnNs = 0;
            offNs = 0;
        }
    }

    @Setup
    public void setup() {
        LazyLoadGuard.install();
        database = Db.open(db);
        database.ensure(Dataset.AUTHORS, 0);
        database.ensure(Dataset.COURSES, 0);
        sf = database.factory(Db.Variant.PLAIN);
    }

    private static long both(Halves h, LongSupplier op) {
        h.warnFirst = !h.warnFirst;
        long sum = 0;
        for (int half = 0; half < 2; half++) {
            boolean warn = (half == 0) == h.warnFirst;
            LazyLoadGuard.setMode(warn ? LazyLoadGuard.Mode.WARN : LazyLoadGuard.Mode.OFF);
            long t0 = System.nanoTime();
            sum += op.getAsLong();
            long t = System.nanoTime() - t0;
            if (warn) {
                h.warnNs += t;
            } else {
                h.offNs += t;
            }
        }
        return sum;
    }

    @Benchmark
    public long selectPlan(Halves h) {
        return both(h, () -> Tx.read(sf, s -> BooksAuthorBench.touch(BooksAuthorBench.PLAN.list(
                s.createQuery(BooksAuthorBench.HQL, Book.class).setParameter("max", BooksAuthorBench.ROOTS)))));
    }

    @Benchmark
    public long prefetchPlan(Halves h) {
        return both(h, () -> Tx.read(sf, s -> CoursesStudentsBench.touch(CoursesStudentsBench.PLAN.list(
                s.createQuery(CoursesStudentsBench.HQL, Course.class)))));
    }

    @Benchmark
    public long nPlusOne(Halves h) {
        return both(h, () -> Tx.read(sf, s -> BooksAuthorBench.touch(s.createQuery(BooksAuthorBench.HQL, Book.class)
                .setParameter("max", BooksAuthorBench.ROOTS).getResultList())));
    }
}
