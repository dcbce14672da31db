package dev.eagerdsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.model.stream.Desk;
import dev.eagerdsl.model.stream.Note;
import dev.eagerdsl.model.stream.Reaction;
import dev.eagerdsl.model.stream.Ticket;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.SqlRecorder;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Root;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.FlushMode;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.query.Query;
import org.hibernate.query.SelectionQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code plan.stream(query, chunkSize)} over 3,000 tickets whose {@code priority} has five values
 * (600 rows each) and whose {@code team} is null on every fourth row: every row handed out exactly
 * once, in the query's order, changes made in {@code forEach} written, the user's query unchanged.
 * Nulls sort last on both databases: PostgreSQL's default, and on H2 (which sorts them first) through
 * {@code hibernate.order_by.default_null_ordering}.
 */
class StreamTest {

    static final int TICKETS = 3000;
    static final SqlRecorder SQL = new SqlRecorder();
    static final FetchPlan PLAN = Related.select("desk").prefetch("notes.reactions");
    static SessionFactory sf;

    @BeforeAll
    static void seed() {
        Configuration cfg = new Configuration();
        List.of(Desk.class, Ticket.class, Note.class, Reaction.class).forEach(cfg::addAnnotatedClass);
        Databases.jdbc("stream").forEach(cfg::setProperty);
        cfg.setProperty("hibernate.hbm2ddl.auto", "create-drop");
        cfg.getProperties().put("hibernate.session_factory.statement_inspector", SQL);
        if (!Databases.isPostgres()) {
            // H2 sorts nulls first by default: here Hibernate renders 'nulls last' on every sort without a precedence,
            // and the keyset must continue on that order (PostgreSQL runs with its own default, nulls last)
            cfg.setProperty("hibernate.order_by.default_null_ordering", "last");
        }
        sf = cfg.buildSessionFactory();
        sf.inTransaction(s -> s.doWork(c -> {
            try (PreparedStatement desk = c.prepareStatement("insert into Desk (id, name) values (?, ?)");
                 PreparedStatement ticket = c.prepareStatement(
                         "insert into Ticket (id, priority, team, status, desk_id) values (?, ?, ?, 'NEW', ?)");
                 PreparedStatement note = c.prepareStatement("insert into Note (id, text, ticket_id) values (?, ?, ?)");
                 PreparedStatement reaction = c.prepareStatement("insert into Reaction (id, emoji, note_id) values (?, ?, ?)")) {
                for (long d = 1; d <= 10; d++) {
                    desk.setLong(1, d);
                    desk.setString(2, "desk " + d);
                    desk.addBatch();
                }
                desk.executeBatch();
                long noteId = 0;
                long reactionId = 0;
                for (long t = 1; t <= TICKETS; t++) {
                    ticket.setLong(1, t);
                    ticket.setInt(2, (int) (t % 5));
                    ticket.setString(3, t % 4 == 0 ? null : "team " + t % 3);
                    ticket.setLong(4, t % 10 + 1);
                    ticket.addBatch();
                    for (int n = 0; n < notes(t); n++) {
                        note.setLong(1, ++noteId);
                        note.setString(2, "note " + noteId);
                        note.setLong(3, t);
                        note.addBatch();
                        for (int r = 0; r < 1 + noteId % 2; r++) {
                            reaction.setLong(1, ++reactionId);
                            reaction.setString(2, r == 0 ? "+1" : "eyes");
                            reaction.setLong(3, noteId);
                            reaction.addBatch();
                        }
                    }
                }
                ticket.executeBatch();
                note.executeBatch();
                reaction.executeBatch();
            }
        }));
    }

    /** Notes of ticket {@code t}: 0, 1 or 2. */
    static int notes(long t) {
        return (int) (t % 3);
    }

    @AfterAll
    static void close() {
        sf.close();
    }

    /** Tests that write put the seeded values back. */
    @BeforeEach
    void reset() {
        sf.inTransaction(s -> s.createMutationQuery("update Ticket t set t.priority = mod(t.id, 5), t.status = 'NEW'").executeUpdate());
    }

