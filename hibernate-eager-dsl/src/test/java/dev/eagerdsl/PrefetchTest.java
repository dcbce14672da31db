package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.collection.spi.PersistentCollection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code Related.prefetch}: one batched statement per level, filling Hibernate's own collections. */
class PrefetchTest {

    private static void assertNoSqlWhen(Runnable touch) {
        SQL.clear();
        touch.run();
        assertThat(SQL.statements()).as("statements after the plan").isEmpty();
    }

    /** What plain lazy loading returns, in a fresh session: owner id -> ids of the related entities, in order. */
    private static <T> Map<Object, List<Object>> lazily(Class<T> root, Function<T, Object> id, Function<T, Collection<?>> related,
                                                         Function<Object, Object> relatedId) {
        return TestDb.withSession(s -> {
            Map<Object, List<Object>> out = new TreeMap<>();
            for (T t : s.createQuery("from " + root.getSimpleName(), root).getResultList()) {
                out.put(id.apply(t), related.apply(t).stream().map(relatedId).collect(Collectors.toList()));
            }
            return out;
        });
    }

    private static <T> Map<Object, List<Object>> loaded(List<T> roots, Function<T, Object> id, Function<T, Collection<?>> related,
                                                       Function<Object, Object> relatedId) {
        Map<Object, List<Object>> out = new TreeMap<>();
        for (T t : roots) {
            out.put(id.apply(t), related.apply(t).stream().map(relatedId).collect(Collectors.toList()));
        }
        return out;
    }

    private static Object idOf(Object entity) {
        return TestDb.factory().getPersistenceUnitUtil().getIdentifier(entity);
    }

    private static void assertCleanFlush(Session s) {
        SQL.clear();
        s.flush();
        assertThat(SQL.dml()).as("DML on flush after the plan").isEmpty();
    }

    @Nested
    class DjangoShapes {

