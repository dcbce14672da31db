package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.TestDb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Optional;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code Related.select}: to-one paths joined into the one root statement. */
class SelectTest {

    private static void assertNoSqlWhen(Runnable touch) {
        SQL.clear();
        touch.run();
        assertThat(SQL.statements()).as("statements after the plan").isEmpty();
    }

    @Nested
    class EntryPoints {

        @Test
        void selectsManyToOneInOneStatementFromHibernateQuery() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author")
                        .list(s.createQuery("from Book b where b.price < :max order by b.id", Book.class).setParameter("max", 55));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
                assertThat(SQL.statements().get(0)).containsIgnoringCase("left join Author");
                assertThat(books).extracting(Book::getId).containsExactly(1L, 2L, 3L, 4L, 5L);
                books.forEach(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).isTrue());
                assertNoSqlWhen(() -> books.forEach(b -> b.getAuthor().getName()));
            });
        }

        @Test
        void rootsAlreadyInTheSessionGetTheirSelectedToOneLoadedToo() {
            TestDb.inSession(s -> {
                Book known = s.find(Book.class, 1L);
                assertThat(Hibernate.isInitialized(known.getAuthor())).as("a proxy before the plan").isFalse();
                SQL.clear();
                List<Book> books = Related.select("author")
                        .list(s.createQuery("from Book b where b.id <= 3 order by b.id", Book.class));
                assertThat(books).first().isSameAs(known);
                books.forEach(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).as("book " + b.getId()).isTrue());
                assertNoSqlWhen(() -> books.forEach(b -> b.getAuthor().getName()));
            });
        }

        @Test
        void aRootWhoseToOneWasChangedInTheSessionGetsTheNewTargetLoaded() {
            // the row's join brings the author the database has; the book now points at another one, not loaded yet
            TestDb.inSession(s -> {
                // not flushed before the query: its row still has the old author
                s.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
                Book known = s.find(Book.class, 1L);
                Author other = s.getReference(Author.class, 3L);
                try {
                    java.lang.reflect.Field f = Book.class.getDeclaredField("author");
                    f.setAccessible(true);
                    f.set(known, other);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(Hibernate.isInitialized(other)).isFalse();
                List<Book> books = Related.select("author")
                        .list(s.createQuery("from Book b where b.id <= 3 order by b.id", Book.class));
                assertThat(books).first().isSameAs(known);
                assertThat(known.getAuthor()).isSameAs(other);
                books.forEach(b -> assertThat(Hibernate.isInitialized(b.getAuthor())).as("book " + b.getId()).isTrue());
                assertNoSqlWhen(() -> books.forEach(b -> b.getAuthor().getName()));
                s.clear();
            });
        }

        @Test
        void selectsThroughJpaTypedQueryFromJpql() {
            TestDb.inSession(s -> {
                EntityManager em = s;
                TypedQuery<Book> q = em.createQuery("select b from Book b where b.id <= 3 order by b.id desc", Book.class);
                List<Book> books = Related.select("author").list(q);
                assertThat(SQL.count()).isEqualTo(1);
                assertThat(books).extracting(Book::getId).containsExactly(3L, 2L, 1L);
                assertNoSqlWhen(() -> books.forEach(b -> b.getAuthor().getName()));
            });
        }

        @Test
        void selectsThroughJpaCriteriaQuery() {
            TestDb.inSession(s -> {
                CriteriaBuilder cb = s.getCriteriaBuilder();
                CriteriaQuery<Book> cq = cb.createQuery(Book.class);
                Root<Book> b = cq.from(Book.class);
                cq.select(b).where(cb.greaterThan(b.get("price"), 80)).orderBy(cb.asc(b.get("id")));
                List<Book> books = Related.select("author.publisher").list(s.createQuery(cq));
                assertThat(SQL.count()).isEqualTo(1);
                assertThat(books).extracting(Book::getId).containsExactly(9L, 10L);
                assertThat(books.get(1).getAuthor()).isNull();
                assertNoSqlWhen(() -> assertThat(books.get(0).getAuthor().getPublisher()).isNull());
            });
        }

        @Test
        void selectsThroughSelectionQuery() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author")
                        .list(s.createSelectionQuery("from Book b where b.id in (1, 4) order by b.id", Book.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> assertThat(books).extracting(b -> b.getAuthor().getName()).containsExactly("Ada", "Borges"));
            });
        }

        @Test
        void listsEveryRowOfTheRoot() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author").list(s, Book.class);
                assertThat(SQL.count()).isEqualTo(1);
                assertThat(books).hasSize(10);
                assertNoSqlWhen(() -> books.forEach(b -> {
                    if (b.getAuthor() != null) {
                        b.getAuthor().getName();
                    }
                }));
            });
        }

        @Test
        void findsOneByIdWithItsToOnes() {
            TestDb.inSession(s -> {
                Optional<Book> book = Related.select("author.publisher").find(s, Book.class, 2L);
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
                assertThat(book).isPresent();
                assertNoSqlWhen(() -> assertThat(book.get().getAuthor().getPublisher().getName()).isEqualTo("Penguin"));
            });
        }

        @Test
        void findReturnsEmptyForAMissingId() {
            TestDb.inSession(s -> {
                assertThat(Related.select("author").find(s, Book.class, 999L)).isEmpty();
                assertThat(SQL.count()).isEqualTo(1);
            });
        }
    }

    @Nested
    class QueryOptionsAreKept {

        @Test
        void pagingStaysInSql() {
            TestDb.inSession(s -> {
                List<Book> page = Related.select("author").list(s.createQuery("from Book b order by b.id", Book.class)
                        .setFirstResult(2).setMaxResults(3));
                assertThat(SQL.count()).isEqualTo(1);
                assertThat(SQL.statements().get(0)).containsAnyOf("offset", "limit", "fetch first");
                assertThat(page).extracting(Book::getId).containsExactly(3L, 4L, 5L);
            });
        }

        @Test
        void lockModeIsKept() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author").list(s.createQuery("from Book b where b.id = 1", Book.class)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE));
                assertThat(books).hasSize(1);
                assertThat(String.join("\n", SQL.statements())).containsIgnoringCase("for ");
                assertThat(String.valueOf(s.getLockMode(books.get(0)))).isEqualTo("PESSIMISTIC_WRITE");
            });
        }

        @Test
        void aGraphTheUserSetIsMergedWithThePlanAndKept() {
            TestDb.inSession(s -> {
                var graph = s.createEntityGraph(Book.class);
                graph.addAttributeNodes("tags");
                var q = s.createQuery("from Book b order by b.id", Book.class).setHint("jakarta.persistence.fetchgraph", graph);
                List<Book> books = Related.select("author").list(q);
                assertThat(SQL.count()).as("the graph's tags and the plan's author in one statement: " + SQL.describe()).isEqualTo(1);
                assertThat(books).hasSize(10).allMatch(b -> Hibernate.isInitialized(b.getTags()))
                        .filteredOn(b -> b.getAuthor() != null).allMatch(b -> Hibernate.isInitialized(b.getAuthor()));
                // the user's graph is unchanged, and their query still runs with it alone
                assertThat(graph.getAttributeNodes()).extracting(n -> n.getAttributeName()).containsExactly("tags");
                s.clear();
                SQL.clear();
                List<Book> again = q.getResultList();
                assertThat(SQL.statements()).hasSize(1).allMatch(sql -> sql.contains(" book_tags ") && !sql.contains(" Author "));
                assertThat(again).allMatch(b -> Hibernate.isInitialized(b.getTags()))
                        .filteredOn(b -> b.getAuthor() != null).noneMatch(b -> Hibernate.isInitialized(b.getAuthor()));
            });
        }

        @Test
        void aGraphSetWithSetEntityGraphIsMergedToo() {
            TestDb.inSession(s -> {
                var graph = s.createEntityGraph(Book.class);
                graph.addAttributeNodes("tags");
                var q = s.createSelectionQuery("from Book b order by b.id", Book.class)
                        .setEntityGraph(graph, org.hibernate.graph.GraphSemantic.LOAD);
                List<Book> books = Related.select("author").prefetch("reviews").list(q);
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
                assertThat(books).allMatch(b -> Hibernate.isInitialized(b.getTags()) && Hibernate.isInitialized(b.getReviews()));
                assertThat(graph.getAttributeNodes()).extracting(n -> n.getAttributeName()).containsExactly("tags");
            });
        }

        @Test
        void theSameQueryCanRunTheSamePlanTwice() {
            TestDb.inSession(s -> {
                var q = s.createQuery("from Book b order by b.id", Book.class);
                FetchPlan plan = Related.select("author");
                assertThat(plan.list(q)).hasSize(10);
                assertThat(plan.list(q)).hasSize(10);
            });
        }

        @Test
        void hintsAreKept() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author").list(s.createQuery("from Book b order by b.id", Book.class)
                        .setHint("org.hibernate.readOnly", true));
                assertThat(s.isReadOnly(books.get(0))).isTrue();
            });
        }
    }

    @Nested
    class Shapes {

        @Test
        void nullableForeignKeyKeepsTheRow() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author").list(s.createQuery("from Book b where b.id >= 9 order by b.id", Book.class));
                assertThat(books).extracting(Book::getId).containsExactly(9L, 10L);
                assertThat(books.get(1).getAuthor()).isNull();
                assertThat(SQL.statements().get(0)).containsIgnoringCase("left join");
            });
        }

        @Test
        void chainsOfAnyDepthAndDjangoSeparator() {
            TestDb.inSession(s -> {
                List<Author> authors = Related.select("address__city", "publisher")
                        .list(s.createQuery("from Author a order by a.id", Author.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
                assertNoSqlWhen(() -> {
                    assertThat(authors.get(0).getAddress().getCity().getName()).isEqualTo("Lisbon");
                    assertThat(authors.get(1).getPublisher().getName()).isEqualTo("Vintage");
                });
            });
        }

        @Test
        void threeLevelsFromReview() {
            TestDb.inSession(s -> {
                List<Review> reviews = Related.select("book.author.publisher")
                        .list(s.createQuery("from Review r order by r.id", Review.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> reviews.forEach(r -> {
                    Author a = r.getBook().getAuthor();
                    if (a != null && a.getPublisher() != null) {
                        a.getPublisher().getName();
                    }
                }));
            });
        }

        @Test
        void chainedSelectsAccumulateIntoOneStatement() {
            TestDb.inSession(s -> {
                FetchPlan plan = Related.select("book").select("book.author");
                List<Review> reviews = plan.list(s.createQuery("from Review r order by r.id", Review.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> reviews.forEach(r -> r.getBook().getTitle()));
            });
        }

        @Test
        void oneToOneOwningSide() {
            TestDb.inSession(s -> {
                List<Person> people = Related.select("passport").list(s.createQuery("from Person p order by p.id", Person.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> assertThat(people.get(0).getPassport().getNumber()).isEqualTo("P-1"));
                assertThat(people.get(2).getPassport()).isNull();
            });
        }

        @Test
        void oneToOneInverseSide() {
            TestDb.inSession(s -> {
                List<Passport> passports = Related.select("holder").list(s.createQuery("from Passport p order by p.id", Passport.class));
                assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
                assertNoSqlWhen(() -> assertThat(passports.get(1).getHolder().getName()).isEqualTo("Rui"));
            });
        }

        @Test
        void selfReference() {
            TestDb.inSession(s -> {
                List<Employee> staff = Related.select("boss.boss").list(s.createQuery("from Employee e order by e.id", Employee.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> assertThat(staff.get(3).getBoss().getBoss().getName()).isEqualTo("Boss"));
            });
        }

        @Test
        void singleTableInheritanceAttributeOnTheRoot() {
            TestDb.inSession(s -> {
                List<Animal> animals = Related.select("shelter").list(s.createQuery("from Animal a order by a.id", Animal.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertThat(animals).hasSize(3);
                assertNoSqlWhen(() -> assertThat(animals.get(2).getShelter().getName()).isEqualTo("North"));
            });
        }

        @Test
        void joinedInheritanceAttributeOfTheQueriedSubclass() {
            TestDb.inSession(s -> {
                List<Car> cars = Related.select("driver").list(s.createQuery("from Car c order by c.id", Car.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> assertThat(cars).extracting(c -> c.getDriver().getName()).containsExactly("Niki", "Ayrton"));
            });
        }

        @Test
        void subclassAttributeFromTheBaseQueryIsRefusedWithTheFix() {
            TestDb.inSession(s -> assertThatThrownBy(() -> Related.select("driver").list(s.createQuery("from Vehicle v", Vehicle.class)))
                    .isInstanceOf(RelatedException.class)
                    .hasMessage("Cannot select('driver') on Vehicle: 'driver' is declared on the subclass Car, which a fetch join from "
                            + "Vehicle rows cannot reach. Use prefetch(\"driver\") (one extra statement), or query Car."));
            assertThat(SQL.count()).isZero();
        }

        @Test
        void compositeKeyOwnerAndTarget() {
            TestDb.inSession(s -> {
                List<OrderLine> lines = Related.select("order.shipTo").list(s.createQuery("from OrderLine l order by l.id", OrderLine.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertNoSqlWhen(() -> assertThat(lines).extracting(l -> l.getOrder().getShipTo().getName())
                        .containsExactly("Lisbon", "Lisbon", "Porto"));
            });
        }

        @Test
        void entitiesAlreadyInTheSessionGetTheirToOnesToo() {
            TestDb.inSession(s -> {
                Book first = s.find(Book.class, 1L);
                assertThat(Hibernate.isInitialized(first.getAuthor())).isFalse();
                SQL.clear();
                List<Book> books = Related.select("author").list(s.createQuery("from Book b where b.id <= 2", Book.class));
                assertThat(SQL.count()).as(SQL.describe()).isLessThanOrEqualTo(2);
                assertNoSqlWhen(() -> books.forEach(b -> b.getAuthor().getName()));
            });
        }

        @Test
        void duplicateAndPrefixPathsAreHarmless() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author", "author", "author.publisher", "author__publisher")
                        .list(s.createQuery("from Book b order by b.id", Book.class));
                assertThat(SQL.count()).isEqualTo(1);
                assertThat(books).hasSize(10);
            });
        }

        @Test
        void rootsAreDistinctInTheQueryOrder() {
            TestDb.inSession(s -> {
                List<Book> books = Related.select("author").list(s.createQuery(
                        "select b from Book b join b.tags t order by b.id desc", Book.class));
                assertThat(books).extracting(Book::getId).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
            });
        }

        @Test
        void noSqlAfterTheSessionCloses() {
            Session s = TestDb.factory().openSession();
            List<Book> books = Related.select("author.publisher").list(s.createQuery("from Book b where b.id < 4", Book.class));
            s.close();
            assertThat(books).allSatisfy(b -> assertThat(b.getAuthor().getPublisher().getName()).isEqualTo("Penguin"));
        }

        @Test
        void flushAfterThePlanWritesNothing() {
            TestDb.inSession(s -> {
                Related.select("publisher", "address.city").list(s, Author.class);
                SQL.clear();
                s.flush();
                assertThat(SQL.dml()).isEmpty();
            });
        }
    }

    @Test
    void explainShowsTheFetchJoinHql() {
        TestDb.factory();
        assertThat(Related.select("author.publisher").explain(Book.class))
                .isEqualTo("select r from Book r left join fetch r.author j1 left join fetch j1.publisher j2");
        assertThat(Related.select("address.city").explain(Author.class))
                .isEqualTo("select r from Author r left join fetch r.address.city j1\n-- runs with a load graph of the plan's paths: a path"
                        + " goes through an embeddable or a subclass, which a fetch join written into the query's HQL cannot name");
    }

    @Test
    void explainedHqlRunsAndLoadsTheSame() {
        TestDb.inSession(s -> {
            String hql = Related.select("author.publisher").explain(s, Book.class);
            List<Book> books = s.createQuery(hql, Book.class).getResultList();
            assertThat(SQL.count()).isEqualTo(1);
            assertThat(books).hasSize(10);
        });
    }

    @Test
    void withoutSelectsAndWithoutPrefetchesLikeDjangosNone() {
        FetchPlan plan = Related.select("author").prefetch("tags");
        assertThat(plan.withoutSelects().selectPaths()).isEmpty();
        assertThat(plan.withoutSelects().prefetches()).containsExactly(Prefetch.of("tags"));
        assertThat(plan.withoutPrefetches().prefetches()).isEmpty();
        assertThat(plan.withoutPrefetches().selectPaths()).containsExactly("author");
        assertThat(plan.toString()).isEqualTo("Related.select(\"author\").prefetch(\"tags\")");
    }

    @Test
    void plansAreImmutableAndReusable() {
        FetchPlan base = Related.select("author");
        FetchPlan more = base.select("author.publisher");
        assertThat(base.selectPaths()).containsExactly("author");
        assertThat(more.selectPaths()).containsExactly("author", "author.publisher");
        TestDb.inSession(s -> assertThat(base.list(s, Book.class)).hasSize(10));
        TestDb.inSession(s -> assertThat(base.list(s, Book.class)).hasSize(10));
    }
}
