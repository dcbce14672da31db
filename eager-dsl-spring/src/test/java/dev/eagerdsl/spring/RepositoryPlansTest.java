package dev.eagerdsl.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.spring.app.Author;
import dev.eagerdsl.spring.app.AuthorRepository;
import dev.eagerdsl.spring.app.Award;
import dev.eagerdsl.spring.app.Book;
import dev.eagerdsl.spring.app.BookRepository;
import dev.eagerdsl.spring.app.BookSpecs;
import dev.eagerdsl.spring.app.PlainBookRepository;
import dev.eagerdsl.spring.app.Review;
import dev.eagerdsl.spring.app.ReviewRepository;
import dev.eagerdsl.spring.app.ShopApplication;
import dev.eagerdsl.spring.app.Sql;
import dev.eagerdsl.spring.app.Tag;
import dev.eagerdsl.spring.app.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every method shape and return type of a Spring Data JPA repository with {@code @SelectRelated} /
 * {@code @PrefetchRelated}: the exact statements it runs (to-ones joined into the one root statement,
 * one statement per prefetch level, paging in SQL, a {@code Page}'s count query the same as without
 * the plan), and that what was planned is loaded: touching it after the call (the transaction over,
 * the entities detached) runs no statement and throws nothing.
 */
@SpringBootTest(classes = ShopApplication.class, properties = "eagerdsl.stream-chunk-size=4")
@ContextConfiguration(initializers = TestDatabase.class)
class RepositoryPlansTest {

    static final String BOOK_AND_AUTHOR = "select b1_0.id,a1_0.id,a1_0.name,a1_0.publisher_id,b1_0.price,b1_0.title"
            + " from book b1_0 left join author a1_0 on a1_0.id=b1_0.author_id";
    static final String BOOK_AUTHOR_PUBLISHER = "select b1_0.id,a1_0.id,a1_0.name,p1_0.id,p1_0.name,b1_0.price,b1_0.title"
            + " from book b1_0 left join author a1_0 on a1_0.id=b1_0.author_id left join publisher p1_0 on p1_0.id=a1_0.publisher_id";
    static final String BOOK = "select b1_0.id,b1_0.author_id,b1_0.price,b1_0.title from book b1_0";
    static final String TAGS_OF_BOOKS = "select t1_0.book_id,t1_1.id,t1_1.name from book_tag t1_0 join tag t1_1 on t1_1.id=t1_0.tags_id"
            + " where t1_0.book_id in (...) order by t1_0.tags_id";
    static final String TAGS_OF_BOOK = "select t1_0.book_id,t1_1.id,t1_1.name from book_tag t1_0 join tag t1_1 on t1_1.id=t1_0.tags_id"
            + " where t1_0.book_id=? order by t1_0.tags_id";
    static final String AWARDS_OF_AUTHOR = "select a1_0.author_id,a1_0.id,a1_0.name from award a1_0 where a1_0.author_id=? order by a1_0.id";
    static final String LIKE = " like ? escape '\\'";

    @Autowired BookRepository books;
    @Autowired PlainBookRepository plainBooks;
    @Autowired AuthorRepository authors;
    @Autowired ReviewRepository reviews;
    @Autowired TransactionTemplate tx;
    @PersistenceContext EntityManager em;

    /** Runs a repository call and returns its result with the statements it ran. */
    static <T> Run<T> run(Supplier<T> call) {
        Sql.clear();
        T result = call.get();
        return new Run<>(result, Sql.statements());
    }

    record Run<T>(T result, List<String> sql) {
    }

    /** Touches what the plan loaded: no statement, and no LazyInitializationException on the detached entities. */
    static void touchesNoSql(Runnable touch) {
        Sql.clear();
        touch.run();
        assertThat(Sql.statements()).isEmpty();
    }

    static List<String> titles(List<Book> list) {
        return list.stream().map(Book::getTitle).toList();
    }

    static List<String> tagNames(Book b) {
        return b.getTags().stream().map(Tag::getName).toList();
    }