    static void inTx(Consumer<Session> work) {
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            try {
                SQL.clear();
                work.accept(s);
            } finally {
                if (s.getTransaction().isActive()) {
                    s.getTransaction().rollback();
                }
            }
        }
    }

    /** The ids the stream hands out, checking each ticket's planned associations while it is attached. */
    static List<Long> streamed(SelectionQuery<Ticket> q, int chunkSize) {
        List<Long> ids = new ArrayList<>();
        try (Stream<Ticket> tickets = PLAN.stream(q, chunkSize)) {
            tickets.forEach(t -> {
                assertThat(Hibernate.isInitialized(t.getDesk())).isTrue();
                assertThat(Hibernate.isInitialized(t.getNotes())).isTrue();
                assertThat(t.getNotes()).hasSize(notes(t.getId()));
                t.getNotes().forEach(n -> assertThat(Hibernate.isInitialized(n.getReactions())).isTrue());
                ids.add(t.getId());
            });
        }
        return ids;
    }

    /** The database's own total order of the same rows: the same order plus the id, read in one statement. */
    static List<Long> expected(Session s, String where, String order) {
        return s.createSelectionQuery("select t.id from Ticket t " + where + (order.isEmpty() ? " order by t.id" : " order by " + order + ", t.id"),
                Long.class).getResultList();
    }

    static long count(String where) {
        return sf.fromSession(s -> s.createSelectionQuery("select count(*) from Ticket t " + where, Long.class).getSingleResult());
    }

    @Nested
    class EveryRowExactlyOnce {

        @ParameterizedTest(name = "order by {0}")
        @ValueSource(strings = {"t.priority", "t.priority desc", "t.priority desc, t.team", "t.team, t.priority desc",
            "t.team", "t.team desc", "t.team nulls first", "t.team desc nulls last", "t.desk.id desc, t.priority",
            "t.priority, t.id desc", "t.status, t.priority"})
        void inChunksOfSevenAndOfOneHundred(String order) {
            inTx(s -> {
                List<Long> expected = expected(s, "", order);
                assertThat(expected).hasSize(TICKETS).doesNotHaveDuplicates();
                for (int chunk : new int[] {7, 100}) {
                    List<Long> ids = streamed(s.createSelectionQuery("from Ticket t order by " + order, Ticket.class), chunk);
                    assertThat(ids).as("chunks of %d", chunk).hasSize(TICKETS).doesNotHaveDuplicates().isEqualTo(expected);
                }
            });
        }

        @Test
        void aQueryWithoutOrderByStreamsInIdOrder() {
            inTx(s -> {
                List<Long> ids = streamed(s.createSelectionQuery("from Ticket t where t.priority = 2", Ticket.class), 7);
                assertThat(ids).hasSize(600).isSorted().isEqualTo(expected(s, "where t.priority = 2", ""));
            });
        }

        @Test
        void aCriteriaQueryOnTwoColumnsWithNulls() {
            inTx(s -> {
                CriteriaBuilder cb = s.getCriteriaBuilder();
                CriteriaQuery<Ticket> cq = cb.createQuery(Ticket.class);
                Root<Ticket> t = cq.from(Ticket.class);
                cq.where(cb.lessThan(t.get("priority"), cb.parameter(Integer.class, "below")))
                        .orderBy(cb.asc(t.get("team")), cb.desc(t.get("priority")));
                for (int chunk : new int[] {7, 100}) {
                    List<Long> ids = streamed(s.createQuery(cq).setParameter("below", 4), chunk);
                    assertThat(ids).hasSize(2400).doesNotHaveDuplicates()
                            .isEqualTo(expected(s, "where t.priority < 4", "t.team, t.priority desc"));
                }
            });
        }

        @Test
        void aQueryJoiningACollectionStreamsEveryRootOfIt() {
            inTx(s -> {
                // two rows per ticket with two notes: a page of 7 rows can hold 4 tickets and is not the last page
                List<Long> ids = streamed(s.createSelectionQuery("select t from Ticket t join t.notes n order by t.id", Ticket.class), 7);
                assertThat(ids).hasSize(2000).doesNotHaveDuplicates()
                        .isEqualTo(expected(s, "where exists (select 1 from Note n where n.ticket = t)", ""));
            });
        }

        @Test
        void changingTheOrderColumnToAnEarlierValueInsideForEachLosesNoRowAndRepeatsNone() {
            inTx(s -> {
                List<Long> expected = expected(s, "", "t.priority");
                List<Long> ids = new ArrayList<>();
                try (Stream<Ticket> tickets = PLAN.stream(s.createSelectionQuery("from Ticket t order by t.priority", Ticket.class), 7)) {
                    tickets.forEach(t -> {
                        ids.add(t.getId());
                        // moves the row before the stream's position: the next page still starts where this one ended
                        t.setPriority(-1);
                    });
                }
                assertThat(ids).isEqualTo(expected);
            });
        }

        @Test
        void aWhereClauseThatTheChangesLeaveStillVisitsEveryRow() {
            Set<Long> seen = new HashSet<>();
            try (Session s = sf.openSession()) {
                s.beginTransaction();
                try (Stream<Ticket> tickets = PLAN.stream(s.createSelectionQuery(
                        "from Ticket t where t.status = 'NEW' order by t.id", Ticket.class), 7)) {
                    tickets.forEach(t -> {
                        seen.add(t.getId());
                        t.setStatus("DONE");
                    });
                }
                s.getTransaction().commit();
            }
            assertThat(seen).hasSize(TICKETS);
            assertThat(count("where t.status = 'DONE'")).isEqualTo(TICKETS);
        }
    }

    @Nested
    class ChangesInsideForEach {

        @ParameterizedTest(name = "chunks of {0}")
        @ValueSource(ints = {7, 100})
        void areInTheDatabaseAfterCommit(int chunk) {
            try (Session s = sf.openSession()) {
                s.beginTransaction();
                try (Stream<Ticket> tickets = PLAN.stream(s.createSelectionQuery("from Ticket t order by t.priority, t.team", Ticket.class), chunk)) {
                    tickets.filter(t -> t.getId() % 3 == 0).forEach(t -> t.setStatus("SEEN"));
                }
                s.getTransaction().commit();
            }
            assertThat(count("where t.status = 'SEEN'")).isEqualTo(TICKETS / 3);
            assertThat(count("where t.status = 'SEEN' and mod(t.id, 3) <> 0")).isZero();
        }

        @Test
        void nothingChangedWritesNothing() {
            inTx(s -> {
                streamed(s.createSelectionQuery("from Ticket t order by t.priority", Ticket.class), 100);
                s.flush();
                assertThat(SQL.dml()).isEmpty();
            });
        }

        @Test
        void inManualFlushModeChangedEntitiesStayAttachedUntilTheUsersFlush() {
            Map<Long, Ticket> changed = new HashMap<>();
            List<Ticket> unchanged = new ArrayList<>();
            try (Session s = sf.openSession()) {
                s.beginTransaction();
                s.setHibernateFlushMode(FlushMode.MANUAL);
                SQL.clear();
                try (Stream<Ticket> tickets = PLAN.stream(s.createSelectionQuery("from Ticket t order by t.id", Ticket.class), 100)) {
                    tickets.forEach(t -> {
                        if (t.getPriority() == 3) {
                            t.setStatus("LATER");
                            changed.put(t.getId(), t);
                        } else {
                            unchanged.add(t);
                        }
                    });
                }
                assertThat(SQL.dml()).as("MANUAL: the stream flushes nothing").isEmpty();
                assertThat(changed).hasSize(600);
                assertThat(changed.values()).allMatch(s::contains);
                assertThat(unchanged).hasSize(2400).noneMatch(s::contains);
                s.flush();
                assertThat(SQL.dml()).hasSize(600);
                s.getTransaction().commit();
            }
            assertThat(count("where t.status = 'LATER'")).isEqualTo(600);
        }

        @Test
        void withoutATransactionNothingIsFlushedAndChangedEntitiesStayAttached() {
            try (Session s = sf.openSession()) {
                SQL.clear();
                List<Ticket> changed = new ArrayList<>();
                try (Stream<Ticket> tickets = PLAN.stream(s.createSelectionQuery("from Ticket t order by t.id", Ticket.class), 100)) {
                    tickets.filter(t -> t.getId() <= 10).forEach(t -> {
                        t.setStatus("OFFLINE");
                        changed.add(t);
                    });
                }
                assertThat(SQL.dml()).isEmpty();
                assertThat(changed).hasSize(10).allMatch(s::contains);
                s.beginTransaction();
                s.getTransaction().commit();
            }
            assertThat(count("where t.status = 'OFFLINE'")).isEqualTo(10);
        }
    }

    @Nested
    class Statements {

        @ParameterizedTest(name = "chunks of {0}")
        @ValueSource(ints = {7, 100})
        void onePagePlusOnePerPrefetchLevelPerChunk(int chunk) {
            inTx(s -> {
                List<Integer> perChunk = new ArrayList<>();
                List<Integer> expected = new ArrayList<>();
                int[] seenAt = {0};
                int[] i = {0};
                int[] notes = {0};
                try (Stream<Ticket> tickets = PLAN.stream(s.createSelectionQuery("from Ticket t order by t.priority", Ticket.class), chunk)) {
                    tickets.forEach(t -> {
                        if (i[0]++ % chunk == 0) {
                            perChunk.add(SQL.count() - seenAt[0]);
                            seenAt[0] = SQL.count();
                            notes[0] = 0;
                        }
                        notes[0] += notes(t.getId());
                        if (i[0] % chunk == 0 || i[0] == TICKETS) {
                            // the page (the desk joined in), the notes of its tickets, the notes' reactions: a level
                            // takes one statement per chunk of owners of the database (16 on H2, 1,000 elsewhere)
                            int ticketsInChunk = (i[0] - 1) % chunk + 1;
                            expected.add(1 + Databases.chunks(ticketsInChunk) + Databases.chunks(notes[0]));
                        }
                    });
                }
                int chunks = (TICKETS + chunk - 1) / chunk;
                assertThat(perChunk).hasSize(chunks).isEqualTo(expected);
                if (!Databases.kind().equals("h2") || chunk <= 16) {
                    assertThat(perChunk).containsOnly(3);
                }
                // a last chunk that is full leaves one more page to read, which is empty
                assertThat(SQL.count()).as(SQL.describe())
                        .isEqualTo(expected.stream().mapToInt(Integer::intValue).sum() + (TICKETS % chunk == 0 ? 1 : 0));
                assertThat(SQL.dml()).isEmpty();
            });
        }

        @Test
        void pagesStartAfterTheLastRowInsteadOfSkippingRows() {
            inTx(s -> {
                streamed(s.createSelectionQuery("from Ticket t order by t.priority desc", Ticket.class), 1000);
                List<String> pages = SQL.statements().stream().filter(sql -> sql.toLowerCase().contains("from ticket")).toList();
                assertThat(pages).hasSize(4).noneMatch(sql -> sql.toLowerCase().contains("offset"));
                assertThat(pages.get(0).toLowerCase()).doesNotContain("where");
                assertThat(pages.subList(1, 4)).allMatch(sql -> sql.toLowerCase().contains(" where "));
            });
        }

        /** The pages of the last stream, lower case: the statements that read tickets. */
        List<String> pages() {
            return SQL.statements().stream().map(sql -> sql.toLowerCase()).filter(sql -> sql.contains("from ticket")).toList();
        }

        /**
         * An {@code or t.id is null} would keep the database from starting at the id in its index: PostgreSQL's plan of
         * a page (generic after five runs) then reads every earlier row of the index, and each page costs more than the
         * one before (StreamBench: the last ten chunks of 1,000,000 roots 3.6× the first ten).
         */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"from Ticket t order by t.id", "from Ticket t"})
        void aPageAfterAnIdComparesTheIdAlone(String hql) {
            inTx(s -> {
                assertThat(streamed(s.createSelectionQuery(hql, Ticket.class), 1000)).hasSize(TICKETS);
                List<String> pages = pages();
                assertThat(pages).hasSize(4);
                // the order is the id's; with this factory's default_null_ordering=last MariaDB renders it as
                // 'case when (t1_0.id) is null then 1 else 0 end,t1_0.id': the page condition is the point here
                assertThat(pages.subList(1, 4)).allSatisfy(sql -> assertThat(sql)
                        .contains(" where t1_0.id>? order by ").doesNotContain("t1_0.id is null").doesNotContain(" or "));
            });
        }

        /** Over several keys the next page starts at the first key's value, a bound an index scan can start at. */
        @Test
        void aPageOnSeveralKeysStartsAtTheFirstKeysValue() {
            inTx(s -> {
                assertThat(streamed(s.createSelectionQuery("from Ticket t order by t.priority desc, t.team nulls first", Ticket.class), 1000))
                        .hasSize(TICKETS).doesNotHaveDuplicates();
                List<String> pages = pages();
                assertThat(pages).hasSize(4);
                // priority is an int: never null, so no 'or priority is null'; team can be null, and nulls come first
                assertThat(pages.subList(1, 4)).allSatisfy(sql -> assertThat(sql)
                        .contains(" where t1_0.priority<=? and (t1_0.priority<? or t1_0.priority=? and ")
                        .doesNotContain("t1_0.priority is null"));
            });
        }
    }

    @Nested
    class TheUsersQuery {

        static final String HQL = "from Ticket t where t.priority <> :skip order by t.team desc, t.priority";

        static Query<Ticket> query(Session s) {
            return s.createQuery(HQL, Ticket.class).setParameter("skip", 0).setFirstResult(10).setMaxResults(250)
                    .setHint("jakarta.persistence.query.timeout", 5000).setComment("tickets");
        }

        @Test
        void isUnchangedAndItsOwnPagingBoundsTheStream() {
            inTx(s -> {
                Query<Ticket> q = query(s);
                Map<String, Object> hints = new HashMap<>(q.getHints());
                FlushMode flush = q.getHibernateFlushMode();
                // the bounds apply in the stream's order: the query's order, ties broken by the id
                List<Long> rows = expected(s, "where t.priority <> 0", "t.team desc, t.priority").subList(10, 260);

                assertThat(streamed(q, 7)).isEqualTo(rows);

                assertThat(q.getFirstResult()).isEqualTo(10);
                assertThat(q.getMaxResults()).isEqualTo(250);
                assertThat(q.getHints()).isEqualTo(hints);
                assertThat(q.getHibernateFlushMode()).isEqualTo(flush);
                assertThat(q.getParameterValue("skip")).isEqualTo(0);
                assertThat(q.getQueryString()).isEqualTo(HQL);
                // the order has ties, which the database breaks as it likes: the same statement and the same sort keys
                SQL.clear();
                List<String> keys = sortKeys(q.getResultList());
                List<String> statement = SQL.statements();
                SQL.clear();
                assertThat(sortKeys(query(s).getResultList())).as("the query runs as a new one does").hasSize(250).isEqualTo(keys);
                assertThat(SQL.statements()).isEqualTo(statement);
                assertThat(streamed(q, 100)).as("a second stream of the same query").isEqualTo(rows);
            });
        }

        @Test
        void aCriteriaQueryIsUnchangedToo() {
            inTx(s -> {
                CriteriaBuilder cb = s.getCriteriaBuilder();
                CriteriaQuery<Ticket> cq = cb.createQuery(Ticket.class);
                Root<Ticket> t = cq.from(Ticket.class);
                ParameterExpression<Integer> priority = cb.parameter(Integer.class);
                cq.where(cb.equal(t.get("priority"), priority)).orderBy(cb.desc(t.get("team")), cb.asc(t.get("id")));
                Query<Ticket> q = s.createQuery(cq).setParameter(priority, 4).setFirstResult(3).setMaxResults(40);
                List<Long> rows = expected(s, "where t.priority = 4", "t.team desc").subList(3, 43);

                assertThat(streamed(q, 7)).isEqualTo(rows);

                assertThat(q.getFirstResult()).isEqualTo(3);
                assertThat(q.getMaxResults()).isEqualTo(40);
                assertThat(q.getParameterValue(priority)).isEqualTo(4);
                assertThat(ids(q.getResultList())).isEqualTo(rows);
            });
        }

        static List<String> sortKeys(List<Ticket> tickets) {
            return tickets.stream().map(t -> t.getTeam() + "/" + t.getPriority()).toList();
        }

        static List<Long> ids(List<Ticket> tickets) {
            return tickets.stream().map(Ticket::getId).toList();
        }
    }

    @Nested
    class RefusedOrders {

        static final String VALID = "' chunk by chunk: each chunk starts after the previous chunk's last row, so every sort key must be an "
                + "attribute of Ticket (or of an embeddable in it), its id, or the id of an entity it references. Order by such attributes "
                + "(e.g. order by t.priority, t.id), or read the rows with list(query) and setFirstResult/setMaxResults.";

        void refused(Function<Session, SelectionQuery<Ticket>> query, String order) {
            refused(query, order, "t");
        }

        void refused(Function<Session, SelectionQuery<Ticket>> query, String order, String alias) {
            inTx(s -> {
                SelectionQuery<Ticket> q = query.apply(s);
                SQL.clear();
                assertThatThrownBy(() -> PLAN.stream(q, 100))
                        .isInstanceOf(RelatedException.class)
                        .hasMessage("stream(query, chunkSize) cannot continue 'order by " + order + VALID.replace("t.", alias + "."));
                assertThat(SQL.count()).as("refused before any SQL").isZero();
            });
        }

        @Test
        void anExpression() {
            refused(s -> s.createSelectionQuery("from Ticket t order by length(t.team)", Ticket.class), "character_length(t.team)");
        }

        @Test
        void aToManyPath() {
            refused(s -> s.createSelectionQuery("select t from Ticket t join t.notes n order by n.text", Ticket.class), "n.text");
        }

        @Test
        void anAttributeOfAJoinedEntity() {
            refused(s -> s.createSelectionQuery("from Ticket t order by t.desk.name", Ticket.class), "t.desk.name");
        }

        @Test
        void aCriteriaOrderByAFunction() {
            // a criteria root without an alias gets one from Hibernate (var_1 on 7.x, a generated one on 6.6)
            inTx(s -> {
                CriteriaBuilder cb = s.getCriteriaBuilder();
                CriteriaQuery<Ticket> cq = cb.createQuery(Ticket.class);
                Root<Ticket> t = cq.from(Ticket.class);
                SelectionQuery<Ticket> q = s.createQuery(cq.orderBy(cb.asc(cb.lower(t.get("team")))));
                SQL.clear();
                assertThatThrownBy(() -> PLAN.stream(q, 100))
                        .isInstanceOf(RelatedException.class)
                        .hasMessageMatching(java.util.regex.Pattern.quote("stream(query, chunkSize) cannot continue 'order by lower(")
                                + "\\w+" + java.util.regex.Pattern.quote(".team)" + VALID.substring(0, VALID.indexOf("(e.g.")))
                                + "\\(e\\.g\\. order by \\w+\\.priority, \\w+\\.id\\)"
                                + java.util.regex.Pattern.quote(VALID.substring(VALID.indexOf(".id)") + 4)));
                assertThat(SQL.count()).isZero();
            });
        }
    }
}
