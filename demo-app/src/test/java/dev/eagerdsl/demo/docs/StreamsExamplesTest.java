package dev.eagerdsl.demo.docs;

import static dev.eagerdsl.demo.docs.DocsDb.inSession;
import static dev.eagerdsl.demo.docs.DocsDb.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.demo.model.Book;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.FlushMode;
import org.hibernate.query.Query;
import org.junit.jupiter.api.Test;

/** The examples of docs/streams.md. */
class StreamsExamplesTest {

    @Test
    void everyBookOnceAndEveryChangeWritten() {
        inSession(session -> {
            BigDecimal before = session.createQuery("select sum(b.price) from Book b", BigDecimal.class).getSingleResult();
            List<Long> seen = new ArrayList<>();
            // docs:begin st-stream
            try (Stream<Book> books = Related.select("author")
                    .stream(session.createQuery("from Book b order by b.published desc", Book.class), 500)) {
                books.forEach(book -> {
                    book.setPrice(book.getPrice().add(BigDecimal.ONE));  // flushed before its chunk is detached
                    seen.add(book.getId());
                });
            }
            // docs:end st-stream
            // 2,000 books, many per year: each exactly once, in the order of the year and then the id
            assertThat(seen).hasSize(2_000).doesNotHaveDuplicates().isEqualTo(session.createQuery(
                    "select b.id from Book b order by b.published desc, b.id", Long.class).getResultList());
            // the demo batches its updates: one batch per chunk, written by the flush before the chunk is detached
            assertThat(updates()).hasSize(4);
            BigDecimal after = session.createQuery("select sum(b.price) from Book b", BigDecimal.class).getSingleResult();
            assertThat(after.subtract(before)).isEqualByComparingTo("2000");
        });
    }

    @Test
    void theQuerysOwnPagingBoundsTheStreamAndTheQueryIsLeftAsItWas() {
        inSession(session -> {
            List<Long> seen = new ArrayList<>();
            // docs:begin st-paging
            Query<Book> query = session.createQuery("from Book b order by b.published", Book.class)
                    .setFirstResult(100).setMaxResults(250);      // rows 101 to 350 of the query's order
            try (Stream<Book> books = Related.select("author").stream(query, 100)) {
                books.forEach(book -> seen.add(book.getId()));
            }
            // query.getFirstResult() is still 100 and query.getMaxResults() 250
            // docs:end st-paging
            Docs.assertSql("st-paging", DocsDb.statements());
            assertThat(seen).isEqualTo(session.createQuery("select b.id from Book b order by b.published, b.id", Long.class)
                    .setFirstResult(100).setMaxResults(250).getResultList());
            assertThat(query.getFirstResult()).isEqualTo(100);
            assertThat(query.getMaxResults()).isEqualTo(250);
        });
    }

    @Test
    void inManualFlushModeChangedBooksStayAttached() {
        inSession(session -> {
            // docs:begin st-manual
            session.setHibernateFlushMode(FlushMode.MANUAL);
            List<Book> changed = new ArrayList<>();
            try (Stream<Book> books = Related.select("author")
                    .stream(session.createQuery("from Book b order by b.id", Book.class), 500)) {
                books.filter(book -> book.getPublished() < 1960).forEach(book -> {
                    book.setPrice(BigDecimal.ZERO);
                    changed.add(book);                            // still attached: the stream flushed nothing
                });
            }
            session.flush();                                      // your flush writes them
            // docs:end st-manual
            assertThat(changed).isNotEmpty().allMatch(session::contains);
            assertThat(changed).hasSizeGreaterThan(1);
            assertThat(updates()).as("one batch, at the user's flush").hasSize(1);
        });
    }

    private static List<String> updates() {
        return sql().statements().stream().filter(s -> s.stripLeading().toLowerCase().startsWith("update")).toList();
    }

    @Test
    void anOrderTheKeysetCannotContinueIsRefused() {
        inSession(session -> {
            // docs:begin st-refused
            Throwable error = catchThrowable(() -> Related.select("author")
                    .stream(session.createQuery("from Book b order by length(b.title)", Book.class), 500));
            // docs:end st-refused
            assertThat(error).isInstanceOf(RelatedException.class);
            assertThat(sql().count()).isZero();
            Docs.assertOutput("st-refused", error.getMessage());
        });
    }
}