    static String authorName(Book b) {
        return b.getAuthor() == null ? null : b.getAuthor().getName();
    }

    @Nested
    class DerivedQueries {

        @Test
        void pageJoinsTheAuthorPrefetchesTagsAndAwardsPagesInSqlAndKeepsSpringsCountQuery() {
            Pageable first = PageRequest.of(0, 1, Sort.by("id"));
            Run<Page<Book>> planned = run(() -> books.findByTitleStartingWith("Emm", first));
            Run<Page<Book>> plain = run(() -> books.queryByTitleStartingWith("Emm", first));

            assertThat(plain.sql()).containsExactly(
                    BOOK + " where b1_0.title" + LIKE + " order by b1_0.id fetch first ? rows only",
                    "select count(b1_0.id) from book b1_0 where b1_0.title" + LIKE);
            assertThat(planned.sql()).containsExactly(
                    BOOK_AND_AUTHOR + " where b1_0.title" + LIKE + " order by b1_0.id fetch first ? rows only",
                    TAGS_OF_BOOK,
                    AWARDS_OF_AUTHOR,
                    plain.sql().get(1));
            Page<Book> page = planned.result();
            assertThat(page.getTotalElements()).isEqualTo(2);
            assertThat(titles(page.getContent())).containsExactly("Emma");
            touchesNoSql(() -> {
                Book emma = page.getContent().get(0);
                assertThat(authorName(emma)).isEqualTo("Austen");
                assertThat(tagNames(emma)).containsExactly("classic", "novel");
                assertThat(emma.getAuthor().getAwards()).isEmpty();
            });
        }

        @Test
        void listJoinsTheAuthorInTheOneStatement() {
            Run<List<Book>> r = run(() -> books.findByPriceLessThanOrderById(new BigDecimal("10")));

            assertThat(r.sql()).containsExactly(BOOK_AND_AUTHOR + " where b1_0.price<? order by b1_0.id");
            touchesNoSql(() -> assertThat(r.result()).extracting(RepositoryPlansTest::authorName)
                    .containsExactly("Austen", "Austen", null));
        }

        @Test
        void sliceReadsOneRowMoreInSqlAndPrefetchesTagsOfTheSliceOnly() {
            Run<Slice<Book>> r = run(() -> books.findByPriceGreaterThan(new BigDecimal("8"), PageRequest.of(1, 2, Sort.by("id"))));

            assertThat(r.sql()).containsExactly(
                    BOOK + " where b1_0.price>? order by b1_0.id offset ? rows fetch first ? rows only",
                    TAGS_OF_BOOKS);
            assertThat(titles(r.result().getContent())).containsExactly("Labyrinths", "Invisible Cities");
            assertThat(r.result().hasNext()).isFalse();
            touchesNoSql(() -> assertThat(r.result().getContent()).extracting(RepositoryPlansTest::tagNames)
                    .containsExactly(List.of("short"), List.of("novel", "short")));
        }

        @Test
        void entityJoinsAuthorAndPublisherAndPrefetchesTags() {
            Run<Book> r = run(() -> books.findByTitle("Ficciones"));

            assertThat(r.sql()).containsExactly(BOOK_AUTHOR_PUBLISHER + " where b1_0.title=?", TAGS_OF_BOOK);
            touchesNoSql(() -> {
                assertThat(r.result().getAuthor().getPublisher().getName()).isEqualTo("Faber");
                assertThat(tagNames(r.result())).containsExactly("short");
            });
        }

        @Test
        void entityNotFoundIsNullAfterOneStatement() {
            Run<Book> r = run(() -> books.findByTitle("Ulysses"));

            assertThat(r.result()).isNull();
            assertThat(r.sql()).containsExactly(BOOK_AUTHOR_PUBLISHER + " where b1_0.title=?");
        }

