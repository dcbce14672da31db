package dev.eagerdsl.bench;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.bench.model.Course;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The unused-prefetch report's cost (issue 18 item 2): with {@link LazyLoadGuard} not installed ({@code none}),
 * installed in OFF without the report ({@code off}), and installed in WARN with the report on ({@code unused}).
 * {@link #sizeOfLoadedCollections()} is the hot path the report instruments: {@code size()} of 200 loaded
 * collections (its advice reads one volatile boolean when the report is off); {@link #prefetchPlan()} is (b)'s plan,
 * read, in a new session each time (on: one stack walk per run, each prefetched collection remembered weakly).
 * Each value runs in its own JVM (instrumentation is global). Not part of the report's scenarios.
 */
@State(Scope.Benchmark)
public class UnusedReportBench {

    @Param({"h2"})
    public String db;

    /** {@code none}, {@code off} or {@code unused}. */
    @Param({"none", "off", "unused"})
    public String guard;

    SessionFactory sf;
    Session session;
    List<Course> loaded;

    @Setup(Level.Trial)
    public void setup() {
        if (!guard.equals("none")) {
            LazyLoadGuard.install();
            LazyLoadGuard.setMode(guard.equals("off") ? LazyLoadGuard.Mode.OFF : LazyLoadGuard.Mode.WARN);
            LazyLoadGuard.setReportUnused(guard.equals("unused"));
        }
        Db database = Db.open(db);
        database.ensure(Dataset.COURSES, 0);
        sf = database.factory(Db.Variant.PLAIN);
        session = sf.openSession();
        loaded = CoursesStudentsBench.PLAN.list(session.createQuery(CoursesStudentsBench.HQL, Course.class));
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
    }

    @Benchmark
    public long sizeOfLoadedCollections() {
        long sum = 0;
        for (Course c : loaded) {
            sum += c.getStudents().size();
        }
        return sum;
    }

    @Benchmark
    public long prefetchPlan() {
        return Tx.read(sf, s -> CoursesStudentsBench.touch(CoursesStudentsBench.PLAN.list(
                s.createQuery(CoursesStudentsBench.HQL, Course.class))));
    }
}
