package dev.eagerdsl.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.SqlRecorder;
import dev.eagerdsl.testing.TestDb;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, nothing written or lost: for every kind of plan (select, prefetch of a set, a bag, an
 * {@code @OrderColumn} list, a map, an element collection, orphanRemoval, inverse and owning sides,
 * subclasses, composite keys, filtered; through list, find, stream and prefetchObjects), flush and
 * commit afterwards write nothing, and the whole database is unchanged; a change the user made to a
 * managed entity or collection before the plan is written exactly as it would have been without
 * the plan, and survives. On a database of its own, so that a failure cannot damage the shared fixtures.
 */
class NothingWrittenTest {

    static final SqlRecorder SQL = new SqlRecorder();
    static SessionFactory sf;
    static Map<String, List<String>> original;

    @BeforeAll
    static void start() {
        sf = HardeningDb.build("eagerdsl_writes", SQL, TestDb.ENTITIES, Map.of());
        HardeningDb.seedFixtures(sf);
        original = HardeningDb.snapshot(sf);
    }

    @AfterAll
    static void stop() {
        System.out.println("[" + Databases.kind() + "] nothing written: rows per table after every plan kind "
                + HardeningDb.rowCounts(HardeningDb.snapshot(sf)) + ", rows lost 0");
        sf.close();
    }

    /** A change to one attribute of one entity, made by the user before the plan. */
    record Change(Class<?> type, Object id, String field, Object value) {

        void apply(Session s) {
            write(Hibernate.unproxy(s.find(type, id)), field, value);
        }

        Object current(Session s) {
            return read(Hibernate.unproxy(s.find(type, id)), field);
        }
    }