        @Test
        void optionalOfTheFirstRowLimitsInSql() {
            Run<Optional<Book>> r = run(() -> books.findFirstByTitleContainingOrderByIdDesc("mm"));

            assertThat(r.sql()).containsExactly(
                    BOOK_AND_AUTHOR + " where b1_0.title" + LIKE + " order by b1_0.id desc fetch first ? rows only",
                    TAGS_OF_BOOK);
            assertThat(r.result()).map(Book::getTitle).contains("Emmanuel");
            touchesNoSql(() -> {
                assertThat(r.result().get().getAuthor()).isNull();
                assertThat(r.result().get().getTags()).isEmpty();
            });
        }

        @Test
        void emptyOptionalAfterOneStatement() {
            Run<Optional<Book>> r = run(() -> books.findFirstByTitleContainingOrderByIdDesc("zzz"));

            assertThat(r.result()).isEmpty();
            assertThat(r.sql()).hasSize(1);
        }

        @Test
        void streamLoadsAndPrefetchesOneChunkAtATime() {
            List<String> seen = new ArrayList<>();
            Run<List<String>> r = run(() -> tx.execute(status -> {
                try (Stream<Book> stream = books.streamByPriceGreaterThanOrderById(new BigDecimal("1"))) {
                    stream.forEach(b -> seen.add(b.getTitle() + " by " + authorName(b) + " " + tagNames(b)));
                }
                return seen;
            }));

            // eagerdsl.stream-chunk-size=4: six books in two chunks, each its root statement and its tags; the second
            // chunk starts after the last id of the first (an id is never null: no 'or id is null', on any database)
            String after = "b1_0.id>?";
            assertThat(r.sql()).containsExactly(
                    BOOK_AND_AUTHOR + " where b1_0.price>? order by b1_0.id fetch first ? rows only",
                    TAGS_OF_BOOKS,
                    BOOK_AND_AUTHOR + " where b1_0.price>? and " + after + " order by b1_0.id fetch first ? rows only",
                    TAGS_OF_BOOKS);
            assertThat(seen).containsExactly(
                    "Emma by Austen [classic, novel]", "Persuasion by Austen [classic]", "Ficciones by Borges [short]",
                    "Labyrinths by Borges [short]", "Invisible Cities by Calvino [novel, short]", "Emmanuel by null []");
        }

        @Test
        void twoLevelsOfCollectionsAreOneStatementEach() {
            Run<List<Author>> r = run(() -> authors.findByNameStartingWithOrderById(""));

            assertThat(r.sql()).containsExactly(
                    "select a1_0.id,a1_0.name,a1_0.publisher_id from author a1_0 where a1_0.name" + LIKE + " order by a1_0.id",
                    "select b1_0.author_id,b1_0.id,b1_0.price,b1_0.title from book b1_0 where b1_0.author_id in (...) order by b1_0.id",
                    TAGS_OF_BOOKS);
            touchesNoSql(() -> assertThat(r.result()).extracting(a -> a.getBooks().stream().map(b -> tagNames(b).size()).toList())
                    .containsExactly(List.of(2, 1), List.of(1, 1), List.of(2)));
        }
    }

    @Nested
    class JpqlQueries {

        @Test
        void listJoinsAuthorAndPublisher() {
            Run<List<Book>> r = run(() -> books.cheaperThan(new BigDecimal("10")));

            assertThat(r.sql()).containsExactly(BOOK_AUTHOR_PUBLISHER + " where b1_0.price<? order by b1_0.id");
            touchesNoSql(() -> assertThat(r.result()).extracting(b -> b.getAuthor() == null ? null : b.getAuthor().getPublisher().getName())
                    .containsExactly("Penguin", "Penguin", null));
        }

