package dev.eagerdsl.spring.app;

import dev.eagerdsl.spring.PrefetchRelated;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuthorRepository extends JpaRepository<Author, Long> {

    /** Two levels of collections: one statement per level. */
    @PrefetchRelated("books.tags")
    List<Author> findByNameStartingWithOrderById(String prefix);
}