    /** A kind of plan: how it runs (and on what), the plan itself for checking what it loaded, and a change to make before it. */
    record Kind(String name, FetchPlan plan, Function<Session, List<?>> run, Change change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static <T> Function<Session, List<?>> list(FetchPlan plan, Class<T> root, String order) {
        return s -> plan.list(s.createQuery("select r from " + root.getSimpleName() + " r order by " + order, root));
    }

    static Stream<Kind> kinds() {
        FetchPlan selectChain = Related.select("author.publisher");
        FetchPlan passport = Related.select("passport");
        FetchPlan holder = Related.select("holder");
        FetchPlan tags = Related.prefetch("tags");
        FetchPlan books = Related.prefetch("books");
        FetchPlan reviews = Related.prefetch("reviews");
        FetchPlan songs = Related.prefetch("songs");
        FetchPlan maps = Related.prefetch("productsBySku", "products");
        FetchPlan awards = Related.prefetch("awards");
        FetchPlan courses = Related.prefetch("courses");
        FetchPlan students = Related.prefetch("students.advisor");
        FetchPlan employees = Related.prefetch("serfs.serfs", "boss");
        FetchPlan animals = Related.prefetch("toys", "shelter");
        FetchPlan vehicles = Related.prefetch("driver");
        FetchPlan orders = Related.prefetch("lines", "shipTo");
        FetchPlan subjects = Related.prefetch("subjects");
        FetchPlan filtered = Related.prefetch(Prefetch.of("students").as("s").where("s.active = true").orderBy("s.name")
                .into("activeStudents")).prefetch("teacher");
        FetchPlan streamed = Related.select("author").prefetch("tags", "author.awards");
        FetchPlan found = Related.prefetch("awards", "books.tags");
        FetchPlan onProxies = Related.prefetch("awards", "books");
        return Stream.of(
                new Kind("select a chain of many-to-ones", selectChain, list(selectChain, Book.class, "r.id"),
                        new Change(Publisher.class, 1L, "name", "Changed")),
                new Kind("select a one-to-one, owning side", passport, list(passport, Person.class, "r.id"),
                        new Change(Passport.class, 1L, "number", "P-9")),
                new Kind("select a one-to-one, inverse side", holder, list(holder, Passport.class, "r.id"),
                        new Change(Person.class, 1L, "name", "Changed")),
                new Kind("prefetch a set, owning many-to-many", tags, list(tags, Book.class, "r.id"),
                        new Change(Tag.class, 2L, "name", "Changed")),
                new Kind("prefetch a bag, inverse one-to-many", books, list(books, Author.class, "r.id"),
                        new Change(Book.class, 3L, "title", "Changed")),
                new Kind("prefetch an @OrderBy bag", reviews, list(reviews, Book.class, "r.id"),
                        new Change(Review.class, 1L, "stars", 0)),
                new Kind("prefetch an @OrderColumn list", songs, list(songs, Playlist.class, "r.id"),
                        new Change(Song.class, 1L, "title", "Changed")),
                new Kind("prefetch a map and an @SQLRestriction list", maps, list(maps, Category.class, "r.id"),
                        new Change(Product.class, 1L, "name", "Changed")),
                new Kind("prefetch an orphanRemoval set", awards, list(awards, Author.class, "r.id"),
                        new Change(Award.class, 1L, "name", "Changed")),
                new Kind("prefetch an inverse many-to-many", courses, list(courses, Student.class, "r.id"),
                        new Change(Course.class, 1L, "title", "Changed")),
                new Kind("prefetch an owning many-to-many list, then a to-one", students, list(students, Course.class, "r.id"),
                        new Change(Student.class, 1L, "name", "Changed")),
                new Kind("prefetch a self reference both ways", employees, list(employees, Employee.class, "r.id"),
                        new Change(Employee.class, 2L, "name", "Changed")),
                new Kind("prefetch associations of a single-table subclass", animals, list(animals, Animal.class, "r.id"),
                        new Change(Toy.class, 1L, "name", "Changed")),
                new Kind("prefetch a to-one of a joined subclass", vehicles, list(vehicles, Vehicle.class, "r.id"),
                        new Change(Driver.class, 1L, "name", "Changed")),
                new Kind("prefetch from composite-key owners", orders, list(orders, PurchaseOrder.class, "r.customer"),
                        new Change(OrderLine.class, 1L, "item", "Changed")),
                new Kind("prefetch an element collection", subjects, list(subjects, Teacher.class, "r.id"),
                        new Change(Teacher.class, 1L, "name", "Changed")),
                new Kind("filtered prefetch into a transient list", filtered, list(filtered, Course.class, "r.id"),
                        new Change(Student.class, 1L, "name", "Changed")),
                new Kind("stream in chunks", streamed, s -> {
                    try (Stream<Book> st = streamed.stream(s.createQuery("from Book b order by b.id", Book.class), 3)) {
                        return st.toList();
                    }
                }, new Change(Tag.class, 2L, "name", "Changed")),
                new Kind("find by id", found, s -> found.find(s, Author.class, 1L).map(List::of).orElseThrow(),
                        new Change(Book.class, 1L, "title", "Changed")),
                new Kind("prefetchObjects onto uninitialized proxies", onProxies, s -> {
                    List<Author> proxies = s.createQuery("from Book b where b.author is not null order by b.id", Book.class)
                            .getResultList().stream().map(Book::getAuthor).distinct().toList();
                    Related.prefetchObjects(s, proxies, "awards", "books");
                    return proxies;
                }, new Change(Award.class, 3L, "name", "Changed")));
    }

    /** Runs the plan, checks it loaded what it planned, then flushes and commits; returns every INSERT/UPDATE/DELETE of the transaction. */
    private static List<String> runAndCommit(Kind k, Consumer<Session> before, Consumer<Session> after) {
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            SQL.clear();
            before.accept(s);
            List<?> roots = k.run().apply(s);
            List<String> dml = new ArrayList<>(SQL.dml());
            assertThat(roots).as("roots").isNotEmpty();
            SQL.clear();
            assertThat(PlanOracle.unloaded(roots, k.plan())).as("planned associations left unloaded").isEmpty();
            assertThat(SQL.statements()).as("SQL when touching what the plan loaded").isEmpty();
            after.accept(s);
            s.flush();
            s.getTransaction().commit();
            dml.addAll(SQL.dml());
            return dml;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void flushAndCommitAfterThePlanWriteNothing(Kind k) {
        List<String> dml = runAndCommit(k, s -> { }, s -> { });
        assertThat(dml).as("INSERT/UPDATE/DELETE after " + k).isEmpty();
        assertThat(HardeningDb.snapshot(sf)).as("the database after " + k).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aChangeMadeBeforeThePlanIsWrittenExactlyAsWithoutIt(Kind k) {
        Change c = k.change();
        Object old;
        List<String> reference;
        try (Session s = sf.openSession()) {
            old = c.current(s);
            s.beginTransaction();
            SQL.clear();
            c.apply(s);
            s.flush();
            reference = SQL.dml();
            s.getTransaction().rollback();
        }
        assertThat(reference).as("the change alone").hasSize(1);
        try {
            List<String> dml = runAndCommit(k, c::apply,
                    s -> assertThat(c.current(s)).as("the change, in memory after the plan").isEqualTo(c.value()));
            assertThat(dml).as("what was written with the plan").isEqualTo(reference);
            try (Session s = sf.openSession()) {
                assertThat(c.current(s)).as("the change, read back").isEqualTo(c.value());
            }
        } finally {
            sf.inTransaction(s -> new Change(c.type(), c.id(), c.field(), old).apply(s));
        }
        assertThat(HardeningDb.snapshot(sf)).as("the database once the change is undone").isEqualTo(original);
    }

    /** Changes to collections the user made before the plan: the plan leaves them as they are, and flush writes them as without it. */
    @Nested
    class CollectionsChangedBeforeThePlan {

        /** The DML of {@code change} alone, then of {@code change} followed by {@code plan}; both rolled back. */
        private List<List<String>> withAndWithout(Consumer<Session> change, Function<Session, List<?>> plan, Consumer<Session> check) {
            List<List<String>> out = new ArrayList<>();
            for (boolean withPlan : new boolean[] {false, true}) {
                try (Session s = sf.openSession()) {
                    s.beginTransaction();
                    SQL.clear();
                    change.accept(s);
                    if (withPlan) {
                        plan.apply(s);
                        check.accept(s);
                    }
                    s.flush();
                    out.add(SQL.dml());
                    s.getTransaction().rollback();
                }
            }
            assertThat(HardeningDb.snapshot(sf)).isEqualTo(original);
            return out;
        }

        @Test
        void anElementRemovedFromAnOwningSetStaysRemoved() {
            var dml = withAndWithout(s -> {
                Book b = s.find(Book.class, 1L);
                b.getTags().removeIf(t -> t.getId() == 2L);
            }, list(Related.prefetch("tags.books"), Book.class, "r.id"), s -> {
                assertThat(s.find(Book.class, 1L).getTags()).extracting(Tag::getId).containsExactly(5L);
            });
            assertThat(dml.get(0)).hasSize(1);
            assertThat(dml.get(1)).isEqualTo(dml.get(0));
        }

        @Test
        void aReorderedIndexedListKeepsTheUsersOrder() {
            var dml = withAndWithout(s -> {
                List<Song> songs = s.find(Playlist.class, 1L).getSongs();
                songs.add(songs.remove(0));
            }, list(Related.prefetch("songs"), Playlist.class, "r.id"), s -> {
                assertThat(s.find(Playlist.class, 1L).getSongs()).extracting(Song::getTitle).containsExactly("Song 1", "Song 4", "Song 3");
            });
            assertThat(dml.get(0)).isNotEmpty();
            assertThat(dml.get(1)).isEqualTo(dml.get(0));
        }

        @Test
        void anOrphanRemovedByTheUserIsDeletedAndNoOtherElement() {
            var dml = withAndWithout(s -> s.find(Author.class, 1L).getAwards().removeIf(a -> a.getId() == 2L),
                    list(Related.prefetch("awards"), Author.class, "r.id"), s -> {
                        assertThat(s.find(Author.class, 1L).getAwards()).extracting(Award::getId).containsExactly(1L);
                        assertThat(s.find(Author.class, 3L).getAwards()).extracting(Award::getId).containsExactly(3L);
                    });
            assertThat(dml.get(0)).hasSize(1).allSatisfy(sql -> assertThat(sql).startsWithIgnoringCase("delete"));
            assertThat(dml.get(1)).isEqualTo(dml.get(0));
        }

        @Test
        void anInverseCollectionChangedInMemoryIsNotRefilled() {
            var dml = withAndWithout(s -> s.find(Author.class, 1L).getBooks().removeIf(b -> b.getId() == 1L),
                    list(Related.prefetch("books.tags"), Author.class, "r.id"), s -> {
                        assertThat(s.find(Author.class, 1L).getBooks()).extracting(Book::getId).containsExactly(2L, 3L);
                    });
            assertThat(dml.get(0)).isEmpty();
            assertThat(dml.get(1)).isEmpty();
        }

        @Test
        void aFilteredPrefetchNeverTouchesTheMappedCollection() {
            var dml = withAndWithout(s -> s.find(Course.class, 1L).getStudents().removeIf(st -> st.getId() == 1L),
                    list(Related.prefetch(Prefetch.of("students").as("s").where("s.active = true").into("activeStudents")), Course.class,
                            "r.id"), s -> {
                        Course c1 = s.find(Course.class, 1L);
                        assertThat(c1.getStudents()).extracting(Student::getId).containsExactlyInAnyOrder(2L, 3L);
                        assertThat(c1.getActiveStudents()).extracting(Student::getId).contains(3L).isSubsetOf(1L, 3L);
                        Course c2 = s.find(Course.class, 2L);
                        assertThat(Hibernate.isInitialized(c2.getStudents())).as("an untouched mapped collection").isFalse();
                    });
            assertThat(dml.get(0)).isNotEmpty();
            assertThat(dml.get(1)).isEqualTo(dml.get(0));
        }
    }

    static void write(Object entity, String field, Object value) {
        try {
            Field f = PlanOracle.field(entity.getClass(), field);
            f.set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object read(Object entity, String field) {
        try {
            return PlanOracle.field(entity.getClass(), field).get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