        @Test
        void pageKeepsTheDeclaredCountQuery() {
            Pageable first = PageRequest.of(0, 1, Sort.by("id"));
            Run<Page<Book>> planned = run(() -> books.titled("Emm", first));
            Run<Page<Book>> plain = run(() -> books.titledPlain("Emm", first));

            assertThat(plain.sql()).containsExactly(
                    BOOK + " where b1_0.title like ? escape '' order by b1_0.id fetch first ? rows only",
                    "select count(b1_0.id) from book b1_0 where b1_0.title like ? escape ''");
            assertThat(planned.sql()).containsExactly(
                    BOOK_AND_AUTHOR + " where b1_0.title like ? escape '' order by b1_0.id fetch first ? rows only",
                    TAGS_OF_BOOK,
                    plain.sql().get(1));
            assertThat(planned.result().getTotalElements()).isEqualTo(2);
            touchesNoSql(() -> assertThat(planned.result().getContent()).extracting(RepositoryPlansTest::tagNames)
                    .containsExactly(List.of("classic", "novel")));
        }
    }

    @Nested
    class RedeclaredRepositoryMethods {

        @Test
        void findAllJoinsAndPrefetches() {
            Run<List<Book>> r = run(() -> books.findAll());

            assertThat(r.sql()).containsExactly(BOOK_AND_AUTHOR, TAGS_OF_BOOKS);
            assertThat(r.result()).hasSize(6);
            touchesNoSql(() -> assertThat(r.result()).allSatisfy(b -> {
                assertThat(Hibernate.isInitialized(b.getTags())).isTrue();
                authorName(b);
            }));
        }

        @Test
        void findAllSortedKeepsTheSort() {
            Run<List<Book>> r = run(() -> books.findAll(Sort.by("title")));

            assertThat(r.sql()).containsExactly(BOOK_AND_AUTHOR + " order by b1_0.title");
            assertThat(titles(r.result())).containsExactly("Emma", "Emmanuel", "Ficciones", "Invisible Cities", "Labyrinths", "Persuasion");
            touchesNoSql(() -> assertThat(r.result()).extracting(RepositoryPlansTest::authorName)
                    .containsExactly("Austen", null, "Borges", "Calvino", "Borges", "Austen"));
        }

        @Test
        void findAllPagedPagesInSqlAndKeepsSpringsCountQuery() {
            Pageable second = PageRequest.of(1, 2, Sort.by("id"));
            Run<Page<Book>> planned = run(() -> books.findAll(second));
            Run<Page<Book>> plain = run(() -> plainBooks.findAll(second));

            assertThat(plain.sql()).containsExactly(
                    BOOK + " order by b1_0.id offset ? rows fetch first ? rows only",
                    "select count(b1_0.id) from book b1_0");
            assertThat(planned.sql()).containsExactly(
                    BOOK_AND_AUTHOR + " order by b1_0.id offset ? rows fetch first ? rows only",
                    TAGS_OF_BOOKS,
                    plain.sql().get(1));
            assertThat(titles(planned.result().getContent())).containsExactly("Ficciones", "Labyrinths");
            assertThat(planned.result().getTotalElements()).isEqualTo(6);
            touchesNoSql(() -> assertThat(planned.result().getContent()).extracting(b -> authorName(b) + " " + tagNames(b))
                    .containsExactly("Borges [short]", "Borges [short]"));
        }

        @Test
        void findAllBySpecificationPagesInSqlAndKeepsSpringsCountQuery() {
            Pageable first = PageRequest.of(0, 2, Sort.by("id"));
            Run<Page<Book>> planned = run(() -> books.findAll(BookSpecs.cheaperThan(new BigDecimal("12")), first));
            Run<Page<Book>> plain = run(() -> plainBooks.findAll(BookSpecs.cheaperThan(new BigDecimal("12")), first));

            assertThat(plain.sql()).containsExactly(
                    BOOK + " where b1_0.price<? order by b1_0.id offset ? rows fetch first ? rows only",
                    "select count(b1_0.id) from book b1_0 where b1_0.price<?");
            assertThat(planned.sql()).containsExactly(plain.sql().get(0), TAGS_OF_BOOKS, plain.sql().get(1));
            assertThat(titles(planned.result().getContent())).containsExactly("Emma", "Persuasion");
            assertThat(planned.result().getTotalElements()).isEqualTo(4);
            touchesNoSql(() -> assertThat(planned.result().getContent()).extracting(RepositoryPlansTest::tagNames)
                    .containsExactly(List.of("classic", "novel"), List.of("classic")));
        }

