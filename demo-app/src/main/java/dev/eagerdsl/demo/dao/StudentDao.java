package dev.eagerdsl.demo.dao;

import dev.eagerdsl.demo.model.Student;
import org.hibernate.Session;

/** Students. */
public final class StudentDao {

    private final Session session;

    public StudentDao(Session session) {
        this.session = session;
    }

    public void save(Student student) {
        session.persist(student);
    }
}
