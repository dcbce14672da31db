package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.Course;
import dev.eagerdsl.bench.model.Student;
import dev.eagerdsl.bench.model.SubselectCourse;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.ChunkSize;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.FetchPeers;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** (b) 200 courses × 30 students: a many-to-many collection, read in a loop. */
@State(Scope.Benchmark)
public class CoursesStudentsBench {

    static final String HQL = "select c from Course c order by c.id";
    static final FetchPlan PLAN = Related.prefetch("students");

    @Param({"h2", "pg", "mariadb"})
    public String db;

    Db database;
    SessionFactory sf;
    SessionFactory batch16;
    SessionFactory batch64;

    @Setup
    public void setup() {
        database = Db.open(db);
        database.ensure(Dataset.COURSES, 0);
        sf = database.factory(Db.Variant.PLAIN);
        batch16 = database.factory(Db.Variant.BATCH16);
        batch64 = database.factory(Db.Variant.BATCH64);
    }

    static long touch(List<Course> courses) {
        long sum = 0;
        for (Course c : courses) {
            sum += c.getId();
            for (Student s : c.getStudents()) {
                sum += s.getId() + s.getName().length();
            }
        }
        return sum;
    }

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop (N+1)")
    public long nPlusOne() {
        return Tx.read(sf, s -> touch(s.createQuery(HQL, Course.class).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.NAIVE, label = "lazy loop, guard in FETCH_PEERS (no code change)")
    public long fetchPeers() {
        return FetchPeers.run(() -> Tx.read(sf, s -> touch(s.createQuery(HQL, Course.class).getResultList())));
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.prefetch(\"students\")")
    public long relatedPrefetch() {
        return Tx.read(sf, s -> touch(PLAN.list(s.createQuery(HQL, Course.class))));
    }

    @Benchmark
    @Alternative(role = Role.TUNED, label = "Related.prefetch(\"students\") with eagerdsl.in_chunk_size=1000")
    public long relatedPrefetchChunk1000() {
        // one statement for the 200 courses on every database (H2's default is 16 owners per statement)
        return ChunkSize.with(1000, () -> Tx.read(sf, s -> touch(PLAN.list(s.createQuery(HQL, Course.class)))));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "left join fetch c.students")
    public long joinFetch() {
        return Tx.read(sf, s -> touch(s.createQuery(
                "select c from Course c left join fetch c.students order by c.id", Course.class).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "default_batch_fetch_size=16")
    public long batchSize16() {
        return Tx.read(batch16, s -> touch(s.createQuery(HQL, Course.class).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "default_batch_fetch_size=64")
    public long batchSize64() {
        return Tx.read(batch64, s -> touch(s.createQuery(HQL, Course.class).getResultList()));
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "@Fetch(SUBSELECT)")
    public long subselect() {
        return Tx.read(sf, s -> {
            long sum = 0;
            for (SubselectCourse c : s.createQuery("select c from SubselectCourse c order by c.id", SubselectCourse.class)
                    .getResultList()) {
                sum += c.getId();
                for (Student st : c.getStudents()) {
                    sum += st.getId() + st.getName().length();
                }
            }
            return sum;
        });
    }

    @Benchmark
    @Alternative(role = Role.HAND, label = "LOAD EntityGraph {students}")
    public long entityGraph() {
        return Tx.read(sf, s -> {
            var graph = s.createEntityGraph(Course.class);
            graph.addAttributeNodes("students");
            return touch(s.createQuery(HQL, Course.class).setHint("jakarta.persistence.loadgraph", graph).getResultList());
        });
    }

    /** A course read by raw JDBC. */
    record CourseRow(long id, String title, List<StudentRow> students) {
    }

    /** A student read by raw JDBC (one object per id). */
    record StudentRow(long id, String name) {
    }

    @Benchmark
    @Alternative(role = Role.FLOOR, label = "raw JDBC, the plan's two statements")
    public long rawJdbc() {
        return Tx.jdbc(database, c -> {
            Map<Long, CourseRow> courses = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select c.id, c.title from course c order by c.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    courses.put(id, new CourseRow(id, rs.getString(2), new ArrayList<>()));
                }
            }
            Map<Long, StudentRow> students = new HashMap<>();
            try (PreparedStatement ps = Tx.in(c, "select c.id, c.title, s.id, s.name from course c "
                    + "left join course_student cs on c.id = cs.course_id left join student s on s.id = cs.student_id "
                    + "where c.id in ", new ArrayList<>(courses.keySet()), "")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long sid = rs.getLong(3);
                        if (rs.wasNull()) {
                            continue;
                        }
                        StudentRow st = students.get(sid);
                        if (st == null) {
                            st = new StudentRow(sid, rs.getString(4));
                            students.put(sid, st);
                        }
                        courses.get(rs.getLong(1)).students().add(st);
                    }
                }
            }
            long sum = 0;
            for (CourseRow co : courses.values()) {
                sum += co.id();
                for (StudentRow st : co.students()) {
                    sum += st.id() + st.name().length();
                }
            }
            return sum;
        });
    }
}
