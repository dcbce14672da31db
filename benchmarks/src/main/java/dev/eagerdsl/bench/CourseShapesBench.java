package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.HasStudents;
import dev.eagerdsl.bench.model.Offering;
import dev.eagerdsl.bench.model.Student;
import dev.eagerdsl.bench.model.WideCourse;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (b′) scenario (b) with the owners real applications have: 200 owners of 20 columns ({@code wide}), and 200
 * owners of a JOINED hierarchy, 100 lectures and 100 seminars ({@code joined}), each with 30 students. A fetch
 * join repeats every owner column (and, for the hierarchy, reads three tables) on each of the 6,000 student rows.
 */
@State(Scope.Benchmark)
public class CourseShapesBench {

    static final FetchPlan PLAN = Related.prefetch("students");

    @Param({"h2", "pg", "mariadb"})
    public String db;

    @Param({"wide", "joined"})
    public String owner;

    Db database;
    SessionFactory sf;
    SessionFactory batch16;
    SessionFactory batch64;
    String entity;
    String subselectEntity;

    @Setup
    public void setup() {
        database = Db.open(db);
        database.ensure(Dataset.COURSES, 0);
        database.ensure(Dataset.SHAPES, 0);
        sf = database.factory(Db.Variant.PLAIN);
        batch16 = database.factory(Db.Variant.BATCH16);
        batch64 = database.factory(Db.Variant.BATCH64);
        entity = owner.equals("wide") ? "WideCourse" : "Offering";
        subselectEntity = "Subselect" + entity;
    }

    static long touch(List<? extends HasStudents> owners) {
        long sum = 0;
        for (HasStudents o : owners) {
            sum += o.getId();
            for (Student s : o.getStudents()) {
                sum += s.getId() + s.getName().length();
            }
        }
        return sum;
    }

    private List<HasStudents> query(Session s, String hql) {
        return s.createQuery(hql, HasStudents.class).getResultList();
    }

    private String all(String name) {
        return "select o from " + name + " o order by o.id";
    }

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop (N+1)")
    public long nPlusOne() {
        return Tx.read(sf, s -> touch(query(s, all(entity))));
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.prefetch(\"students\")")
    public long relatedPrefetch() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createQuery(all(entity), HasStudents.class))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "left join fetch o.students")
    public long joinFetch() {
        return Tx.read(sf, s -> touch(query(s, "select o from " + entity + " o left join fetch o.students order by o.id")));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "default_batch_fetch_size=16")
    public long batchSize16() {
        return Tx.read(batch16, s -> touch(query(s, all(entity))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "default_batch_fetch_size=64")
    public long batchSize64() {
        return Tx.read(batch64, s -> touch(query(s, all(entity))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "@Fetch(SUBSELECT)")
    public long subselect() {
        return Tx.read(sf, s -> touch(query(s, all(subselectEntity))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "LOAD EntityGraph {students}")
    public long entityGraph() {
        return Tx.read(sf, s -> {
            jakarta.persistence.EntityGraph<?> graph = owner.equals("wide") ? s.createEntityGraph(WideCourse.class)
                    : s.createEntityGraph(Offering.class);
            ((jakarta.persistence.Graph<?>) graph).addAttributeNodes("students");
            return touch(s.createQuery(all(entity), HasStudents.class)
                    .setHint("jakarta.persistence.loadgraph", graph).getResultList());
        });
    }
}
