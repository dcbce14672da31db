package dev.eagerdsl.shapes;

import static dev.eagerdsl.model.shapes.mapped.Boards.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.Related;
import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.model.shapes.mapped.Board;
import dev.eagerdsl.model.shapes.mapped.Boards;
import dev.eagerdsl.model.shapes.mapped.Hall;
import dev.eagerdsl.model.shapes.mapped.Member;
import dev.eagerdsl.model.shapes.mapped.OnlineRoom;
import dev.eagerdsl.model.shapes.mapped.Venue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code @Version} owners (a plan and a commit leave every version as it was), a TABLE_PER_CLASS
 * hierarchy (a to-one into it, a collection out of it, a polymorphic root), and one owner with a
 * {@code @ManyToMany} bag, an {@code @OrderColumn} list and a Set of the same target, prefetched together.
 */
class VersionedInheritedAndOrderedTest {

    private static final String BOARDS = "from Board b order by b.id";
    private static final String VENUES = "from BoardVenue v order by v.id";

    @BeforeAll
    static void start() {
        Boards.factory();
    }

    private static <R> R inSession(Function<Session, R> work) {
        return ShapeFactories.inSession(Boards.factory(), SQL, work);
    }

    private static void run(Consumer<Session> work) {
        ShapeFactories.run(Boards.factory(), SQL, work);
    }

    private static List<Long> ids(java.util.Collection<Member> members) {
        return members.stream().map(Member::getId).toList();
    }

    /** The three collections as read: the bag and the list in their order, the set sorted. */
    private static List<String> collections(List<Board> boards) {
        List<String> out = new ArrayList<>();
        for (Board b : boards) {
            out.add(b.getId() + " members " + ids(b.getMembers()) + " speakers " + ids(b.getSpeakers()) + " observers "
                    + ids(b.getObservers()).stream().sorted().toList());
        }
        return out;
    }

    private static String venue(Venue v) {
        if (v == null) {
            return "-";
        }
        Venue real = (Venue) Hibernate.unproxy(v);
        return real.getName() + (real instanceof Hall h ? " hall of " + h.getSeats() : " online at " + ((OnlineRoom) real).getUrl());
    }

    private static void assertCollectionsLoaded(List<Board> boards) {
        for (Board b : boards) {
            assertThat(Hibernate.isInitialized(b.getMembers())).isTrue();
            assertThat(Hibernate.isInitialized(b.getSpeakers())).isTrue();
            assertThat(Hibernate.isInitialized(b.getObservers())).isTrue();
        }
    }

    @Test
    void aBagAnOrderColumnListAndASetOfOneOwnerArePrefetchedTogetherInTheirLazyOrder() {
        List<String> expected = inSession(s -> collections(s.createQuery(BOARDS, Board.class).getResultList()));
        assertThat(expected.get(0)).as("the seed: a bag with a duplicate, speakers in seat order")
                .isEqualTo("1 members [1, 2, 2] speakers [5, 1, 3] observers [3, 6]");
        run(s -> {
            List<Board> boards = Related.prefetch("members", "speakers", "observers").list(s.createQuery(BOARDS, Board.class));
            assertThat(SQL.count()).as("boards, then one statement per collection: " + SQL.describe()).isEqualTo(4);
            assertCollectionsLoaded(boards);
            SQL.clear();
            assertThat(collections(boards)).isEqualTo(expected);
            assertThat(SQL.count()).as("touching the planned associations: " + SQL.describe()).isZero();
            s.flush();
            assertThat(SQL.dml()).as("a prefetched bag, list and set are not rewritten on flush").isEmpty();
        });
    }

    @Test
    void aPlanAndACommitLeaveEveryVersionAsItWas() {
        Map<String, Long> before = versions();
        try (Session s = Boards.factory().openSession()) {
            s.beginTransaction();
            SQL.clear();
            List<Board> boards = Related.select("venue").prefetch("members", "speakers", "observers", "venue.boards")
                    .list(s.createQuery(BOARDS, Board.class));
            assertThat(collections(boards)).hasSize(5);
            s.getTransaction().commit();
            assertThat(SQL.dml()).as("nothing written by the commit: " + SQL.describe()).isEmpty();
        }
        assertThat(versions()).isEqualTo(before).containsEntry("Board 1", 0L).containsEntry("BoardVenue 2", 0L);
    }