        @Test
        void manyToManyForward() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students").list(s, Course.class);
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                courses.forEach(c -> assertThat(Hibernate.isInitialized(c.getStudents())).isTrue());
                var expected = lazily(Course.class, Course::getId, Course::getStudents, PrefetchTest::idOf);
                assertNoSqlWhen(() -> assertThat(loaded(courses, Course::getId, Course::getStudents, PrefetchTest::idOf))
                        .isEqualTo(expected));
                assertCleanFlush(s);
            });
        }

        @Test
        void manyToManyReverse() {
            TestDb.inSession(s -> {
                List<Student> students = Related.prefetch("courses").list(s, Student.class);
                assertThat(SQL.count()).isEqualTo(2);
                var expected = TestDb.withSession(t -> sortedIds(t.createQuery("from Student", Student.class).getResultList(),
                        Student::getId, Student::getCourses));
                assertNoSqlWhen(() -> assertThat(sortedIds(students, Student::getId, Student::getCourses)).isEqualTo(expected));
                assertCleanFlush(s);
            });
        }

        @Test
        void foreignKeyForwardThroughPrefetch() {
            TestDb.inSession(s -> {
                List<Book> books = Related.prefetch("author").list(s.createQuery("from Book b order by b.id", Book.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertThat(SQL.statements().get(1)).containsIgnoringCase("from Author");
                assertNoSqlWhen(() -> assertThat(books).extracting(b -> b.getAuthor() == null ? null : b.getAuthor().getName())
                        .containsExactly("Ada", "Ada", "Ada", "Borges", "Borges", "Calvino", "Calvino", "Calvino", "Duras", null));
            });
        }

        @Test
        void foreignKeyReverse() {
            TestDb.inSession(s -> {
                List<Author> authors = Related.prefetch("books").list(s, Author.class);
                assertThat(SQL.count()).isEqualTo(2);
                var expected = TestDb.withSession(t -> sortedIds(t.createQuery("from Author", Author.class).getResultList(),
                        Author::getId, Author::getBooks));
                assertNoSqlWhen(() -> assertThat(sortedIds(authors, Author::getId, Author::getBooks)).isEqualTo(expected));
                assertCleanFlush(s);
            });
        }

        @Test
        void manyToManyThenManyToMany() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students.courses").list(s, Course.class);
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
                assertNoSqlWhen(() -> courses.forEach(c -> c.getStudents().forEach(st -> st.getCourses().size())));
                assertCleanFlush(s);
            });
        }

        @Test
        void foreignKeyThenManyToMany() {
            TestDb.inSession(s -> {
                List<Review> reviews = Related.prefetch("book.tags").list(s, Review.class);
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
                assertNoSqlWhen(() -> reviews.forEach(r -> r.getBook().getTags().size()));
            });
        }

        @Test
        void selectThenPrefetchIsTwoStatements() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author").prefetch("author.books")
                        .list(s.createQuery("select b from Book b order by b.id", Book.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertNoSqlWhen(() -> books.stream().filter(b -> b.getAuthor() != null).forEach(b -> b.getAuthor().getBooks().size()));
            });
        }

        @Test
        void sameLookupTwiceOrInEitherOrderRunsOnce() {
            TestDb.inSession(s -> {
                Related.prefetch("students", "students.courses", "students").list(s, Course.class);
                assertThat(SQL.count()).isEqualTo(3);
            });
            TestDb.inSession(s -> {
                Related.prefetch("students.courses", "students").list(s, Course.class);
                assertThat(SQL.count()).isEqualTo(3);
            });
        }

        @Test
        void nullableSelfReferenceTraversal() {
            TestDb.inSession(s -> {
                List<Employee> staff = Related.prefetch("boss.serfs").list(s.createQuery("from Employee e order by e.id", Employee.class));
                // the bosses are rows of the root query already: only serfs needs a statement
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertNoSqlWhen(() -> {
                    assertThat(staff.get(0).getBoss()).isNull();
                    assertThat(staff.get(1).getBoss().getSerfs()).extracting(Employee::getName).containsExactlyInAnyOrder("Mid", "Serf A");
                    assertThat(staff.get(3).getBoss().getSerfs()).extracting(Employee::getName).containsExactly("Serf B");
                });
            });
        }

        @Test
        void threeLevelsNested() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students.courses.teacher").list(s, Course.class);
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(4);
                assertNoSqlWhen(() -> courses.forEach(c -> c.getStudents().forEach(st -> st.getCourses().forEach(co -> {
                    if (co.getTeacher() != null) {
                        co.getTeacher().getName();
                    }
                }))));
            });
        }
    }

    @Nested
    class CollectionKinds {

        @Test
        void orderByIsHonoured() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students").list(s.createQuery("from Course c order by c.id", Course.class));
                assertThat(courses.get(0).getStudents()).extracting(Student::getName).containsExactly("Xia", "Yann", "Zoe");
                List<Book> books = Related.prefetch("reviews").list(s.createQuery("from Book b order by b.id", Book.class));
                books.forEach(b -> assertThat(b.getReviews()).extracting(Review::getStars).isSortedAccordingTo((x, y) -> y - x));
            });
        }

        @Test
        void indexedListKeepsPositions() {
            TestDb.inSession(s -> {
                List<Playlist> lists = Related.prefetch("songs").list(s.createQuery("from Playlist p order by p.id", Playlist.class));
                assertThat(SQL.count()).isEqualTo(2);
                assertThat(lists.get(0).getSongs()).extracting(Song::getTitle).containsExactly("Song 3", "Song 1", "Song 4");
                assertCleanFlush(s);
            });
        }

        @Test
        void mapsAndSqlRestriction() {
            TestDb.inSession(s -> {
                List<Category> cats = Related.prefetch("products", "productsBySku")
                        .list(s.createQuery("from Category c order by c.id", Category.class));
                assertThat(SQL.count()).isEqualTo(3);
                assertNoSqlWhen(() -> {
                    assertThat(cats.get(0).getProducts()).extracting(Product::getId).containsExactly(1L, 2L, 3L, 5L);
                    assertThat(cats.get(0).getProductsBySku()).containsOnlyKeys("SKU-1", "SKU-2", "SKU-3", "SKU-4", "SKU-5");
                    assertThat(cats.get(2).getProducts()).isEmpty();
                });
                assertCleanFlush(s);
            });
        }

        @Test
        void enabledHibernateFiltersApplyLikeLazyLoading() {
            TestDb.inSession(s -> {
                s.enableFilter("cheap").setParameter("max", 300);
                List<Category> cats = Related.prefetch("productsBySku").list(s.createQuery("from Category c order by c.id", Category.class));
                assertThat(SQL.count()).isEqualTo(2);
                assertThat(cats.get(0).getProductsBySku()).containsOnlyKeys("SKU-1", "SKU-2", "SKU-3");
                assertThat(cats.get(1).getProductsBySku()).isEmpty();
            });
            TestDb.inSession(s -> {
                s.enableFilter("cheap").setParameter("max", 300);
                Category lazy = s.find(Category.class, 1L);
                assertThat(lazy.getProductsBySku()).containsOnlyKeys("SKU-1", "SKU-2", "SKU-3");
            });
        }

        @Test
        void orphanRemovalCollectionIsNeverEmptied() {
            TestDb.inSession(s -> {
                List<Author> authors = Related.prefetch("awards").list(s.createQuery("from Author a order by a.id", Author.class));
                assertCleanFlush(s);
                s.getTransaction().commit();
                assertThat(SQL.dml()).isEmpty();
                s.beginTransaction();
                assertThat(authors.get(0).getAwards()).hasSize(2);
            });
            TestDb.inSession(s -> assertThat(s.createQuery("select count(a) from Award a", Long.class).getSingleResult()).isEqualTo(3L));
        }

        @Test
        void elementCollectionsThroughATeacher() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("teacher.subjects").list(s.createQuery("from Course c order by c.id", Course.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
                assertNoSqlWhen(() -> assertThat(courses.get(0).getTeacher().getSubjects()).containsExactlyInAnyOrder("logic", "machines"));
                assertCleanFlush(s);
            });
        }

        @Test
        void emptyCollectionsAreInitializedToo() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students").list(s, Course.class);
                Course empty = courses.stream().filter(c -> c.getId() == 4L).findFirst().orElseThrow();
                assertThat(Hibernate.isInitialized(empty.getStudents())).isTrue();
                assertNoSqlWhen(() -> assertThat(empty.getStudents()).isEmpty());
            });
        }

        @Test
        void collectionsStayUsableAfterTheSessionCloses() {
            Session s = TestDb.factory().openSession();
            List<Course> courses = Related.prefetch("students.courses").list(s, Course.class);
            s.close();
            assertThat(courses).allSatisfy(c -> c.getStudents().forEach(st -> assertThat(st.getCourses()).isNotEmpty()));
        }

        @Test
        void prefetchedCollectionsAreNotDirty() {
            TestDb.inSession(s -> {
                List<Course> courses = Related.prefetch("students").list(s, Course.class);
                courses.forEach(c -> assertThat(((PersistentCollection<?>) c.getStudents()).isDirty()).isFalse());
            });
        }
    }

    @Nested
    class RealAppShapes {

        @Test
        void ownersThatAreUninitializedProxies() {
            TestDb.inSession(s -> {
                List<Book> books = s.createQuery("from Book b where b.author is not null order by b.id", Book.class).getResultList();
                List<Author> proxies = books.stream().map(Book::getAuthor).distinct().toList();
                assertThat(proxies).allSatisfy(a -> assertThat(Hibernate.isInitialized(a)).isFalse());
                SQL.clear();
                Related.prefetchObjects(s, proxies, "awards");
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
                assertNoSqlWhen(() -> proxies.forEach(a -> a.getAwards().size()));
            });
        }

        @Test
        void associationDeclaredOnASubclass() {
            TestDb.inSession(s -> {
                List<Animal> animals = Related.prefetch("toys").list(s.createQuery("from Animal a order by a.id", Animal.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertNoSqlWhen(() -> assertThat(((Dog) animals.get(0)).getToys()).extracting(Toy::getName).containsExactly("Ball", "Bone"));
            });
        }

        @Test
        void toOneDeclaredOnAJoinedSubclass() {
            TestDb.inSession(s -> {
                List<Vehicle> vehicles = Related.prefetch("driver").list(s.createQuery("from Vehicle v order by v.id", Vehicle.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertNoSqlWhen(() -> assertThat(((Car) vehicles.get(1)).getDriver().getName()).isEqualTo("Ayrton"));
            });
        }

        @Test
        void compositeKeyOwners() {
            TestDb.inSession(s -> {
                List<PurchaseOrder> orders = Related.prefetch("lines", "shipTo").list(s.createQuery("from PurchaseOrder o order by o.key.region, o.key.number", PurchaseOrder.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
                assertNoSqlWhen(() -> assertThat(orders).extracting(o -> o.getLines().size()).containsExactly(2, 1, 0));
            });
        }

        @Test
        void alreadyInitializedCollectionsAreSkipped() {
            TestDb.inSession(s -> {
                Course c1 = s.find(Course.class, 1L);
                Hibernate.initialize(c1.getStudents());
                SQL.clear();
                Related.prefetchObjects(s, List.of(c1), "students");
                assertThat(SQL.count()).isZero();
            });
        }

        @Test
        void secondIdenticalPrefetchObjectsRunsNoSql() {
            TestDb.inSession(s -> {
                List<Course> courses = s.createQuery("from Course c", Course.class).getResultList();
                SQL.clear();
                Related.prefetchObjects(s, courses, "students.courses", "teacher");
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3);
                SQL.clear();
                Related.prefetchObjects(s, courses, "students.courses", "teacher");
                assertThat(SQL.count()).isZero();
            });
        }

        @Test
        void mixedClassesSharingThePath() {
            TestDb.inSession(s -> {
                List<Object> mixed = new ArrayList<>();
                mixed.addAll(s.createQuery("from Dog d", Dog.class).getResultList());
                mixed.addAll(s.createQuery("from Cat c", Cat.class).getResultList());
                SQL.clear();
                Related.prefetchObjects(s, mixed, "shelter");
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> mixed.forEach(a -> {
                    Shelter sh = ((Animal) a).getShelter();
                    if (sh != null) {
                        sh.getName();
                    }
                }));
            });
        }

        @Test
        void detachedEntitiesAreRefused() {
            Course detached = TestDb.withSession(s -> s.find(Course.class, 1L));
            TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetchObjects(s, List.of(detached), "students"))
                    .isInstanceOf(RelatedException.class)
                    .hasMessageContaining("is not managed by this session")
                    .hasMessageContaining("session.merge(entity)"));
        }

        @Test
        void aModificationMadeBeforeThePlanIsKept() {
            TestDb.inSession(s -> {
                Book b = s.find(Book.class, 1L);
                b.setTitle("Changed");
                Author a = s.find(Author.class, 1L);
                a.setName("Renamed");
                SQL.clear();
                List<Book> books = Related.select("author").prefetch("tags", "author.books").list(s.createQuery("from Book b order by b.id", Book.class));
                assertThat(books.get(0).getTitle()).isEqualTo("Changed");
                assertThat(books.get(0).getAuthor().getName()).isEqualTo("Renamed");
                s.flush();
                // the user's query auto-flushes the user's two changes (as Hibernate always does); the plan adds no write
                assertThat(SQL.dml()).hasSize(2).allSatisfy(sql -> assertThat(sql).startsWith("update"));
            });
        }

        @Test
        void queuedAddsOnAnInverseCollectionAreKept() {
            TestDb.inSession(s -> {
                Author ada = s.find(Author.class, 1L);
                Book added = new Book(100L, "New", 5, ada);
                s.persist(added);
                ada.getBooks().add(added);
                assertThat(Hibernate.isInitialized(ada.getBooks())).as("add is queued on the inverse bag").isFalse();
                SQL.clear();
                Related.prefetchObjects(s, List.of(ada), "books");
                assertThat(SQL.dml()).as("the plan does not flush the new book").isEmpty();
                assertThat(ada.getBooks()).extracting(Book::getId).containsExactlyInAnyOrder(1L, 2L, 3L, 100L);
            });
        }

        @Test
        void pagingLimitsTheRootsInSqlAndPrefetchCoversThatPage() {
            TestDb.inSession(s -> {
                List<Book> page = Related.prefetch("tags").list(s.createQuery("from Book b order by b.id", Book.class)
                        .setFirstResult(3).setMaxResults(4));
                assertThat(SQL.count()).isEqualTo(2);
                assertThat(SQL.statements().get(0)).containsAnyOf("offset", "limit", "fetch first");
                assertThat(page).extracting(Book::getId).containsExactly(4L, 5L, 6L, 7L);
                assertThat(SQL.statements().get(1)).contains(dev.eagerdsl.testing.Databases.isPostgres() ? "= any (?)" : "in (?,?,?,?)");
            });
        }

        @Test
        void chunksTheInListAndLoadsEveryOwner() {
            System.setProperty("eagerdsl.in_chunk_size", "3");
            try {
                TestDb.inSession(s -> {
                    List<Book> books = Related.prefetch("tags").list(s.createQuery("from Book b order by b.id", Book.class));
                    assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1 + 4);
                    books.forEach(b -> assertThat(Hibernate.isInitialized(b.getTags())).isTrue());
                });
            } finally {
                System.clearProperty("eagerdsl.in_chunk_size");
            }
        }

        @Test
        void flushAfterEveryKindOfPlanWritesNothing() {
            TestDb.inSession(s -> {
                Related.select("author.publisher").prefetch("tags.books", "reviews", "author.awards").list(s, Book.class);
                Related.prefetch("students.courses.teacher", "teacher.courses").list(s, Course.class);
                Related.prefetch("products", "productsBySku").list(s, Category.class);
                Related.prefetch("songs").list(s, Playlist.class);
                Related.prefetch("serfs.serfs", "boss").list(s, Employee.class);
                SQL.clear();
                s.flush();
                s.getTransaction().commit();
                assertThat(SQL.dml()).isEmpty();
                s.beginTransaction();
            });
        }
    }

    @Nested
    class OneToOne {

        @Test
        void owningSideThroughPrefetch() {
            TestDb.inSession(s -> {
                List<Person> people = Related.prefetch("passport").list(s.createQuery("from Person p order by p.id", Person.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertNoSqlWhen(() -> assertThat(people).extracting(p -> p.getPassport() == null ? null : p.getPassport().getNumber())
                        .containsExactly("P-1", "P-2", null));
            });
        }

        @Test
        void inverseSideIsAlreadyLoadedByHibernateSoNothingMoreRuns() {
            TestDb.inSession(s -> {
                List<Passport> passports = s.createQuery("from Passport p order by p.id", Passport.class).getResultList();
                SQL.clear();
                Related.prefetchObjects(s, passports, "holder");
                assertThat(SQL.count()).isZero();
                assertNoSqlWhen(() -> assertThat(passports).extracting(p -> p.getHolder().getName()).containsExactly("Ana", "Rui"));
            });
        }
    }

    @Test
    void explainListsTheRootStatementAndOneLinePerPrefetchLevel() {
        TestDb.factory();
        assertThat(Related.select("author").prefetch("tags", "author.awards")
                .prefetch(Prefetch.of("reviews").as("r").where("r.stars >= :min").param("min", 4).into("goodReviews"))
                .explain(Book.class)).isEqualTo("""
                select r from Book r left join fetch r.author j1
                prefetch tags: Book.tags by Hibernate's collection batch loader (key %1$s), 1 statement per %2$d Book owners
                prefetch reviews: select o, r from Book o join o.reviews r where o in (:eagerdslOwners) and (r.stars >= :min)  -- into goodReviews, 1 statement per %2$d Book owners
                prefetch author.awards: Author.awards by Hibernate's collection batch loader (key %1$s), 1 statement per %2$d Author owners"""
                .formatted(dev.eagerdsl.testing.Databases.isPostgres() ? "= any(?)" : "in (?, ...)",
                        dev.eagerdsl.testing.Databases.ownersPerStatement()));
    }

    @Nested
    class Streaming {

        @Test
        void closingTheStreamEarlyReadsNoFurtherChunk() {
            TestDb.inSession(s -> {
                Stream<Book> books = Related.prefetch("tags").stream(s.createQuery("from Book b order by b.id", Book.class), 2);
                assertThat(books.limit(3).map(Book::getId).toList()).containsExactly(1L, 2L, 3L);
                books.close();
                // two chunks of two roots: one page and one prefetch statement each
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(4);
                assertThat(s.getStatistics().getEntityCount()).as("the last chunk is detached on close").isLessThanOrEqualTo(1);
            });
        }

        @Test
        void aQueryWithoutOrderStreamsInIdOrder() {
            TestDb.inSession(s -> {
                try (Stream<Book> books = Related.prefetch("tags").stream(s.createQuery("from Book b where b.price > 20", Book.class), 3)) {
                    assertThat(books.map(Book::getId).toList()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
                }
            });
        }

        @Test
        void aStreamKeepsTheQuerysOwnPaging() {
            TestDb.inSession(s -> {
                try (Stream<Book> books = Related.prefetch("tags").stream(s.createQuery("from Book b order by b.id", Book.class)
                        .setFirstResult(2).setMaxResults(5), 2)) {
                    assertThat(books.map(Book::getId).toList()).containsExactly(3L, 4L, 5L, 6L, 7L);
                }
            });
        }

        @Test
        void selectedToOnesSharedAcrossChunksStayConsistent() {
            TestDb.inSession(s -> {
                try (Stream<Author> authors = Related.select("publisher").prefetch("books.tags")
                        .stream(s.createQuery("from Author a order by a.id", Author.class), 2)) {
                    assertThat(authors.map(a -> (a.getPublisher() == null ? "-" : a.getPublisher().getName()) + ":" + a.getBooks().size())
                            .toList()).containsExactly("Penguin:3", "Vintage:2", "Penguin:3", "-:1");
                }
            });
        }

        @Test
        void streamsInChunksWithOnePrefetchPerChunk() {
            TestDb.inSession(s -> {
                List<String> seen = new ArrayList<>();
                try (Stream<Book> books = Related.select("author").prefetch("tags")
                        .stream(s.createQuery("from Book b order by b.id", Book.class), 4)) {
                    books.forEach(b -> seen.add(b.getId() + ":" + b.getTags().size()));
                }
                assertThat(seen).hasSize(10);
                // one page and one prefetch statement per chunk of 4 roots (3 chunks, the last one short)
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(3 + 3);
            });
        }

        @Test
        void passedChunksAreDetachedSoMemoryStaysFlat() {
            TestDb.inSession(s -> {
                try (Stream<Book> books = Related.prefetch("tags").stream(s.createQuery("from Book b order by b.id", Book.class), 3)) {
                    books.forEach(b -> { });
                }
                assertThat(s.getStatistics().getEntityCount()).isLessThanOrEqualTo(3 + 5);
            });
        }
    }

    private static <T> Map<Object, List<Object>> sortedIds(List<T> roots, Function<T, Object> id, Function<T, Collection<?>> related) {
        Map<Object, List<Object>> out = new TreeMap<>();
        for (T t : roots) {
            out.put(id.apply(t), related.apply(t).stream().map(PrefetchTest::idOf).map(o -> (Comparable) o).sorted().collect(Collectors.toList()));
        }
        return out;
    }
}
