package dev.eagerdsl.spring.app;

import dev.eagerdsl.spring.PrefetchRelated;
import dev.eagerdsl.spring.SelectRelated;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRepository extends JpaRepository<Review, Long> {

    /** Spring Data's own: the EAGER book of each review costs a select per book. */
    List<Review> findByStarsGreaterThanEqualOrderById(int stars);

    @SelectRelated("book")
    List<Review> readByStarsGreaterThanEqualOrderById(int stars);

    @PrefetchRelated("book.tags")
    List<Review> getByStarsGreaterThanEqualOrderById(int stars);
}
