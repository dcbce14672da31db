package dev.eagerdsl.spring.app;

import dev.eagerdsl.spring.PrefetchRelated;
import dev.eagerdsl.spring.SelectRelated;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BookRepository extends JpaRepository<Book, Long>, JpaSpecificationExecutor<Book> {

    // docs:begin spring-derived
    @SelectRelated("author")
    @PrefetchRelated({"tags", "author.awards"})
    Page<Book> findByTitleStartingWith(String prefix, Pageable page);

    @SelectRelated("author")
    List<Book> findByPriceLessThanOrderById(BigDecimal max);

    @PrefetchRelated("tags")
    Slice<Book> findByPriceGreaterThan(BigDecimal min, Pageable page);

    @SelectRelated({"author", "author.publisher"})
    @PrefetchRelated("tags")
    Book findByTitle(String title);

    @SelectRelated("author")
    @PrefetchRelated("tags")
    Optional<Book> findFirstByTitleContainingOrderByIdDesc(String part);

    @SelectRelated("author")
    @PrefetchRelated("tags")
    Stream<Book> streamByPriceGreaterThanOrderById(BigDecimal min);
    // docs:end spring-derived

    // docs:begin spring-jpql
    @SelectRelated({"author", "author.publisher"})
    @Query("select b from Book b where b.price < :max order by b.id")
    List<Book> cheaperThan(@Param("max") BigDecimal max);

    @SelectRelated("author")
    @PrefetchRelated("tags")
    @Query(value = "select b from Book b where b.title like :prefix%", countQuery = "select count(b) from Book b where b.title like :prefix%")
    Page<Book> titled(@Param("prefix") String prefix, Pageable page);
    // docs:end spring-jpql

    // docs:begin spring-crud
    @SelectRelated("author")
    @PrefetchRelated("tags")
    @Override
    List<Book> findAll();

    @SelectRelated("author")
    @Override
    List<Book> findAll(Sort sort);

    @SelectRelated("author")
    @PrefetchRelated("tags")
    @Override
    Page<Book> findAll(Pageable page);

    @PrefetchRelated("tags")
    @Override
    Page<Book> findAll(Specification<Book> spec, Pageable page);

    @SelectRelated("author")
    @PrefetchRelated({"tags", "author.awards"})
    @Override
    Optional<Book> findById(Long id);
    // docs:end spring-crud

    // the same queries without a plan: Spring Data's own statements, to compare with

    Page<Book> queryByTitleStartingWith(String prefix, Pageable page);

    @Query(value = "select b from Book b where b.title like :prefix%", countQuery = "select count(b) from Book b where b.title like :prefix%")
    Page<Book> titledPlain(@Param("prefix") String prefix, Pageable page);
}
