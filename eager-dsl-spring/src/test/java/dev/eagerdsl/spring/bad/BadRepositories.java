package dev.eagerdsl.spring.bad;

import dev.eagerdsl.spring.PrefetchRelated;
import dev.eagerdsl.spring.SelectRelated;
import dev.eagerdsl.spring.app.Book;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Repositories whose plans are wrong: each one alone stops an application context from starting. */
public final class BadRepositories {

    private BadRepositories() {
    }

    public interface Typo extends JpaRepository<Book, Long> {
        @SelectRelated("autor")
        List<Book> findByTitle(String title);
    }

    public interface CollectionSelected extends JpaRepository<Book, Long> {
        @SelectRelated("author")
        @PrefetchRelated("author.awards")
        Page<Book> findByTitleStartingWith(String prefix, Pageable page);

        @SelectRelated("tags")
        List<Book> findByPriceIsNull();
    }

    public interface NestedTypo extends JpaRepository<Book, Long> {
        @PrefetchRelated("author.awrds")
        @Override
        List<Book> findAll();
    }

    public interface NativeQuery extends JpaRepository<Book, Long> {
        @PrefetchRelated("tags")
        @Query(value = "select * from book", nativeQuery = true)
        List<Book> everything();
    }

    public interface FindByIdWithGraph extends JpaRepository<Book, Long> {
        @SelectRelated("author")
        @org.springframework.data.jpa.repository.EntityGraph(attributePaths = "tags")
        @Override
        java.util.Optional<Book> findById(Long id);
    }
}
