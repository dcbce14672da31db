package dev.eagerdsl.spring;

import dev.eagerdsl.spring.app.*;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(classes = ShopApplication.class)
class ExploreTest {
    @Autowired BookRepository books;
    @Autowired AuthorRepository authors;
    @Autowired TransactionTemplate tx;

    void show(String name, Runnable r) {
        Sql.clear();
        try { r.run(); } catch (RuntimeException e) { System.out.println("!! " + name + ": " + e); e.printStackTrace(System.out); }
        System.out.println("== " + name);
        Sql.statements().forEach(s -> System.out.println("   " + s));
    }

    @Test
    void explore() {
        show("derived page", () -> System.out.println(books.findByTitleStartingWith("E", PageRequest.of(0, 1, Sort.by("id"))).getContent().get(0).getAuthor().getName()));
        show("derived page plain", () -> books.queryByTitleStartingWith("E", PageRequest.of(0, 1, Sort.by("id"))));
        show("derived list", () -> books.findByPriceLessThanOrderById(new BigDecimal("10")));
        show("slice", () -> books.findByPriceGreaterThan(new BigDecimal("8"), PageRequest.of(1, 2, Sort.by("id"))));
        show("entity", () -> books.findByTitle("Emma"));
        show("optional", () -> books.findFirstByTitleContainingOrderByIdDesc("m"));
        show("stream", () -> tx.executeWithoutResult(s -> { try (var st = books.streamByPriceGreaterThanOrderById(new BigDecimal("1"))) { System.out.println(st.toList()); } }));
        show("query list", () -> books.cheaperThan(new BigDecimal("10")));
        show("query page", () -> books.titled("E", PageRequest.of(0, 1, Sort.by("id"))));
        show("query page plain", () -> books.titledPlain("E", PageRequest.of(0, 1, Sort.by("id"))));
        show("findAll", () -> books.findAll());
        show("findAll sort", () -> books.findAll(Sort.by("title")));
        show("findAll pageable", () -> books.findAll(PageRequest.of(1, 2, Sort.by("id"))));
        show("findAll spec pageable", () -> books.findAll(BookSpecs.cheaperThan(new BigDecimal("12")), PageRequest.of(0, 2, Sort.by("id"))));
        show("findById", () -> books.findById(3L));
        show("authors", () -> authors.findByNameStartingWithOrderById("C"));
    }
}
