package dev.eagerdsl.guard;

import static dev.eagerdsl.testing.TestDb.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.UnusedPrefetch;
import dev.eagerdsl.guard.fixture.Shelf;
import dev.eagerdsl.guard.fixture.Shelves;
import dev.eagerdsl.model.Author;
import dev.eagerdsl.model.Book;
import dev.eagerdsl.model.Category;
import dev.eagerdsl.model.Course;
import dev.eagerdsl.model.Playlist;
import dev.eagerdsl.model.Tag;
import dev.eagerdsl.testing.TestDb;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The unused-prefetch report: a collection a plan prefetched that no code read on any owner before the session
 * closed gives one {@link UnusedPrefetch} and one EAGER-111 WARN per (plan call site, path); a read one (iterated,
 * sized, searched, got by index or key) gives nothing; off by default; the system property and the Hibernate
 * setting turn it on, code wins. The report itself runs no SQL and loads nothing.
 */
class UnusedPrefetchTest {

    private static final String PROPERTY = "eagerdsl.guard.unused";
    private static final String BOOKS = "from Book b order by b.id";

    private final List<UnusedPrefetch> seen = Collections.synchronizedList(new ArrayList<>());
    private LazyLoadGuard.Subscription subscription;
    private LogCapture log;

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
        TestDb.factory();
    }

    @BeforeEach
    void on() {
        LazyLoadGuard.setReportUnused(true);
        subscription = LazyLoadGuard.subscribeUnused(seen::add);
        log = new LogCapture();
    }

    @AfterEach
    void off() {
        subscription.close();
        log.close();
        System.clearProperty(PROPERTY);
        LazyLoadGuard.clearReportUnused();
    }

    /** @return the caller's frame as the guard names a call site: {@code Class.method(File.java:line)} */
    private static String here() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName() + "("
                        + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElseThrow());
    }

    private List<String> unusedLines() {
        return log.lines().stream().filter(l -> l.contains("EAGER-111")).toList();
    }

    /** Runs {@code work} in a session of the shared factory (in a transaction, rolled back), then closes it. */
    private static void inSession(Consumer<Session> work) {
        TestDb.inSession(work);
    }

    private static List<Book> books(Session s, FetchPlan plan) {
        return plan.list(s.createQuery(BOOKS, Book.class));
    }

    @Test
    void anUnreadPrefetchIsReportedOnceWithTheCallSiteAndThePathToRemove() {
        String[] site = new String[1];
        int[] afterPlans = new int[1];
        inSession(s -> {
            for (int i = 0; i < 2; i++) {
                site[0] = here(); Related.prefetch("tags").list(s.createQuery(BOOKS, Book.class));
            }
            afterPlans[0] = SQL.count();
            assertThat(seen).as("nothing before the session closes").isEmpty();
        });
        assertThat(seen).containsExactly(new UnusedPrefetch("Book", "tags", 10, site[0]));
        assertThat(site[0]).startsWith("UnusedPrefetchTest.lambda$").contains("(UnusedPrefetchTest.java:");
        assertThat(unusedLines()).containsExactly("WARN EAGER-111 Unused prefetch: Book.tags (\"tags\") was prefetched for 10 owners by"
                + " the plan at " + site[0] + ", and no code read it before the session closed. Fix: remove \"tags\" from that plan.");
        assertThat(SQL.count()).as("the report ran no SQL:\n%s", SQL.describe()).isEqualTo(afterPlans[0]).isEqualTo(3);
        assertThat(SQL.dml()).isEmpty();
    }

    @Test
    void aLaterSessionAtTheSameCallSiteRaisesTheEventAgainAndLogsAtDebug() {
        String[] site = new String[1];
        for (int i = 0; i < 2; i++) {
            inSession(s -> {
                site[0] = here(); Related.prefetch("reviews").list(s.createQuery(BOOKS, Book.class));
            });
        }
        assertThat(seen).containsExactly(new UnusedPrefetch("Book", "reviews", 10, site[0]), new UnusedPrefetch("Book", "reviews", 10, site[0]));
        assertThat(unusedLines()).hasSize(2);
        assertThat(unusedLines().get(0)).startsWith("WARN EAGER-111 Unused prefetch: Book.reviews");
        assertThat(unusedLines().get(1)).startsWith("DEBUG EAGER-111 Unused prefetch: Book.reviews").endsWith("(in 2 sessions since start)");
    }

    /** The ways code reads a loaded collection, each on one owner only. */
    enum Read {
        ITERATE(s -> {
            for (Book b : books(s, Related.prefetch("tags"))) {
                if (b.getId() == 3L) {
                    for (Tag t : b.getTags()) {
                        t.getName();
                    }
                }
            }
        }),
        SIZE(s -> books(s, Related.prefetch("tags")).get(4).getTags().size()),
        IS_EMPTY(s -> books(s, Related.prefetch("tags")).get(4).getTags().isEmpty()),
        CONTAINS(s -> books(s, Related.prefetch("tags")).get(0).getTags().contains(s.getReference(Tag.class, 2L))),
        STREAM(s -> books(s, Related.prefetch("reviews")).get(2).getReviews().stream().count()),
        BAG_GET(s -> books(s, Related.prefetch("reviews")).get(2).getReviews().get(0)),
        LIST_GET(s -> Related.prefetch("songs").list(s, Playlist.class).get(0).getSongs().get(0)),
        MAP_GET(s -> Related.prefetch("productsBySku").list(s, Category.class).get(0).getProductsBySku().get("SKU-1")),
        MAP_CONTAINS_KEY(s -> Related.prefetch("productsBySku").list(s, Category.class).get(0).getProductsBySku().containsKey("SKU-1")),
        ADD(s -> books(s, Related.prefetch("tags")).get(0).getTags().add(s.getReference(Tag.class, 5L)));

        final Consumer<Session> work;

        Read(Consumer<Session> work) {
            this.work = work;
        }
    }

    @ParameterizedTest
    @EnumSource(Read.class)
    void aPrefetchReadOnOneOwnerIsNotReported(Read read) {
        inSession(read.work);
        assertThat(seen).isEmpty();
        assertThat(unusedLines()).isEmpty();
    }

    @Test
    void aTwoLevelPrefetchWhoseFirstLevelIsReadReportsOnlyTheSecond() {
        String[] site = new String[1];
        inSession(s -> {
            site[0] = here(); List<Book> books = Related.prefetch("tags.books").list(s.createQuery(BOOKS, Book.class));
            books.forEach(b -> b.getTags().size());
        });
        assertThat(seen).containsExactly(new UnusedPrefetch("Tag", "tags.books", 5, site[0]));
        assertThat(unusedLines()).containsExactly("WARN EAGER-111 Unused prefetch: Tag.books (\"tags.books\") was prefetched for 5 owners"
                + " by the plan at " + site[0] + ", and no code read it before the session closed. Fix: remove \"tags.books\" from"
                + " that plan (keep \"tags\" if it is read).");
    }

    @Test
    void eachCallSiteAndPathIsReportedOnItsOwn() {
        String[] sites = new String[2];
        inSession(s -> {
            sites[0] = here(); Related.prefetch("tags", "reviews").list(s.createQuery(BOOKS, Book.class)).get(0).getReviews().size();
            sites[1] = here(); Related.prefetch("tags").list(s.createQuery(BOOKS, Book.class));
        });
        assertThat(seen).containsExactlyInAnyOrder(new UnusedPrefetch("Book", "tags", 10, sites[0]),
                new UnusedPrefetch("Book", "tags", 10, sites[1]));
    }

    @Test
    void everyEntryPointIsWatched() {
        String[] sites = new String[3];
        inSession(s -> {
            sites[0] = here(); Related.prefetch("reviews").find(s, Book.class, 2L);
            List<Author> authors = s.createQuery("from Author a order by a.id", Author.class).getResultList();
            sites[1] = here(); Related.prefetchObjects(s, authors, "books");
            try (Stream<Course> courses = Related.prefetch("students").stream(s.createQuery("from Course c order by c.id", Course.class), 3)) {
                sites[2] = here(); courses.forEach(c -> c.getTitle());
            }
        });
        assertThat(seen).containsExactly(new UnusedPrefetch("Book", "reviews", 1, sites[0]), new UnusedPrefetch("Author", "books", 4, sites[1]),
                new UnusedPrefetch("Course", "students", 4, sites[2]));
    }

    @Test
    void aStreamedCollectionReadAfterItsChunkWasDetachedIsNotReported() {
        inSession(s -> {
            List<Course> courses;
            try (Stream<Course> stream = Related.prefetch("students").stream(s.createQuery("from Course c order by c.id", Course.class), 2)) {
                courses = stream.toList();
            }
            assertThat(s.contains(courses.get(0))).as("the first chunk was detached").isFalse();
            courses.get(0).getStudents().size();
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void hibernatesOwnCascadeOnFlushIsNotARead() {
        String[] site = new String[1];
        inSession(s -> {
            site[0] = here(); Related.prefetch("awards").list(s, Author.class);
            s.flush(); // Author.awards is cascade ALL: the flush walks every loaded awards collection
        });
        assertThat(seen).containsExactly(new UnusedPrefetch("Author", "awards", 4, site[0]));
        assertThat(SQL.dml()).isEmpty();
    }

    @Test
    void theReportLoadsNothingAndLeavesUnloadedCollectionsAlone() {
        List<Book> kept = new ArrayList<>();
        int[] afterPlan = new int[1];
        inSession(s -> {
            kept.addAll(books(s, Related.prefetch("tags")));
            afterPlan[0] = SQL.count();
        });
        assertThat(seen).hasSize(1);
        assertThat(SQL.count()).isEqualTo(afterPlan[0]);
        assertThat(kept).allSatisfy(b -> {
            assertThat(Hibernate.isInitialized(b.getReviews())).isFalse();
            assertThat(Hibernate.isInitialized(b.getTags())).isTrue();
        });
        kept.get(0).getTags().size();
        assertThat(seen).as("a read after the session closed does not count, and reports nothing more").hasSize(1);
    }

    @Test
    void aFilteredPrefetchIsNotReported() {
        inSession(s -> Related.prefetch(Prefetch.of("students").as("st").where("st.active = true").into("activeStudents"))
                .list(s, Course.class));
        assertThat(seen).isEmpty();
    }

    @Test
    void itReportsWhateverTheGuardsMode() {
        var before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
        String[] site = new String[1];
        try {
            inSession(s -> {
                site[0] = here(); Related.prefetch("books").list(s, Author.class);
            });
        } finally {
            before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
        }
        assertThat(seen).containsExactly(new UnusedPrefetch("Author", "books", 4, site[0]));
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        subscription.close();
        inSession(s -> books(s, Related.prefetch("tags")));
        assertThat(seen).isEmpty();
        assertThat(unusedLines()).hasSize(1);
    }

    @Test
    void offReportsNothing() {
        LazyLoadGuard.setReportUnused(false);
        inSession(s -> books(s, Related.prefetch("tags")));
        LazyLoadGuard.clearReportUnused();
        inSession(s -> books(s, Related.prefetch("tags")));
        assertThat(seen).isEmpty();
        assertThat(unusedLines()).isEmpty();
    }

    /** The system property and the Hibernate setting, on factories started after the switch is set. */
    @Nested
    class Settings {

        private final List<SessionFactory> factories = new ArrayList<>();

        @BeforeEach
        void noCode() {
            LazyLoadGuard.clearReportUnused();
        }

        @AfterEach
        void close() {
            Collections.reverse(factories);
            factories.forEach(SessionFactory::close);
        }

        private SessionFactory factory(Map<String, String> settings) {
            SessionFactory f = Shelves.factory("eagerdsl-unused", factories.isEmpty(), settings);
            factories.add(f);
            return f;
        }

        private String unreadShelves(SessionFactory f) {
            try (Session s = f.openSession()) {
                String site = here(); Related.prefetch("volumes").list(s, Shelf.class);
                return site;
            }
        }

        @Test
        void theSystemPropertyTurnsItOn() {
            System.setProperty(PROPERTY, "true");
            SessionFactory f = factory(Map.of());
            String site;
            try (Session s = f.openSession()) {
                site = here(); Related.prefetch("volumes").list(s, Shelf.class);
            }
            assertThat(seen).containsExactly(new UnusedPrefetch("Shelf", "volumes", 3, site));
            assertThat(unusedLines()).containsExactly("WARN EAGER-111 Unused prefetch: Shelf.volumes (\"volumes\") was prefetched for 3"
                    + " owners by the plan at " + site + ", and no code read it before the session closed. Fix: remove \"volumes\""
                    + " from that plan.");
        }

        @Test
        void theHibernateSettingTurnsItOnForItsOwnFactory() {
            SessionFactory on = factory(Map.of(PROPERTY, "true"));
            String site = unreadShelves(on);
            inSession(s -> books(s, Related.prefetch("tags")));
            assertThat(seen).as("the shared factory has no setting").containsExactly(new UnusedPrefetch("Shelf", "volumes", 3, site));
        }

        @Test
        void codeWinsOverTheSystemPropertyWhichWinsOverTheHibernateSetting() {
            System.setProperty(PROPERTY, "false");
            SessionFactory f = factory(Map.of(PROPERTY, "true"));
            unreadShelves(f);
            assertThat(seen).as("the property over the setting").isEmpty();
            LazyLoadGuard.setReportUnused(true);
            String site = unreadShelves(f);
            assertThat(seen).as("code over the property").containsExactly(new UnusedPrefetch("Shelf", "volumes", 3, site));
        }

        @Test
        void aBadValueIsIgnoredWithAWarning() {
            SessionFactory f = factory(Map.of(PROPERTY, "yes"));
            unreadShelves(f);
            assertThat(seen).isEmpty();
            assertThat(log.lines()).contains("WARN EAGER-107 Ignoring the Hibernate setting eagerdsl.guard.unused=yes: the value must be"
                    + " true or false.");
        }
    }
}
