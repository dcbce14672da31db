package dev.eagerdsl.demo.dao;

import dev.eagerdsl.demo.model.Lesson;
import org.hibernate.Session;

/** Lessons. */
public final class LessonDao {

    private final Session session;

    public LessonDao(Session session) {
        this.session = session;
    }

    public void save(Lesson lesson) {
        session.persist(lesson);
    }
}
