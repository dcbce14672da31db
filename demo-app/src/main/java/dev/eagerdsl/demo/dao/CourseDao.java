package dev.eagerdsl.demo.dao;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.model.Course;
import java.util.List;
import org.hibernate.Session;

/** Courses and their students (many-to-many). */
public final class CourseDao {

    /** Django: {@code Course.objects.prefetch_related("students")}. */
    public static final FetchPlan WITH_STUDENTS = Related.prefetch("students");

    /** Django: {@code prefetch_related(Prefetch("students", queryset=..., to_attr="active_students"))}. */
    public static final FetchPlan WITH_ACTIVE_STUDENTS = Related.prefetch(Prefetch.of("students").as("s")
            .where("s.active = true").orderBy("s.name").into("activeStudents"));

    private final Session session;

    public CourseDao(Session session) {
        this.session = session;
    }

    /** @return every course; each {@code students} collection is loaded on first touch (the N+1) */
    public List<Course> findAll() {
        return session.createQuery("from Course c order by c.id", Course.class).list();
    }

    /** @return every course with its students, in two statements */
    public List<Course> findAllWithStudents() {
        return WITH_STUDENTS.list(session.createQuery("from Course c order by c.id", Course.class));
    }

    /** @return every course with its active students, by name, in {@code activeStudents} */
    public List<Course> findAllWithActiveStudents() {
        return WITH_ACTIVE_STUDENTS.list(session.createQuery("from Course c order by c.id", Course.class));
    }

    public void save(Course course) {
        session.persist(course);
    }
}
