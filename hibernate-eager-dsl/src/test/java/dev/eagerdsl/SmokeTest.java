package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void selectAndPrefetch() {
        TestDb.inSession(s -> {
            List<Book> books = Related.select("author").prefetch("tags", "author.awards", "reviews")
                    .list(s.createQuery("from Book b order by b.id", Book.class));
            System.out.println(SQL.describe());
            assertThat(books).hasSize(10);
            SQL.clear();
            for (Book b : books) {
                assertThat(Hibernate.isInitialized(b.getTags())).isTrue();
                b.getTags().size();
                b.getReviews().size();
                if (b.getAuthor() != null) {
                    assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue();
                    b.getAuthor().getAwards().size();
                }
            }
            assertThat(SQL.count()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
            System.out.println(Related.select("author").prefetch("tags", "author.awards").explain(Book.class));
        });
    }
}
