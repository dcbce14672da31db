package dev.eagerdsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, faults on a server (PostgreSQL, MariaDB), at every statement of a plan: for each kind of
 * plan (several levels, two owners per statement so every level runs in chunks), the k-th statement
 * is made to sleep on the server (a rewrite by a StatementInspector of this factory), then either its
 * connection is killed ({@code pg_terminate_backend}, {@code KILL CONNECTION}) while it runs, or a
 * statement timeout ({@code statement_timeout}, {@code max_statement_time}) cancels it. Every
 * time: the caller gets Hibernate's own exception (the injected SQL state in its causes, never a
 * RelatedException); every collection left initialized in the session holds exactly what the
 * database holds (chunks that completed are whole, the failing one is not marked initialized); no
 * {@code into} list is written half-way; and a new session runs the same plan completely.
 */
class FaultMatrixTest {

    /** Makes one chosen statement sleep on the server; counts the statements of the plan under test. */
    static final class SlowStatement implements StatementInspector {
        private static final long serialVersionUID = 1L;
        final AtomicInteger seen = new AtomicInteger();
        volatile int slow = -1;
        volatile boolean injected;
        /** Put before the slow statement (MariaDB's statement timeout: {@code set statement ... for}). */
        volatile String prefix = "";

        @Override
        public String inspect(String sql) {
            int n = seen.incrementAndGet();
            if (n != slow) {
                return sql;
            }
            injected = true;
            if (Databases.isMariaDb()) {
                // MariaDB skips a WHERE it can prove empty from the index before evaluating any other condition (a
                // chunk of owners with no rows in the collection's table): the sleep goes into a one-row derived table,
                // which it reads first
                int from = sql.indexOf(" from ");
                return prefix + sql.substring(0, from) + " from " + ServerFaults.sleepingTable() + " cross join "
                        + sql.substring(from + 6);
            }
            String sleep = ServerFaults.sleepingCondition();
            int where = sql.indexOf(" where ");
            if (where >= 0) {
                return prefix + sql.substring(0, where) + " where " + sleep + " and " + sql.substring(where + 7);
            }
            // a page of the stream's root query: no where clause
            int end = sql.length();
            for (String tail : new String[] {" order by ", " offset ", " fetch ", " limit "}) {
                int i = sql.indexOf(tail);
                if (i >= 0 && i < end) {
                    end = i;
                }
            }
            return prefix + sql.substring(0, end) + " where " + sleep + sql.substring(end);
        }
    }

    enum Fault { KILL, TIMEOUT }