        @Test
        void findByIdJoinsTheAuthorAndPrefetchesTagsAndAwards() {
            Run<Optional<Book>> r = run(() -> books.findById(3L));

            assertThat(r.sql()).containsExactly(BOOK_AND_AUTHOR + " where b1_0.id=?", TAGS_OF_BOOK, AWARDS_OF_AUTHOR);
            touchesNoSql(() -> {
                Book b = r.result().orElseThrow();
                assertThat(authorName(b)).isEqualTo("Borges");
                assertThat(tagNames(b)).containsExactly("short");
                assertThat(b.getAuthor().getAwards()).extracting(Award::getName).containsExactly("Prix");
            });
        }

        @Test
        void findByIdOfNoRowIsEmptyAfterOneStatement() {
            Run<Optional<Book>> r = run(() -> books.findById(99L));

            assertThat(r.result()).isEmpty();
            assertThat(r.sql()).containsExactly(BOOK_AND_AUTHOR + " where b1_0.id=?");
        }

        @Test
        void insideATransactionThePlanLoadsIntoItsPersistenceContext() {
            tx.executeWithoutResult(status -> {
                Book emma = em.find(Book.class, 1L);
                Sql.clear();
                List<Book> all = books.findAll();
                assertThat(all.get(0)).isSameAs(emma);
                assertThat(Hibernate.isInitialized(emma.getTags())).isTrue();
                assertThat(Sql.statements()).containsExactly(BOOK_AND_AUTHOR, TAGS_OF_BOOKS);
            });
        }

        @Test
        void theSameMethodWithoutAPlanIsSpringsOwn() {
            Run<List<Book>> r = run(() -> plainBooks.findAll());

            assertThat(r.sql()).containsExactly(BOOK);
            assertThat(r.result()).noneMatch(b -> Hibernate.isInitialized(b.getTags()));
        }
    }

    /** Review.book is mapped EAGER: Hibernate alone loads it with one select per book after the query. */
    @Nested
    class EagerMappings {

        @Test
        void withoutAPlanEachEagerBookCostsOneMoreSelect() {
            Run<List<Review>> r = run(() -> reviews.findByStarsGreaterThanEqualOrderById(4));

            assertThat(r.sql()).hasSize(4); // the reviews, then books 1, 3 and 5 one by one
        }

        @Test
        void selectRelatedJoinsTheEagerBookIntoTheOneStatement() {
            Run<List<Review>> r = run(() -> reviews.readByStarsGreaterThanEqualOrderById(4));

            assertThat(r.sql()).containsExactly("select r1_0.id,b1_0.id,b1_0.author_id,b1_0.price,b1_0.title,r1_0.stars"
                    + " from review r1_0 left join book b1_0 on b1_0.id=r1_0.book_id where r1_0.stars>=? order by r1_0.id");
            touchesNoSql(() -> assertThat(r.result()).extracting(rv -> rv.getBook().getTitle())
                    .containsExactly("Emma", "Ficciones", "Invisible Cities"));
        }

        @Test
        void aPrefetchThroughTheEagerBookLoadsTheBooksAsOneLevel() {
            Run<List<Review>> r = run(() -> reviews.getByStarsGreaterThanEqualOrderById(4));

            // the EAGER books are not loaded one by one: the plan loads them as one batched level, then their tags
            assertThat(r.sql()).containsExactly(
                    "select r1_0.id,r1_0.book_id,r1_0.stars from review r1_0 where r1_0.stars>=? order by r1_0.id",
                    BOOK + " where b1_0.id in (...)",
                    TAGS_OF_BOOKS);
            touchesNoSql(() -> assertThat(r.result()).extracting(rv -> tagNames(rv.getBook()))
                    .containsExactly(List.of("classic", "novel"), List.of("short"), List.of("novel", "short")));
        }
    }
}
