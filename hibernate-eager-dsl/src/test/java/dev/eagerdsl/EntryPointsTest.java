package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.internal.plan.Planner;
import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.graph.GraphSemantic;
import org.hibernate.graph.RootGraph;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every entry point ends in one execution path: the same statements for the same plan, the user's
 * entity graph merged with the plan's paths and left on their query as it was, and the plan compiled
 * once per factory.
 */
class EntryPointsTest {

    private static final FetchPlan PLAN = Related.select("author").prefetch("reviews");
    private static final String HQL = "select b from Book b order by b.id";

    /** Runs the plan through one entry point, with a graph of the user's that loads the tags. */
    private record Entry(String name, BiFunction<Session, RootGraph<Book>, List<Book>> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static List<Entry> entries() {
        return List.of(
                new Entry("JPA TypedQuery with a fetchgraph hint", (s, g) -> {
                    TypedQuery<Book> q = ((jakarta.persistence.EntityManager) s).createQuery(HQL, Book.class);
                    q.setHint("jakarta.persistence.fetchgraph", g);
                    return PLAN.list(q);
                }),
                new Entry("Hibernate Query with setEntityGraph", (s, g) ->
                        PLAN.list(s.createQuery(HQL, Book.class).setEntityGraph(g, GraphSemantic.LOAD))),
                new Entry("SelectionQuery with setEntityGraph", (s, g) ->
                        PLAN.list(s.createSelectionQuery(HQL, Book.class).setEntityGraph(g, GraphSemantic.LOAD))),
                new Entry("criteria with a loadgraph hint", (s, g) -> {
                    var cb = s.getCriteriaBuilder();
                    var c = cb.createQuery(Book.class);
                    c.orderBy(cb.asc(c.from(Book.class).get("id")));
                    return PLAN.list(s.createQuery(c).setHint("jakarta.persistence.loadgraph", g));
                }),
                new Entry("stream", (s, g) -> {
                    try (Stream<Book> st = PLAN.stream(s.createQuery(HQL, Book.class).setEntityGraph(g, GraphSemantic.LOAD), 100)) {
                        return st.toList();
                    }
                }));
    }

    @Test
    void everyEntryPointKeepsTheUsersGraphAndAddsThePlan() {
        for (Entry e : entries()) {
            TestDb.inSession(s -> {
                RootGraph<Book> graph = s.createEntityGraph(Book.class);
                graph.addAttributeNodes("tags");
                List<Book> books = e.run().apply(s, graph);
                assertThat(SQL.count()).as(e + ": the root statement (with the graph's tags and the plan's author) and reviews: "
                        + SQL.describe()).isEqualTo(2);
                assertThat(books).as(e.name()).hasSize(10).allMatch(b -> Hibernate.isInitialized(b.getTags())
                        && Hibernate.isInitialized(b.getReviews()) && (b.getAuthor() == null || Hibernate.isInitialized(b.getAuthor())));
                assertThat(graph.getAttributeNodes()).as(e + ": the user's graph is not changed").hasSize(1);
            });
        }
    }

    @Test
    void everyEntryPointRunsTheSameStatementsWithoutAGraph() {
        List<List<String>> statements = new java.util.ArrayList<>();
        TestDb.inSession(s -> {
            PLAN.list(s.createQuery(HQL, Book.class));
            statements.add(SQL.statements());
        });
        TestDb.inSession(s -> {
            PLAN.list(s.createSelectionQuery(HQL, Book.class));
            statements.add(SQL.statements());
        });
        TestDb.inSession(s -> {
            PLAN.list(((jakarta.persistence.EntityManager) s).createQuery(HQL, Book.class));
            statements.add(SQL.statements());
        });
        TestDb.inSession(s -> {
            PLAN.list(s, Book.class);
            statements.add(SQL.statements());
        });
        assertThat(statements).allSatisfy(st -> assertThat(st).hasSize(2));
        // HQL, JPQL and Root.class: the author is written into the query as a fetch join
        assertThat(statements.get(0).get(0)).contains(" join Author ");
        assertThat(statements).allSatisfy(st -> assertThat(st.get(0)).contains(" join Author "));
    }

    @Test
    void aCriteriaQueryWithAnUnnamedParameterStreamsAndListsWithItsValue() {
        TestDb.inSession(s -> {
            var cb = s.getCriteriaBuilder();
            var c = cb.createQuery(Book.class);
            var b = c.from(Book.class);
            var max = cb.parameter(Integer.class);
            c.where(cb.lessThan(b.get("price"), max)).orderBy(cb.asc(b.get("id")));
            var q = s.createQuery(c).setParameter(max, 55);
            try (Stream<Book> st = PLAN.stream(q, 2)) {
                assertThat(st.map(Book::getId).toList()).containsExactly(1L, 2L, 3L, 4L, 5L);
            }
            assertThat(PLAN.list(q)).extracting(Book::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
        });
    }

    @Nested
    class CompiledOnce {

        @Test
        void aSecondRunOfAnEqualPlanCompilesNothing() {
            TestDb.inSession(s -> Related.select("author").prefetch("tags", "author.awards").list(s.createQuery(HQL, Book.class)));
            long before = Planner.compilations();
            TestDb.inSession(s -> {
                // a new FetchPlan instance, equal to the first: the factory's compiled plan is reused
                Related.select("author").prefetch("tags", "author.awards").list(s.createQuery(HQL, Book.class));
                Related.select("author").prefetch("tags", "author.awards").list(s, Book.class);
                Related.select("author").prefetch("tags", "author.awards").find(s, Book.class, 1L);
            });
            assertThat(Planner.compilations()).isEqualTo(before);
        }

        @Test
        void anotherParameterValueOfAFilteredPrefetchIsBoundNotCompiled() {
            java.util.function.IntFunction<FetchPlan> cheaperThan = max -> Related.prefetch(Prefetch.of("books").as("b")
                    .where("b.price < :max").param("max", max).orderBy("b.id").into("cheapBooks"));
            TestDb.inSession(s -> cheaperThan.apply(25).list(s, Author.class));
            long before = Planner.compilations();
            TestDb.inSession(s -> {
                List<Author> authors = cheaperThan.apply(35).list(s.createQuery("from Author a order by a.id", Author.class));
                assertThat(authors.get(0).getCheapBooks()).extracting(Book::getId).containsExactly(1L, 2L, 3L);
                assertThat(cheaperThan.apply(15).list(s, Author.class)).filteredOn(a -> a.getId() == 1L)
                        .flatExtracting(Author::getCheapBooks).extracting(Book::getId).containsExactly(1L);
            });
            assertThat(Planner.compilations()).isEqualTo(before);
        }

        @Test
        void aValueOfTheWrongTypeIsRefusedBeforeAnySqlAlsoWhenThePlanIsCompiled() {
            TestDb.inSession(s -> Related.prefetch(Prefetch.of("books").as("b").where("b.price < :max").param("max", 25)
                    .into("cheapBooks")).list(s, Author.class));
            TestDb.inSession(s -> {
                FetchPlan wrong = Related.prefetch(Prefetch.of("books").as("b").where("b.price < :max").param("max", "cheap")
                        .into("cheapBooks"));
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrong.list(s, Author.class))
                        .isInstanceOf(RelatedException.class).hasMessageStartingWith("Parameter :max of Prefetch.of(\"books\")");
                assertThat(SQL.count()).isZero();
            });
        }

        @Test
        void anotherRootCompilesItsOwnPlan() {
            TestDb.inSession(s -> Related.prefetch("books").list(s, Author.class));
            long before = Planner.compilations();
            TestDb.inSession(s -> Related.prefetch("books").list(s, Tag.class));
            assertThat(Planner.compilations()).isEqualTo(before + 1);
        }
    }
}
