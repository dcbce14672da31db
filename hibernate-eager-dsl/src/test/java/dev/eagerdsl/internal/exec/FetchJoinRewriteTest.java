package dev.eagerdsl.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.Related;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.internal.path.PlanSpec;
import dev.eagerdsl.internal.plan.CompiledPlan;
import dev.eagerdsl.internal.plan.PlanCache;
import dev.eagerdsl.testing.TestDb;
import jakarta.persistence.criteria.CriteriaQuery;
import org.hibernate.Session;
import org.hibernate.query.Query;
import org.junit.jupiter.api.Test;

/**
 * {@code select(...)} is written into the user's HQL as fetch joins (so that Hibernate caches the
 * statement's SQL), and falls back to the LOAD graph wherever the rewrite is not certain.
 */
class FetchJoinRewriteTest {

    private static CompiledPlan plan(Session s, String path) {
        var session = (org.hibernate.engine.spi.SharedSessionContractImplementor) s;
        var resolver = Executor.resolver(session);
        return PlanCache.get(new PlanSpec(java.util.List.of(path), java.util.List.of()), session, resolver.entity(Book.class));
    }

    private static <T> Query<T> rewrite(jakarta.persistence.TypedQuery<T> q, CompiledPlan plan, Session s) {
        return FetchJoinRewrite.rewrite(RootQuery.of(q, "test"), plan, s);
    }

    @Test
    void findsTheEndOfTheRootAliasAtTheTopLevelOnly() {
        assertThat(FetchJoinRewrite.afterRootAlias("from Book b where b.price < 3", "b")).isEqualTo(11);
        assertThat(FetchJoinRewrite.afterRootAlias("select b from Book as b order by b.id", "b")).isEqualTo(23);
        assertThat(FetchJoinRewrite.afterRootAlias("select b FROM dev.eagerdsl.model.Book B", "b")).isEqualTo(39);
        assertThat(FetchJoinRewrite.afterRootAlias("select b from Book b where b.id in (select x.id from Book x)", "b"))
                .isEqualTo(20);
        assertThat(FetchJoinRewrite.afterRootAlias("select (select count(*) from Book x) from Book b", "b")).isEqualTo(48);
        assertThat(FetchJoinRewrite.afterRootAlias("from Book where title = 'from Book b'", "b")).isEqualTo(-1);
        assertThat(FetchJoinRewrite.afterRootAlias("from Book b where b.title = 'it''s'", "b")).isEqualTo(11);
    }

    @Test
    void plainHqlIsRewrittenWithTheFetchJoinAndKeepsParametersPagingAndHints() {
        TestDb.inSession(s -> {
            Query<Book> q = s.createQuery("from Book b where b.price < :max order by b.id", Book.class)
                    .setParameter("max", 55).setFirstResult(1).setMaxResults(2).setHint("org.hibernate.readOnly", true);
            Query<Book> rewritten = rewrite(q, plan(s, "author"), s);
            assertThat(rewritten).isNotNull();
            assertThat(rewritten.getQueryString()).isEqualTo(
                    "from Book b left join fetch b.author eagerdslJ1 where b.price < :max order by b.id");
            assertThat(rewritten.getParameterValue("max")).isEqualTo(55);
            assertThat(rewritten.getFirstResult()).isEqualTo(1);
            assertThat(rewritten.getMaxResults()).isEqualTo(2);
            assertThat(rewritten.isReadOnly()).isTrue();
        });
    }

    @Test
    void queriesBeyondTheRewriteKeepTheEntityGraph() {
        TestDb.inSession(s -> {
            CompiledPlan plan = plan(s, "author");
            // no alias to join from
            assertThat(rewrite(s.createQuery("from Book order by id", Book.class), plan, s)).isNull();
            // fetch joins of its own
            assertThat(rewrite(s.createQuery(
                    "select b from Book b join fetch b.tags t where t.name is not null", Book.class), plan, s)).isNull();
            // criteria
            var cb = s.getCriteriaBuilder();
            CriteriaQuery<Book> c = cb.createQuery(Book.class);
            c.select(c.from(Book.class));
            assertThat(rewrite(s.createQuery(c), plan, s)).isNull();
        });
    }

    @Test
    void plainJoinsOfItsOwnAreKeptNextToTheFetchJoin() {
        TestDb.inSession(s -> {
            Query<Book> q = s.createQuery("select b from Book b join b.author a where a.name = :n order by b.id", Book.class)
                    .setParameter("n", "Ada");
            Query<Book> rewritten = rewrite(q, plan(s, "author"), s);
            assertThat(rewritten.getQueryString()).isEqualTo(
                    "select b from Book b left join fetch b.author eagerdslJ1 join b.author a where a.name = :n order by b.id");
            assertThat(rewritten.getResultList()).extracting(Book::getId).containsExactly(1L, 2L, 3L);
        });
    }

    @Test
    void aPlanRunsTheRewriteOrTheGraphAndLeavesTheUsersQueryAsItWas() {
        TestDb.inSession(s -> {
            Query<Book> hql = s.createQuery("from Book b where b.price < :max order by b.id", Book.class).setParameter("max", 55);
            var books = Related.select("author").list(hql);
            assertThat(books).isNotEmpty().allMatch(b -> org.hibernate.Hibernate.isInitialized(b.getAuthor()));
            // the rewritten query ran: the SQL joined the author
            assertThat(TestDb.SQL.statements().get(0)).contains(" join Author ");
            assertThat(hql.getHints()).doesNotContainKeys("jakarta.persistence.loadgraph", "jakarta.persistence.fetchgraph");

            var cb = s.getCriteriaBuilder();
            CriteriaQuery<Book> c = cb.createQuery(Book.class);
            c.select(c.from(Book.class));
            Query<Book> criteria = s.createQuery(c);
            s.clear();
            TestDb.SQL.clear();
            var all = Related.select("author").list(criteria);
            assertThat(TestDb.SQL.count()).as(TestDb.SQL.describe()).isEqualTo(1);
            assertThat(TestDb.SQL.statements().get(0)).contains(" join Author ");
            assertThat(all).hasSize(10).filteredOn(b -> b.getAuthor() != null)
                    .allMatch(b -> org.hibernate.Hibernate.isInitialized(b.getAuthor()));
            // the graph was applied for the run only
            assertThat(criteria.getHints()).doesNotContainKeys("jakarta.persistence.loadgraph", "jakarta.persistence.fetchgraph");
        });
    }
}
