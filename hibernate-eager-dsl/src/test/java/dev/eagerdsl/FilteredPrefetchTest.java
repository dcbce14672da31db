package dev.eagerdsl;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eagerdsl.model.*;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.testing.TestDb;
import java.util.List;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.Test;

/** {@code Prefetch.of(path).where(..).orderBy(..).into(field)} (Django's Prefetch(queryset, to_attr)). */
class FilteredPrefetchTest {

    @Test
    void filtersAndOrdersIntoATransientListWithoutTouchingTheMappedCollection() {
        TestDb.inSession(s -> {
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s").where("s.active = true").orderBy("s.name desc")
                    .into("activeStudents")).list(s.createQuery("from Course c order by c.id", Course.class));
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
            assertThat(courses.get(0).getActiveStudents()).extracting(Student::getName).containsExactly("Zoe", "Xia");
            assertThat(courses.get(1).getActiveStudents()).extracting(Student::getName).containsExactly("Vera");
            assertThat(courses.get(3).getActiveStudents()).isEmpty();
            assertThat(Hibernate.isInitialized(courses.get(0).getStudents())).isFalse();
            SQL.clear();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }

    @Test
    void bindsNamedParametersSafely() {
        TestDb.inSession(s -> {
            List<Author> authors = Related.prefetch(Prefetch.of("books").as("b").where("b.price < :max").param("max", 25)
                    .orderBy("b.id").into("cheapBooks")).list(s.createQuery("from Author a order by a.id", Author.class));
            assertThat(authors.get(0).getCheapBooks()).extracting(Book::getId).containsExactly(1L, 2L);
            assertThat(authors.get(1).getCheapBooks()).isEmpty();
            String hostile = "x') or 1=1 --";
            List<Author> none = Related.prefetch(Prefetch.of("books").as("b").where("b.title = :t").param("t", hostile).into("cheapBooks"))
                    .list(s, Author.class);
            assertThat(none).allSatisfy(a -> assertThat(a.getCheapBooks()).isEmpty());
        });
    }

    @Test
    void aFilterComparesTextByTheDatabasesOwnRules() {
        // the where clause is the user's, run as written: MariaDB's default collation (utf8mb4_general_ci) ignores case,
        // so 'zoe' finds Zoe there; H2 and PostgreSQL compare case-sensitively
        TestDb.inSession(s -> {
            List<Course> courses = Related.prefetch(Prefetch.of("students").as("s").where("s.name = :n").param("n", "zoe")
                    .into("activeStudents")).list(s.createQuery("from Course c order by c.id", Course.class));
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(2);
            assertThat(courses.get(0).getActiveStudents()).extracting(Student::getName)
                    .isEqualTo(Databases.isMariaDb() ? List.of("Zoe") : List.of());
            for (Course c : courses) {   // the mapped collection, loaded lazily now, says who is enrolled
                List<String> zoe = c.getStudents().stream().map(Student::getName).filter(n -> n.equals("Zoe")).toList();
                assertThat(c.getActiveStudents()).extracting(Student::getName).isEqualTo(Databases.isMariaDb() ? zoe : List.of());
            }
        });
    }

    @Test
    void filteredPrefetchCombinesWithNormalLevels() {
        TestDb.inSession(s -> {
            List<Book> books = Related.select("author").prefetch("tags")
                    .prefetch(Prefetch.of("reviews").as("r").where("r.stars >= 4").into("goodReviews"))
                    .list(s.createQuery("from Book b order by b.id", Book.class));
            assertThat(SQL.count()).isEqualTo(3);
            books.forEach(b -> assertThat(b.getGoodReviews()).allSatisfy(r -> assertThat(r.getStars()).isGreaterThanOrEqualTo(4)));
        });
    }

    @Test
    void intoWithoutFilterGetsEveryElement() {
        TestDb.inSession(s -> {
            List<Course> courses = Related.prefetch(Prefetch.of("students").into("activeStudents")).list(s.createQuery("from Course c order by c.id", Course.class));
            assertThat(courses.get(0).getActiveStudents()).hasSize(3);
        });
    }

    @Test
    void filteredWithoutIntoIsRefused() {
        assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").where("students.active = true")))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Filtered prefetch Prefetch.of(\"students\").where(\"students.active = true\") has no into(...): a filtered prefetch"
                        + " never writes a subset into the mapped collection (that would delete rows on flush). Add .into(\"fieldName\")"
                        + " naming a @Transient List field of the owner.");
    }

