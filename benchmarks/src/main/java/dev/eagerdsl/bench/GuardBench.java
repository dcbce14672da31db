package dev.eagerdsl.bench;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.bench.model.Book;
import dev.eagerdsl.bench.model.Course;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.util.Locale;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (g) the plans of (a) and (b) with {@link LazyLoadGuard} not installed, installed in OFF, and
 * installed in WARN. The plans load everything, so the guard has nothing to report: this is its
 * cost on code that is already right. And (a) without a plan, where it reports 1,000 lazy loads per
 * operation. Each value runs in its own JVM (instrumentation is global).
 */
@State(Scope.Benchmark)
public class GuardBench {

    @Param({"h2", "pg", "mariadb"})
    public String db;

    /** {@code none} (never installed), {@code off} or {@code warn}. */
    @Param({"none", "off", "warn"})
    public String guard;

    Db database;
    SessionFactory sf;

    @Setup
    public void setup() {
        if (!guard.equals("none")) {
            LazyLoadGuard.install();
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.valueOf(guard.toUpperCase(Locale.ROOT)));
        }
        database = Db.open(db);
        database.ensure(Dataset.AUTHORS, 0);
        database.ensure(Dataset.COURSES, 0);
        sf = database.factory(Db.Variant.PLAIN);
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "(a) Related.select(\"author\")")
    public long selectPlan() {
        return Tx.read(sf, s -> BooksAuthorBench.touch(BooksAuthorBench.PLAN.list(
                s.createQuery(BooksAuthorBench.HQL, Book.class).setParameter("max", BooksAuthorBench.ROOTS))));
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "(b) Related.prefetch(\"students\")")
    public long prefetchPlan() {
        return Tx.read(sf, s -> CoursesStudentsBench.touch(CoursesStudentsBench.PLAN.list(
                s.createQuery(CoursesStudentsBench.HQL, Course.class))));
    }

    /** The one scenario where the guard has work: (a) without a plan, 1,000 lazy loads per operation (WARN reports them). */
    @Benchmark
    @Alternative(role = Role.NAIVE, label = "(a) lazy loop (N+1), 1,000 lazy loads")
    public long nPlusOne() {
        return Tx.read(sf, s -> BooksAuthorBench.touch(s.createQuery(BooksAuthorBench.HQL, Book.class)
                .setParameter("max", BooksAuthorBench.ROOTS).getResultList()));
    }
}