    private static Map<String, Long> versions() {
        return inSession(s -> {
            Map<String, Long> v = new TreeMap<>();
            s.createQuery(BOARDS, Board.class).getResultList().forEach(b -> v.put("Board " + b.getId(), b.getVersion()));
            s.createQuery(VENUES, Venue.class).getResultList().forEach(x -> v.put("BoardVenue " + x.getId(), x.getVersion()));
            return v;
        });
    }

    @Test
    void selectJoinsAToOneIntoATablePerClassHierarchyInOneStatement() {
        List<String> expected = inSession(s -> s.createQuery(BOARDS, Board.class).getResultList().stream()
                .map(b -> b.getId() + " " + venue(b.getVenue())).toList());
        run(s -> {
            List<Board> boards = Related.select("venue").list(s.createQuery(BOARDS, Board.class));
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(1);
            boards.stream().filter(b -> b.getVenue() != null).forEach(b -> assertThat(Hibernate.isInitialized(b.getVenue())).isTrue());
            SQL.clear();
            assertThat(boards.stream().map(b -> b.getId() + " " + venue(b.getVenue())).toList()).isEqualTo(expected);
            assertThat(SQL.count()).isZero();
        });
        run(s -> {
            List<Board> boards = Related.prefetch("venue").list(s.createQuery(BOARDS, Board.class));
            assertThat(SQL.count()).as("boards, then the venues in one statement: " + SQL.describe()).isEqualTo(2);
            SQL.clear();
            assertThat(boards.stream().map(b -> b.getId() + " " + venue(b.getVenue())).toList()).isEqualTo(expected);
            assertThat(SQL.count()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }

    @Test
    void aPolymorphicTablePerClassRootPrefetchesItsCollectionAndOnward() {
        Function<List<Venue>, List<String>> state = venues -> venues.stream().map(v -> venue(v) + " boards "
                + v.getBoards().stream().map(b -> b.getId() + ":" + ids(b.getSpeakers())).toList()).toList();
        List<String> expected = inSession(s -> state.apply(s.createQuery(VENUES, Venue.class).getResultList()));
        assertThat(expected).hasSize(3);
        run(s -> {
            List<Venue> venues = Related.prefetch("boards.speakers").list(s.createQuery(VENUES, Venue.class));
            assertThat(SQL.count()).as("venues (a union), boards, speakers: " + SQL.describe()).isEqualTo(3);
            venues.forEach(v -> assertThat(Hibernate.isInitialized(v.getBoards())).isTrue());
            SQL.clear();
            assertThat(state.apply(venues)).isEqualTo(expected);
            assertThat(SQL.count()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
        });
    }

    @Test
    void aStreamOfVersionedOwnersPrefetchesTheThreeCollectionsPerChunk() {
        List<String> expected = inSession(s -> collections(s.createQuery(BOARDS, Board.class).getResultList()));
        Map<String, Long> before = versions();
        try (Session s = Boards.factory().openSession()) {
            s.beginTransaction();
            SQL.clear();
            List<Board> boards;
            try (Stream<Board> stream = Related.select("venue").prefetch("members", "speakers", "observers")
                    .stream(s.createQuery(BOARDS, Board.class), 2)) {
                boards = stream.toList();
            }
            assertThat(SQL.count()).as("3 chunks of root (venue joined) and three collections: " + SQL.describe()).isEqualTo(12);
            assertCollectionsLoaded(boards);
            SQL.clear();
            assertThat(collections(boards)).isEqualTo(expected);
            assertThat(SQL.count()).isZero();
            s.getTransaction().commit();
            assertThat(SQL.dml()).isEmpty();
        }
        assertThat(versions()).isEqualTo(before);
    }
}