    @Test
    void intoAMappedAttributeIsRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").where("students.active = true").into("students"))
                .list(s, Course.class)).isInstanceOf(RelatedException.class)
                .hasMessage("Cannot prefetch into('students') on Course: 'students' is a mapped (persistent) attribute, and writing a filtered"
                        + " subset into it would change the database on flush. Add a @Transient List field (e.g. @Transient List<Student>"
                        + " filteredStudents) and name it in into(...)."));
        assertThat(SQL.count()).isZero();
    }

    @Test
    void intoAMissingFieldIsRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").into("active")).list(s, Course.class))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Cannot prefetch into('active') on Course: Course has no field 'active'. Fields that can take it: activeStudents."
                        + " Add one: @Transient List<Student> active;"));
    }

    @Test
    void intoANonListFieldIsRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("books").into("wrongType")).list(s, Author.class))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Cannot prefetch into('wrongType') on Author: the field is a Set, but into(...) writes a List. Declare it as a"
                        + " non-final List<Book>."));
    }

    @Test
    void twoPrefetchesIntoOneFieldAreRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("books").into("cheapBooks"),
                Prefetch.of("books").as("b").where("b.price < 20").into("cheapBooks")).list(s, Author.class))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Two prefetches write into('cheapBooks') on Author: Prefetch.of(\"books\").into(\"cheapBooks\") and"
                        + " Prefetch.of(\"books\").as(\"b\").where(\"b.price < 20\").into(\"cheapBooks\"). Each into(...) field holds one"
                        + " result; give each prefetch its own field."));
        assertThat(SQL.count()).isZero();
    }

    @Test
    void intoAListOfAnotherEntityIsRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("awards").into("cheapBooks")).list(s, Author.class))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Cannot prefetch into('cheapBooks') on Author: the field holds Book but 'awards' leads to Award."
                        + " Declare it as List<Award>, or name another field."));
    }

    @Test
    void invalidHqlInTheFilterIsRefusedBeforeAnySql() {
        TestDb.inSession(s -> {
            assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").as("s").where("s.nope = 1").into("activeStudents"))
                    .list(s, Course.class)).isInstanceOf(RelatedException.class)
                    .hasMessageStartingWith("Invalid filter in Prefetch.of(\"students\").as(\"s\").where(\"s.nope = 1\").into(\"activeStudents\") on Course: Hibernate cannot parse");
            assertThat(SQL.count()).isZero();
        });
    }

    @Test
    void aFilterThatClosesItsOwnParenthesisIsRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").as("s")
                .where("s.active = true) or (1=1").into("activeStudents")).list(s, Course.class))
                .isInstanceOf(RelatedException.class)
                .hasMessage("Invalid filter in Prefetch.of(\"students\").as(\"s\").where(\"s.active = true) or (1=1\").into(\"activeStudents\")"
                        + " on Course: its parentheses do not balance, so it could reach outside its own condition. Write one HQL condition"
                        + " (or ordering) with balanced parentheses, e.g. .where(\"s.active = true and (s.year > 1)\")."));
        assertThat(SQL.count()).isZero();
    }

    @Test
    void missingParameterIsRefused() {
        TestDb.inSession(s -> assertThatThrownBy(() -> Related.prefetch(Prefetch.of("students").as("s").where("s.year > :y").into("activeStudents"))
                .list(s, Course.class)).isInstanceOf(RelatedException.class)
                .hasMessage("Parameters of Prefetch.of(\"students\").as(\"s\").where(\"s.year > :y\").into(\"activeStudents\") do not match its where(...):"
                        + " no value for :y (add .param(\"y\", value)). Every :name in where(...) needs exactly one .param(name, value)."));
    }
}
