package dev.eagerdsl.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.guard.Animal;
import dev.eagerdsl.model.guard.Checkup;
import dev.eagerdsl.model.guard.GuardModel;
import dev.eagerdsl.model.guard.Keeper;
import dev.eagerdsl.model.guard.Volume;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the guard keeps while entities load: one small {@link Member} in each entity's own
 * EntityEntry and one {@link Group} per result set, nothing per entity in the session's state, no
 * lookup of its own; the session's state is emptied by clear, and a long stream leaves nothing behind.
 */
class GuardCostShapeTest {

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
        GuardModel.plain();
    }

    @AfterEach
    void reset() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static void inSession(Consumer<Session> work) {
        try (Session s = GuardModel.plain().openSession()) {
            s.beginTransaction();
            try {
                work.accept(s);
            } finally {
                s.getTransaction().rollback();
            }
        }
    }

    private static List<Volume> volumes(Session s) {
        return s.createQuery("from GuardVolume v order by v.id", Volume.class).getResultList();
    }

    private static SessionState state(Session s) {
        return SessionStates.ifPresent((SharedSessionContractImplementor) s);
    }

    /** The distinct groups that mark the session's managed entities, and how many entities carry one. */
    private static Map<Group, Integer> groups(Session s) {
        Map<Group, Integer> out = new HashMap<>(); // Group has identity equality
        for (Map.Entry<Object, EntityEntry> e : ((SharedSessionContractImplementor) s).getPersistenceContextInternal()
                .reentrantSafeEntityEntries()) {
            Member m = Member.of(e.getValue());
            if (m != null) {
                out.merge(m.group, 1, Integer::sum);
            }
        }
        return out;
    }

    @Test
    void aResultSetOf200RowsCostsOneGroupAndOneMarkPerEntityAndNothingInTheSessionState() {
        inSession(s -> {
            volumes(s);
            assertThat(groups(s)).hasSize(1).containsValue(200);
            assertThat(groups(s).keySet().iterator().next().count(Volume.class.getName())).isEqualTo(200);
            assertThat(state(s)).as("a session that only reads has no guard state of its own").isNull();
        });
    }

    @Test
    void aPlanIsNotHandedTheEntitiesItReachesEachResultSetPlacesItsOwnOnTheWholePath() {
        inSession(s -> {
            List<Keeper> keepers = Related.prefetch("pets.visits").list(s.createQuery("from GuardKeeper k order by k.id", Keeper.class));
            assertThat(PlanScope.INSTANCE.wantsEntities()).as("the engine gathers nothing for the guard").isFalse();
            var pc = ((SharedSessionContractImplementor) s).getPersistenceContextInternal();
            List<Animal> pets = keepers.stream().flatMap(k -> k.getPets().stream()).toList();
            List<Checkup> visits = pets.stream().flatMap(a -> a.getVisits().stream()).toList();
            assertThat(pets).isNotEmpty();
            assertThat(visits).isNotEmpty();
            assertThat(keepers).allSatisfy(k -> assertThat(Member.of(pc.getEntry(k)).path).isEqualTo(PathInfo.ROOT));
            assertThat(pets).allSatisfy(a -> assertThat(Member.of(pc.getEntry(a)).path).isEqualTo(new PathInfo("pets", true)));
            assertThat(visits).allSatisfy(c -> assertThat(Member.of(pc.getEntry(c)).path).isEqualTo(new PathInfo("pets.visits", true)));
            assertThat(groups(s)).as("one group per statement: the keepers, their pets, the pets' visits").hasSize(3)
                    .containsValues(keepers.size(), pets.size(), visits.size());
        });
    }

    @Test
    void offMarksNothing() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
        inSession(s -> {
            volumes(s);
            assertThat(groups(s)).isEmpty();
            assertThat(state(s)).isNull();
        });
    }

    @Test
    void theOwnersOfProxiesAreWorkedOutOnlyWhenAProxyLoadsAndClearForgetsThem() {
        inSession(s -> {
            List<Volume> volumes = volumes(s);
            assertThat(state(s)).as("nothing before a proxy loads").isNull();
            volumes.get(0).getWriter().getName();
            SessionState state = state(s);
            assertThat(state.proxyOwners).as("the shared proxy of shelf 1 and the 20 writers").hasSize(21);
            s.clear();
            assertThat(state.proxyOwners).isEmpty();
            assertThat(state.pending).isEmpty();
            assertThat(groups(s)).isEmpty();
        });
    }

    @Test
    void entitiesWithoutToOnesThatLazyLoadsBringInAreNotKeptAndNoLaterMissScansTheSessionAgain() {
        inSession(s -> {
            List<Volume> volumes = volumes(s);
            volumes.forEach(v -> v.getWriter().getName()); // 20 writers loaded lazily; a writer holds no to-one
            SessionState state = state(s);
            assertThat(state.pending).as("nothing for the proxy owners to look at").isEmpty();
            assertThat(state.fullScans).isEqualTo(1);
            // a proxy no tracked entity holds: a miss, which looks at the whole session only if entities came unseen
            s.getReference(dev.eagerdsl.model.guard.Shelf.class, 2L).getName();
            assertThat(state.fullScans).as("the writers count as seen").isEqualTo(1);
        });
    }

    @Test
    void evictDropsTheMarkWithTheEntity() {
        inSession(s -> {
            List<Volume> volumes = volumes(s);
            volumes.subList(0, 150).forEach(s::evict);
            assertThat(groups(s)).hasSize(1).containsValue(50);
        });
    }

    @Test
    void aLongStreamInWarnStaysFlat() {
        inSession(s -> {
            int[] most = new int[2];
            long rows;
            try (Stream<Volume> stream = Related.select("shelf").stream(s.createQuery("from GuardVolume v order by v.id", Volume.class), 10)) {
                rows = stream.peek(v -> {
                    v.getWriter().getName();
                    SessionState state = state(s);
                    most[0] = Math.max(most[0], state.proxyOwners.size() + state.pending.size());
                    most[1] = Math.max(most[1], groups(s).values().stream().mapToInt(Integer::intValue).sum());
                }).count();
            }
            assertThat(rows).isEqualTo(200);
            assertThat(most[1]).as("marks: one chunk of volumes and the 20 writers at most").isLessThanOrEqualTo(10 + 1 + 20);
            assertThat(most[0]).as("proxy owners and pending entities, whatever the length of the stream").isLessThanOrEqualTo(64 + 31);
        });
    }
}
