package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: a RelatedException that says what was wrong, what is valid and the fix, before any SQL. */
class ValidationTest {

    private static void assertRefused(FetchPlan plan, Class<?> root, String message) {
        TestDb.inSession(s -> {
            assertThatThrownBy(() -> plan.list(s, root)).isInstanceOf(RelatedException.class).hasMessage(message);
            assertThat(SQL.statements()).as("no SQL for a refused plan").isEmpty();
        });
    }

    @Test
    void unknownAttributeListsChoicesAndSuggests() {
        assertRefused(Related.select("autor"), Book.class,
                "Invalid path 'autor' for Book: no attribute 'autor'. Choices are: author, reviews, tags. Did you mean 'author'?");
    }

    @Test
    void invalidAttributeDeepInAPath() {
        assertRefused(Related.prefetch("author.publsher"), Book.class,
                "Invalid path 'author.publsher' for Book: no attribute 'publsher' on Author. Choices are: address, awards, books, publisher."
                        + " Did you mean 'publisher'?");
        assertRefused(Related.prefetch("students.courses.techer"), Course.class,
                "Invalid path 'students.courses.techer' for Course: no attribute 'techer' on Course. Choices are: students, teacher."
                        + " Did you mean 'teacher'?");
    }

    @Test
    void selectThroughACollectionPointsToPrefetch() {
        assertRefused(Related.select("tags"), Book.class,
                "Cannot select('tags') on Book: 'tags' is a collection (to-many). Use prefetch(\"tags\").");
        assertRefused(Related.select("author.books"), Book.class,
                "Cannot select('author.books') on Book: 'author.books' is a collection (to-many). Use prefetch(\"author.books\").");
    }

    @Test
    void lookupEndingOnABasicField() {
        assertRefused(Related.prefetch("author.name"), Book.class,
                "Invalid path 'author.name' for Book: 'author.name' is a basic attribute (String), not an association; only associations"
                        + " can be selected or prefetched. Choices on Author are: address, awards, books, publisher.");
        assertRefused(Related.select("title"), Book.class,
                "Invalid path 'title' for Book: 'title' is a basic attribute (String), not an association; only associations"
                        + " can be selected or prefetched. Choices are: author, reviews, tags.");
    }

    @Test
    void embeddableAloneIsNotAnAssociation() {
        assertRefused(Related.select("address"), Author.class,
                "Invalid path 'address' for Author: 'address' is an embeddable (Address), not an association. Name an association"
                        + " inside it: address.city.");
    }

    @Test
    void pathStartingAtTheEntityNameInsteadOfTheRoot() {
        assertRefused(Related.select("book.author"), Book.class,
                "Invalid path 'book.author' for Book: no attribute 'book'. Choices are: author, reviews, tags. A path starts at an"
                        + " attribute of the root entity Book, not at an entity name: write 'author'.");
    }

    @Test
    void pathForAnotherRootThanTheQuerys() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch("students")
                .list(s.createQuery("from Book b", Book.class)))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Invalid path 'students' for Book: no attribute 'students'. Choices are: author, reviews, tags."));
        assertThat(SQL.count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", ".author", "author.", "author..publisher", "auth or", "author) or 1=1 --", "a-b", "1author",
            "author.publisher\u0000"})
    void malformedPathsAreRefusedWhenThePlanIsBuilt(String path) {
        assertThatThrownBy(() -> Related.select(path)).isInstanceOf(RelatedException.class).hasMessageStartingWith("Invalid path '")
                .hasMessageContaining("A path is attribute names joined by '.' (or Django's '__'), e.g. \"author.publisher\".")
                .hasMessageNotContaining("\u0000");
    }

    @Test
    void nullPathsAreRefused() {
        assertThatThrownBy(() -> Related.prefetch((String) null)).isInstanceOf(RelatedException.class)
                .hasMessage("Invalid path null in prefetch(...): A path is attribute names joined by '.' (or Django's '__'), e.g. \"author.publisher\".");
        assertThatThrownBy(() -> Related.select((String[]) null)).isInstanceOf(RelatedException.class);
    }

    @Test
    void notAnEntity() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch("x").list(s, String.class))
                .isInstanceOf(RelatedException.class)
                .hasMessageStartingWith("java.lang.String is not an entity of this SessionFactory. Entities are: Animal, Author, Award, Book,"));
    }

    @Test
    void queryThatSelectsNoEntity() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.select("author").list(s.createQuery("select b.title from Book b", String.class)))
                .isInstanceOf(RelatedException.class)
                .hasMessage("list(query) needs a query that selects entities (select b from Book b); this one selects String, which is not an entity."));
    }

    @Test
    void closedSessionIsNamed() {
        Session s = TestDb.factory().openSession();
        var q = s.createQuery("from Book b", Book.class);
        s.close();
        String expected = "The Session/EntityManager is closed: %s needs an open one. Run the plan inside the session's scope (before close(),"
                + " inside the transaction or @Transactional method), or open a new session.";
        assertThatThrownBy(() -> Related.select("author").list(s, Book.class)).isInstanceOf(RelatedException.class)
                .hasMessage(expected.formatted("list(session, Root.class)"));
        assertThatThrownBy(() -> Related.select("author").list(q)).isInstanceOf(RelatedException.class)
                .hasMessage(expected.formatted("list(query)"));
        assertThatThrownBy(() -> Related.prefetchObjects(s, List.of(), "tags")).isInstanceOf(RelatedException.class)
                .hasMessageStartingWith("The Session/EntityManager is closed");
    }

    @Test
    void oneBadPathStopsTheWholePlanBeforeAnySql() {
        assertRefused(Related.select("author").prefetch("tags", "reviews.nope"), Book.class,
                "Invalid path 'reviews.nope' for Book: no attribute 'nope' on Review. Choices are: book.");
    }

    @Test
    void elementCannotBeFollowed() {
        assertRefused(Related.prefetch("productsBySku.category.products.nope"), Category.class,
                "Invalid path 'productsBySku.category.products.nope' for Category: no attribute 'nope' on Product. Choices are: category.");
    }

    @Test
    void nothingCanFollowAnElementCollectionOfBasicValues() {
        assertRefused(Related.prefetch("teacher.subjects.length"), Course.class,
                "Invalid path 'teacher.subjects.length' for Course: 'subjects' is an element collection of basic values; nothing can follow it."
                        + " Remove '.length'.");
    }

    @Test
    void ambiguousOrUnknownSubclassAttribute() {
        assertRefused(Related.prefetch("toyz"), Animal.class,
                "Invalid path 'toyz' for Animal: no attribute 'toyz'. Choices are: shelter.");
    }
}
