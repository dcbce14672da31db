package dev.eagerdsl.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Prefetch;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.guard.*;
import dev.eagerdsl.testing.SqlRecorder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The guard reports what has the N+1 shape (a load on an owner that was one of several rows of one
 * query) and nothing else: a target shared by every row, a batched load covering the query and a
 * single find are not N+1s; EAGER associations loaded one select at a time are, worded as EAGER,
 * also inside a plan; the fix names the path through the user's own join fetch.
 */
class GuardAccuracyTest {

    private final List<LazyLoad> seen = Collections.synchronizedList(new ArrayList<>());
    private LazyLoadGuard.Subscription subscription;

    @BeforeAll
    static void install() {
        assertThat(LazyLoadGuard.install()).isTrue();
        GuardModel.batched();
    }

    @BeforeEach
    void subscribe() {
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
        subscription = LazyLoadGuard.subscribe(seen::add);
    }

    @AfterEach
    void reset() {
        subscription.close();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.WARN);
    }

    private static void inSession(SessionFactory sf, SqlRecorder sql, Consumer<Session> work) {
        try (Session s = sf.openSession()) {
            s.beginTransaction();
            try {
                sql.clear();
                work.accept(s);
            } finally {
                s.getTransaction().rollback();
            }
        }
    }

    private static void plain(Consumer<Session> work) {
        inSession(GuardModel.plain(), GuardModel.SQL, work);
    }

    private static void batched(Consumer<Session> work) {
        inSession(GuardModel.batched(), GuardModel.BATCHED_SQL, work);
    }

    private static List<Volume> volumes(Session s, int upTo) {
        return s.createQuery("from GuardVolume v where v.id <= :n order by v.id", Volume.class).setParameter("n", (long) upTo).getResultList();
    }

    private static List<String> warnings(Runnable work) {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            work.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Nested
    class NotAnNPlusOne {

        @Test
        void aToOneWhoseTargetIsTheSameForEveryRowLoadsOnceAndIsNoFinding() {
            plain(s -> {
                for (Volume v : volumes(s, 200)) {
                    assertThat(v.getShelf().getName()).isEqualTo("Fiction");
                }
                assertThat(GuardModel.SQL.count()).as("the query and the one shelf").isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void aShelfSharedByEveryRowDoesNotThrowInStrict() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            plain(s -> volumes(s, 200).forEach(v -> v.getShelf().getName()));
            assertThat(seen).isEmpty();
        }

        @Test
        void aBatchedToOneLoadThatCoversTheQueryIsOneStatementAndNoFinding() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            batched(s -> {
                List<Volume> ten = volumes(s, 10);
                ten.forEach(v -> v.getWriter().getName());
                assertThat(GuardModel.BATCHED_SQL.count()).as("the query and one IN (...) of its 10 writers").isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void aBatchedCollectionLoadThatCoversTheQueryIsOneStatementAndNoFinding() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            batched(s -> {
                s.createQuery("from GuardKeeper k order by k.id", Keeper.class).getResultList().forEach(k -> k.getPets().size());
                assertThat(GuardModel.BATCHED_SQL.count()).as("the query and one IN (...) of its 4 keepers").isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void aFindAndATouchIsNoFinding() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            plain(s -> {
                s.find(Volume.class, 7L).getWriter().getName();
                s.find(Keeper.class, 2L).getPets().size();
                assertThat(GuardModel.SQL.count()).isEqualTo(4);
            });
            assertThat(seen).isEmpty();
        }
    }

    @Nested
    class Found {

        @Test
        void aToOneWithADifferentTargetPerRowIsAnNPlusOne() {
            plain(s -> {
                volumes(s, 10).forEach(v -> v.getWriter().getName());
                assertThat(GuardModel.SQL.count()).as("1 + one select per writer").isEqualTo(11);
            });
            assertThat(seen).hasSize(10).allSatisfy(e -> {
                assertThat(e.role()).isEqualTo("Volume.writer");
                assertThat(e.fix()).isEqualTo("Related.select(\"writer\")");
                assertThat(e.siblings()).isEqualTo(10);
            });
        }

        @Test
        void aBatchedLoadThatCannotCoverTheQueryIsStillReportedOncePerStatement() {
            batched(s -> {
                volumes(s, 200).forEach(v -> v.getWriter().getName());
                assertThat(GuardModel.BATCHED_SQL.count()).as("1 + 20 writers in batches of 16").isEqualTo(3);
            });
            assertThat(seen).hasSize(2).extracting(LazyLoad::fix).containsOnly("Related.select(\"writer\")");
        }

        @Test
        void strictThrowsAtTheFirstTouchOfADistinctTargetBeforeItsSql() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            plain(s -> {
                Volume first = volumes(s, 10).get(0);
                GuardModel.SQL.clear();
                assertThatThrownBy(() -> first.getWriter().getName()).isInstanceOf(LazyLoadException.class)
                        .hasMessageStartingWith("EAGER-101 Volume.writer lazily loaded at GuardAccuracyTest")
                        .hasMessageEndingWith("(N+1: each Volume was one of 10 rows of one query). Fix: Related.select(\"writer\")");
                assertThat(GuardModel.SQL.count()).isZero();
            });
        }

        @Test
        void anEagerCollectionLoadedPerOwnerIsReportedAsEagerWithTheFix() {
            List<String> lines = warnings(() -> plain(s -> {
                s.createQuery("from GuardRecipe r order by r.id", Recipe.class).getResultList();
                assertThat(GuardModel.SQL.count()).as("1 + one select per recipe").isEqualTo(5);
            }));
            assertThat(seen).hasSize(4).allSatisfy(e -> {
                assertThat(e.role()).isEqualTo("Recipe.steps");
                assertThat(e.fix()).isEqualTo("Related.prefetch(\"steps\")");
                assertThat(e.collection()).isTrue();
            });
            assertThat(lines).singleElement().asString()
                    .startsWith("EAGER-108 Recipe.steps (mapped EAGER) loaded by one select per owner 4 times at GuardAccuracyTest")
                    .endsWith("(N+1: each Recipe was one of 4 rows of one query). Fix: Related.prefetch(\"steps\") on that query,"
                            + " or map Recipe.steps LAZY");
        }

        @Test
        void theFixForAnEagerCollectionWorks() {
            plain(s -> {
                List<Recipe> recipes = Related.prefetch("steps").list(s.createQuery("from GuardRecipe r order by r.id", Recipe.class));
                assertThat(recipes).hasSize(4).allSatisfy(r -> assertThat(r.getSteps()).hasSize(2));
                assertThat(GuardModel.SQL.count()).isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void strictThrowsAtTheFirstEagerSelectOfAnOwnerOfSeveral() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            plain(s -> assertThatThrownBy(() -> s.createQuery("from GuardRecipe r order by r.id", Recipe.class).getResultList())
                    .isInstanceOf(LazyLoadException.class)
                    .hasMessageStartingWith("EAGER-108 Recipe.steps (mapped EAGER) loaded by one select per owner at GuardAccuracyTest")
                    .hasMessageEndingWith("Fix: Related.prefetch(\"steps\") on that query, or map Recipe.steps LAZY"));
        }

        @Test
        void anEagerToOneLoadedPerDistinctTargetIsReportedAsEagerWithTheFix() {
            List<String> lines = warnings(() -> plain(s -> {
                s.createQuery("from GuardDish d order by d.id", Dish.class).getResultList();
                assertThat(GuardModel.SQL.count()).as("1 + one select per distinct chef").isEqualTo(4);
            }));
            assertThat(seen).as("the second and third selects").hasSize(2).allSatisfy(e -> {
                assertThat(e.role()).isEqualTo("Dish.chef");
                assertThat(e.fix()).isEqualTo("Related.select(\"chef\")");
                assertThat(e.collection()).isFalse();
            });
            assertThat(lines).singleElement().asString()
                    .startsWith("EAGER-109 Dish.chef (mapped EAGER) loaded by one select per distinct target 3 times at GuardAccuracyTest")
                    .endsWith("(N+1: one select per distinct target while the Dish rows of one query were read)."
                            + " Fix: Related.select(\"chef\") on that query, or map Dish.chef LAZY");
        }

        @Test
        void anEagerToOneSharedByEveryRowIsNoFinding() {
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
            plain(s -> {
                s.createQuery("from GuardDish d where d.id in (1, 4) order by d.id", Dish.class).getResultList();
                assertThat(GuardModel.SQL.count()).as("the query and chef 1").isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void theFixForAnEagerToOneWorks() {
            plain(s -> {
                List<Dish> dishes = Related.select("chef").list(s.createQuery("from GuardDish d order by d.id", Dish.class));
                assertThat(dishes).extracting(d -> d.getChef().getName()).containsExactly("Ada", "Ben", "Cy", "Ada");
                assertThat(GuardModel.SQL.count()).isEqualTo(1);
            });
            assertThat(seen).isEmpty();
        }


        @Test
        void aPlanSilencesTheEagerLoadsItPerformsItself() {
            plain(s -> {
                List<Menu> menus = Related.prefetch("dishes").list(s.createQuery("from GuardMenu m order by m.id", Menu.class));
                assertThat(menus).hasSize(2);
                assertThat(GuardModel.SQL.count()).as("menus, their dishes, the dishes' EAGER chefs in one batch").isEqualTo(3);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void eagerToOnesHibernateSelectsOneByOneInsideAPlansOwnStatementAreReportedWithTheFixForThatPlan() {
            List<String> lines = warnings(() -> plain(s -> {
                Related.prefetch(Prefetch.of("dishes").as("d").where("d.name like 'Dish%'").into("listed"))
                        .list(s.createQuery("from GuardMenu m order by m.id", Menu.class));
                assertThat(GuardModel.SQL.count()).as("menus, the filtered dishes, then one select per distinct chef").isEqualTo(5);
            }));
            assertThat(seen).hasSize(2).allSatisfy(e -> {
                assertThat(e.role()).isEqualTo("Dish.chef");
                assertThat(e.fix()).isEqualTo("Prefetch.of(\"dishes\").with(Related.select(\"chef\"))");
            });
            assertThat(lines).singleElement().asString()
                    .startsWith("EAGER-109 Dish.chef (mapped EAGER) loaded by one select per distinct target 3 times at GuardAccuracyTest")
                    .endsWith("(N+1: one select per distinct target while the Dish rows of one statement of a plan were read). Fix: Prefetch.of(\"dishes\")"
                            + ".with(Related.select(\"chef\")) in that plan, or map Dish.chef LAZY");
            seen.clear();
            plain(s -> {
                List<Menu> menus = Related.prefetch(Prefetch.of("dishes").as("d").where("d.name like 'Dish%'").into("listed")
                        .with(Related.select("chef"))).list(s.createQuery("from GuardMenu m order by m.id", Menu.class));
                assertThat(menus).allSatisfy(m -> assertThat(m.getListed()).hasSize(2));
                assertThat(GuardModel.SQL.count()).as("the fix applied: menus and the filtered dishes with their chefs").isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }

        @Test
        void theFixNamesThePathThroughTheUsersOwnJoinFetch() {
            String hql = "select distinct k from GuardKeeper k join fetch k.pets order by k.id";
            plain(s -> {
                for (Keeper k : s.createQuery(hql, Keeper.class).getResultList()) {
                    for (Animal a : k.getPets()) {
                        a.getVisits().size();
                    }
                }
                assertThat(GuardModel.SQL.count()).as("1 + one select per pet").isEqualTo(9);
            });
            assertThat(seen).hasSize(8).allSatisfy(e -> {
                assertThat(e.role()).isEqualTo("Animal.visits");
                assertThat(e.fix()).isEqualTo("Related.prefetch(\"pets.visits\")");
                assertThat(e.siblings()).isEqualTo(8);
            });
            seen.clear();
            plain(s -> {
                List<Keeper> keepers = Related.prefetch("pets.visits").list(s.createQuery(hql, Keeper.class));
                keepers.forEach(k -> k.getPets().forEach(a -> assertThat(a.getVisits()).hasSize(2)));
                assertThat(GuardModel.SQL.count()).as("the library accepts the fix: the query and one statement for the visits")
                        .isEqualTo(2);
            });
            assertThat(seen).isEmpty();
        }
    }
}
