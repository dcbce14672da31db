package dev.eagerdsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, faults on a server (PostgreSQL, MariaDB): the connection killed, and a statement timeout,
 * during a prefetch level. The caller gets Hibernate's own exception, no collection is left
 * initialized with partial contents, and a new session works.
 */
class FaultTest {

    /** Runs {@link #action} once, just before the first prefetch statement of {@code book_tags} is prepared. */
    static final class Trigger implements StatementInspector {
        private static final long serialVersionUID = 1L;
        final AtomicReference<Runnable> action = new AtomicReference<>();

        @Override
        public String inspect(String sql) {
            if (sql.contains("book_tags") && (sql.contains(" in (") || sql.contains("= any ("))) {
                Runnable r = action.getAndSet(null);
                if (r != null) {
                    r.run();
                }
            }
            return sql;
        }
    }

    static final Trigger TRIGGER = new Trigger();
    static SessionFactory sf;

    @BeforeAll
    static void start() {
        assumeTrue(ServerFaults.supported(), "faults are injected on a server: PostgreSQL or MariaDB");
        sf = HardeningDb.build("eagerdsl_faults", TRIGGER, TestDb.ENTITIES, Map.of());
        HardeningDb.seedFixtures(sf);
    }

    @AfterAll
    static void stop() {
        if (sf != null) {
            sf.close();
        }
    }

    private static void kill(int connection) {
        try (Connection c = HardeningDb.admin("eagerdsl_faults")) {
            ServerFaults.kill(c, connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoPartialCollections(List<Book> books) {
        for (Book b : books) {
            assertThat(Hibernate.isInitialized(b.getTags())).as("tags of book " + b.getId() + " left initialized").isFalse();
        }
    }

    private static void assertANewSessionWorks() {
        try (Session s = sf.openSession()) {
            List<Book> books = Related.prefetch("tags").list(s.createQuery("from Book b order by b.id", Book.class));
            assertThat(books).hasSize(10).allSatisfy(b -> assertThat(Hibernate.isInitialized(b.getTags())).isTrue());
        }
    }

    @Test
    void connectionKilledDuringAPrefetchLevel() {
        AtomicInteger killed = new AtomicInteger();
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            int connection = ServerFaults.connectionId(s);
            List<Book> books = s.createQuery("from Book b order by b.id", Book.class).getResultList();
            TRIGGER.action.set(() -> {
                kill(connection);
                killed.incrementAndGet();
            });
            assertThatThrownBy(() -> Related.prefetchObjects(s, books, "tags"))
                    .isInstanceOf(PersistenceException.class).isNotInstanceOf(RelatedException.class);
            assertThat(killed.get()).isEqualTo(1);
            assertNoPartialCollections(books);
        }
        assertANewSessionWorks();
    }

    @Test
    void statementTimeoutDuringAPrefetchLevel() throws Exception {
        try (Connection locker = HardeningDb.admin("eagerdsl_faults")) {
            locker.setAutoCommit(false);
            try (Session s = sf.openSession()) {
                s.beginTransaction();
                s.doWork(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute(ServerFaults.sessionTimeout());
                    }
                });
                List<Book> books = s.createQuery("from Book b order by b.id", Book.class).getResultList();
                TRIGGER.action.set(() -> {
                    try (Statement st = locker.createStatement()) {
                        // MariaDB: a table lock, held until unlock tables; PostgreSQL: until the transaction ends
                        st.execute(Databases.isMariaDb() ? "lock tables book_tags write" : "lock table book_tags in access exclusive mode");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                assertThatThrownBy(() -> Related.prefetchObjects(s, books, "tags"))
                        .isInstanceOf(PersistenceException.class).isNotInstanceOf(RelatedException.class)
                        .rootCause().hasMessageContaining(ServerFaults.timeoutMessage());
                assertNoPartialCollections(books);
            } finally {
                if (Databases.isMariaDb()) {
                    try (Statement st = locker.createStatement()) {
                        st.execute("unlock tables");
                    }
                }
                locker.rollback();
            }
        }
        assertANewSessionWorks();
    }
}
