package dev.eagerdsl.demo.dao;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.demo.model.Book;
import java.util.List;
import org.hibernate.Session;

/** Books, the way a DAO is usually written, and the same query with a plan. */
public final class BookDao {

    // docs:begin gs-dao
    /** Django: {@code Book.objects.select_related("author")}. */
    public static final FetchPlan WITH_AUTHOR = Related.select("author");   // immutable, thread-safe, reusable

    private final Session session;

    public BookDao(Session session) {
        this.session = session;
    }

    /** @return every book; each author is a lazy proxy, loaded on first touch (the N+1) */
    public List<Book> findAll() {
        return session.createQuery("from Book b order by b.id", Book.class).list();
    }

    /** @return every book with its author joined into the same statement */
    public List<Book> findAllWithAuthor() {
        return WITH_AUTHOR.list(session.createQuery("from Book b order by b.id", Book.class));
    }
    // docs:end gs-dao

    public void save(Book book) {
        session.persist(book);
    }
}
