package dev.eagerdsl.demo.dao;

import dev.eagerdsl.demo.model.Author;
import org.hibernate.Session;

/** Authors. */
public final class AuthorDao {

    private final Session session;

    public AuthorDao(Session session) {
        this.session = session;
    }

    public void save(Author author) {
        session.persist(author);
    }
}