    record Kind(String name, FetchPlan plan, Function<Session, List<?>> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Case(Kind kind, int statement, Fault fault) {
        @Override
        public String toString() {
            return kind + ": " + fault + " at statement " + statement;
        }
    }

    static final SlowStatement SLOW = new SlowStatement();
    static final String DB = "eagerdsl_fault_matrix";
    static SessionFactory sf;
    static Set<Class<?>> entityClasses;
    static final Map<List<Object>, String> TRUTH = new HashMap<>();
    static final AtomicInteger FAULTS = new AtomicInteger();
    static final AtomicInteger WHOLE = new AtomicInteger();
    static final AtomicInteger LEFT_UNINITIALIZED = new AtomicInteger();

    static <T> Function<Session, List<?>> list(FetchPlan plan, Class<T> root) {
        return s -> plan.list(s.createQuery("select r from " + root.getSimpleName() + " r order by r.id", root));
    }

    static List<Kind> kinds() {
        FetchPlan books = Related.select("author").prefetch("tags.books", "reviews", "author.awards");
        FetchPlan courses = Related.prefetch("students.courses", "teacher")
                .prefetch(Prefetch.of("students").as("s").where("s.active = true").orderBy("s.name").into("activeStudents"));
        FetchPlan categories = Related.prefetch("productsBySku", "products");
        FetchPlan playlists = Related.prefetch("songs");
        FetchPlan teachers = Related.prefetch("subjects", "courses.students");
        FetchPlan streamed = Related.prefetch("tags", "author.awards");
        return List.of(
                new Kind("Book: select author, prefetch tags.books, reviews, author.awards", books, list(books, Book.class)),
                new Kind("Course: prefetch students.courses, teacher, filtered students into a list", courses, list(courses, Course.class)),
                new Kind("Category: prefetch a map and an @SQLRestriction list", categories, list(categories, Category.class)),
                new Kind("Playlist: prefetch an @OrderColumn list", playlists, list(playlists, Playlist.class)),
                new Kind("Teacher: prefetch an element collection, courses.students", teachers, list(teachers, Teacher.class)),
                new Kind("Book: stream in chunks of 3, prefetch tags, author.awards", streamed, s -> {
                    List<Object> got = new ArrayList<>();
                    try (Stream<Book> st = streamed.stream(s.createQuery("from Book b order by b.id", Book.class), 3)) {
                        st.forEach(got::add);
                    }
                    return got;
                }));
    }

    static Stream<Case> cases() {
        assumeTrue(ServerFaults.supported(), "faults are injected on a server: PostgreSQL or MariaDB");
        start();
        List<Case> out = new ArrayList<>();
        for (Kind k : kinds()) {
            int statements;
            try (Session s = sf.openSession()) {
                s.beginTransaction();
                SLOW.slow = -1;
                SLOW.seen.set(0);
                k.run().apply(s);
                statements = SLOW.seen.get();
                s.getTransaction().rollback();
            }
            for (int n = 2; n <= statements; n++) {
                for (Fault f : Fault.values()) {
                    out.add(new Case(k, n, f));
                }
            }
        }
        return out.stream();
    }

    static synchronized void start() {
        if (sf == null) {
            sf = HardeningDb.build(DB, SLOW, TestDb.ENTITIES, Map.of("eagerdsl.in_chunk_size", "2"));
            HardeningDb.seedFixtures(sf);
            entityClasses = sf.getMetamodel().getEntities().stream().map(e -> (Class<?>) e.getJavaType()).collect(Collectors.toSet());
        }
    }

    @AfterAll
    static void stop() {
        if (sf != null) {
            System.out.println("[" + Databases.kind() + "] faults: " + FAULTS.get() + " injected (connection killed or statement"
                    + " timed out, at every statement of 6 plans); after them, collections initialized and whole: " + WHOLE.get()
                    + ", left uninitialized: " + LEFT_UNINITIALIZED.get() + ", initialized with partial contents: 0");
            sf.close();
        }
    }

    @BeforeAll
    static void onlyOnAServer() {
        assumeTrue(ServerFaults.supported(), "faults are injected on a server: PostgreSQL or MariaDB");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theCallerGetsHibernatesExceptionAndNothingIsLeftHalfLoaded(Case c) throws Exception {
        Throwable thrown = null;
        Thread killer = null;
        Session s = sf.openSession();
        try {
            s.beginTransaction();
            if (c.fault() == Fault.TIMEOUT && Databases.isPostgres()) {
                s.doWork(con -> {
                    try (Statement st = con.createStatement()) {
                        st.execute("set local statement_timeout = '300ms'");   // until the transaction ends
                    }
                });
            }
            // MariaDB has no transaction-scoped setting: the timeout is put on the slow statement alone
            SLOW.prefix = c.fault() == Fault.TIMEOUT && Databases.isMariaDb() ? "set statement max_statement_time = 0.3 for " : "";
            int pid = ServerFaults.connectionId(s);
            if (c.fault() == Fault.KILL) {
                killer = new Thread(() -> killWhenAsleep(pid), "fault-killer");
                killer.start();
            }
            SLOW.injected = false;
            SLOW.seen.set(0);
            SLOW.slow = c.statement();
            try {
                c.kind().run().apply(s);
            } catch (RuntimeException e) {
                thrown = e;
            } finally {
                SLOW.slow = -1;
                SLOW.prefix = "";
            }
            if (killer != null) {
                killer.join(20_000);
            }
            assertThat(SLOW.injected).as("the fault reached statement " + c.statement()).isTrue();
            assertThat(thrown).as("what the caller got").isNotNull().isInstanceOf(PersistenceException.class)
                    .isNotInstanceOf(RelatedException.class);
            assertThat(sqlStates(thrown)).as("the SQL state behind it").containsAnyOf(expectedStates(c.fault()));
            FAULTS.incrementAndGet();
            assertNothingHalfLoaded(s, true);
        } finally {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // the connection may be dead: closing it is all that is left to do
            }
        }
        try (Session fresh = sf.openSession()) {
            fresh.beginTransaction();
            List<?> roots = c.kind().run().apply(fresh);
            assertThat(PlanOracle.unloaded(roots, c.kind().plan())).as("a new session after the fault").isEmpty();
            assertNothingHalfLoaded(fresh, false);
            fresh.getTransaction().rollback();
        }
    }

    private static void killWhenAsleep(int pid) {
        try (Connection admin = HardeningDb.admin(DB)) {
            for (int i = 0; i < 2000; i++) {
                if (ServerFaults.asleep(admin, pid)) {
                    ServerFaults.kill(admin, pid);
                    return;
                }
                Thread.sleep(5);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the SQL states, each with its vendor code after a slash, of the SQLExceptions behind {@code t} */
    private static List<String> sqlStates(Throwable t) {
        List<String> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException e) {
                out.add(Databases.isMariaDb() ? e.getSQLState() + "/" + e.getErrorCode() : e.getSQLState());
            }
        }
        return out;
    }

    private static String[] expectedStates(Fault fault) {
        if (Databases.isMariaDb()) {
            // 1969 ER_STATEMENT_TIMEOUT; for a killed connection the driver's own 08000 (connection gone, no vendor code),
            // or 1927 ER_CONNECTION_KILLED if the server's message is read first
            return fault == Fault.KILL ? new String[] {"08000/-1", "70100/1927"} : new String[] {"70100/1969"};
        }
        return fault == Fault.KILL ? new String[] {"57P01", "08006", "08003"} : new String[] {"57014"};
    }

    /** Every collection marked initialized holds what the database holds; into lists are all written or none. */
    private static void assertNothingHalfLoaded(Session s, boolean afterFault) {
        var entries = s.unwrap(SharedSessionContractImplementor.class).getPersistenceContextInternal().reentrantSafeEntityEntries();
        List<Object> entities = new ArrayList<>();
        for (var e : entries) {
            entities.add(e.getKey());
        }
        Map<String, Integer> intoWritten = new TreeMap<>();
        for (Object entity : entities) {
            for (Class<?> k = entity.getClass(); k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    f.setAccessible(true);
                    Object value;
                    try {
                        value = f.get(entity);
                    } catch (IllegalAccessException ex) {
                        throw new IllegalStateException(ex);
                    }
                    if (value instanceof PersistentCollection<?> pc) {
                        if (pc.wasInitialized()) {
                            Object id = sf.getPersistenceUnitUtil().getIdentifier(entity);
                            assertThat(contents(value)).as(k.getSimpleName() + "#" + id + "." + f.getName() + " left initialized")
                                    .isEqualTo(truth(k, id, f.getName()));
                            if (afterFault) {
                                WHOLE.incrementAndGet();
                            }
                        } else if (afterFault) {
                            LEFT_UNINITIALIZED.incrementAndGet();
                        }
                    } else if (f.isAnnotationPresent(jakarta.persistence.Transient.class) && value instanceof List<?>) {
                        intoWritten.merge(k.getSimpleName() + "." + f.getName(), 1, Integer::sum);
                    }
                }
            }
        }
        // FilteredPrefetch writes its into field on every owner once every chunk has been read, or on none
        intoWritten.forEach((field, n) -> {
            long owners = entities.stream().filter(e -> field.startsWith(e.getClass().getSimpleName() + ".")).count();
            assertThat(n).as(field + " written on " + n + " of " + owners + " owners").isEqualTo((int) owners);
        });
    }

    private static String contents(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((key, v) -> out.put(String.valueOf(key), idOf(v)));
            return out.toString();
        }
        List<String> ids = new ArrayList<>();
        ((Collection<?>) value).forEach(e -> ids.add(String.valueOf(idOf(e))));
        if (!(value instanceof List<?>)) {
            ids.sort(null);
        }
        return ids.toString();
    }

    private static Object idOf(Object e) {
        return e != null && entityClasses.contains(org.hibernate.Hibernate.getClass(e)) ? sf.getPersistenceUnitUtil().getIdentifier(e) : e;
    }

    /** What plain lazy loading finds, in a session of its own. */
    private static String truth(Class<?> type, Object id, String field) {
        return TRUTH.computeIfAbsent(List.of(type, id, field), key -> {
            try (Session t = sf.openSession()) {
                Object owner = org.hibernate.Hibernate.unproxy(t.find(type, id));
                Field f = PlanOracle.field(owner.getClass(), field);
                Object value = f.get(owner);
                org.hibernate.Hibernate.initialize(value);
                return contents(value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
