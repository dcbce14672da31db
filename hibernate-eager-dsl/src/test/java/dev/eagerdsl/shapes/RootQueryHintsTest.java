package dev.eagerdsl.shapes;

import static dev.eagerdsl.model.shapes.hinted.Books.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.Related;
import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.model.shapes.hinted.Books;
import dev.eagerdsl.model.shapes.hinted.Ledger;
import java.util.List;
import java.util.function.Function;
import jakarta.persistence.LockModeType;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/** The root query's read-only hint, lock mode and timeout: what the plan's statements and entities do with them. */
class RootQueryHintsTest {

    private static final String LEDGERS = "from HintLedger l order by l.id";

    private static <R> R inSession(Function<Session, R> work) {
        return ShapeFactories.inSession(Books.factory(), SQL, work);
    }

    /** Read-only flags (roots, clerks, entries) of what was loaded; touching loads what is not loaded yet. */
    private static String readOnly(Session s, List<Ledger> ledgers) {
        return "roots " + ledgers.stream().map(s::isReadOnly).toList()
                + " clerks " + ledgers.stream().filter(l -> l.getClerk() != null).map(l -> s.isReadOnly(l.getClerk())).toList()
                + " entries " + ledgers.stream().flatMap(l -> l.getEntries().stream()).map(s::isReadOnly).distinct().toList();
    }

    private static String lockModes(Session s, List<Ledger> ledgers) {
        return "roots " + ledgers.stream().map(s::getCurrentLockMode).distinct().toList()
                + " clerks " + ledgers.stream().filter(l -> l.getClerk() != null).map(l -> s.getCurrentLockMode(l.getClerk())).distinct().toList()
                + " entries " + ledgers.stream().flatMap(l -> l.getEntries().stream()).map(s::getCurrentLockMode).distinct().toList();
    }

    private static boolean locks(String sql) {
        String l = sql.toLowerCase(java.util.Locale.ROOT);
        return l.contains(" for update") || l.contains(" for no key update") || l.contains(" for share");
    }

    @Test
    void aReadOnlyRootQueryMakesThePlanLoadReadOnlyWhatLazyLoadingWould() {
        String lazy = inSession(s -> readOnly(s, s.createQuery(LEDGERS, Ledger.class).setReadOnly(true).getResultList()));
        assertThat(lazy).as("Hibernate: the query's rows and their to-ones read-only, the elements of collections not")
                .isEqualTo("roots [true, true, true, true] clerks [true, true, true] entries [false]");
        for (dev.eagerdsl.FetchPlan plan : List.of(Related.select("clerk").prefetch("entries"), Related.prefetch("clerk", "entries"))) {
            inSession(s -> {
                List<Ledger> ledgers = plan.list(s.createQuery(LEDGERS, Ledger.class).setHint("org.hibernate.readOnly", true));
                assertThat(SQL.count()).as(plan + ": " + SQL.describe()).isEqualTo(plan.toString().contains("select") ? 2 : 3);
                SQL.clear();
                assertThat(readOnly(s, ledgers)).as(plan.toString()).isEqualTo(lazy);
                assertThat(SQL.count()).as("touching the planned associations").isZero();
                ledgers.get(0).setTitle("changed");
                ledgers.get(0).getClerk().setName("changed");
                s.flush();
                assertThat(SQL.dml()).as("read-only entities are not written").isEmpty();
                return null;
            });
        }
    }

    @Test
    void aReadOnlySessionMakesEverythingThePlanLoadsReadOnly() {
        inSession(s -> {
            s.setDefaultReadOnly(true);
            List<Ledger> ledgers = Related.prefetch("clerk", "entries").list(s.createQuery(LEDGERS, Ledger.class));
            assertThat(readOnly(s, ledgers)).isEqualTo("roots [true, true, true, true] clerks [true, true, true] entries [true]");
            ledgers.get(3).getEntries().get(0).setAmount(-1);
            s.flush();
            assertThat(SQL.dml()).isEmpty();
            return null;
        });
    }

    @Test
    void aLockModeLocksTheRootRowsAndThePrefetchStatementsLockNothingAsLazyLoading() {
        String lazy = inSession(s -> lockModes(s, s.createQuery(LEDGERS, Ledger.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()));
        assertThat(lazy).matches("roots \\[PESSIMISTIC_WRITE] clerks \\[(NONE|READ)] entries \\[READ]");
        inSession(s -> {
            List<Ledger> ledgers = Related.prefetch("clerk", "entries").list(s.createQuery(LEDGERS, Ledger.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE));
            List<String> sql = SQL.statements();
            assertThat(sql).as(SQL.describe()).hasSize(3);
            assertThat(locks(sql.get(0))).as("the root statement locks: " + sql.get(0)).isTrue();
            assertThat(sql.subList(1, 3)).as("the prefetch statements do not lock").noneMatch(RootQueryHintsTest::locks);
            SQL.clear();
            // lazy loading leaves an initialized proxy at NONE, Hibernate's batch loader its entities at READ: neither locks
            assertThat(lockModes(s, ledgers)).isEqualTo("roots [PESSIMISTIC_WRITE] clerks [READ] entries [READ]");
            assertThat(SQL.count()).isZero();
            return null;
        });
    }

    @Test
    void aSelectWithALockModeLocksTheRootRowsAndTheJoinedOnesAsAJoinFetchWould() {
        String joinFetch = inSession(s -> lockModes(s, s.createQuery("from HintLedger l left join fetch l.clerk order by l.id", Ledger.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()));
        inSession(s -> {
            List<Ledger> ledgers = Related.select("clerk").prefetch("entries").list(s.createQuery(LEDGERS, Ledger.class)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE));
            assertThat(SQL.statements().get(SQL.count() - 1)).as("the entries' statement does not lock").matches(q -> !locks(q));
            assertThat(SQL.statements()).as(SQL.describe()).anyMatch(RootQueryHintsTest::locks);
            SQL.clear();
            assertThat(lockModes(s, ledgers)).isEqualTo(joinFetch);
            assertThat(SQL.count()).isZero();
            return null;
        });
    }

    @Test
    void aStreamOfAReadOnlyQueryLoadsEachChunkReadOnlyAsLazyLoadingWould() {
        inSession(s -> {
            List<String> flags;
            try (Stream<Ledger> stream = Related.prefetch("clerk", "entries").stream(s.createQuery(LEDGERS, Ledger.class).setReadOnly(true), 3)) {
                // read while the entity's chunk is attached: the stream detaches each chunk after it
                flags = stream.map(l -> readOnly(s, List.of(l))).toList();
            }
            assertThat(SQL.count()).as("chunk 1: ledgers, clerks, entries; chunk 2: ledger 4 (no clerk), entries: " + SQL.describe()).isEqualTo(5);
            assertThat(flags).containsExactly("roots [true] clerks [true] entries [false]", "roots [true] clerks [true] entries [false]",
                    "roots [true] clerks [true] entries [false]", "roots [true] clerks [] entries [false]");
            return null;
        });
    }
}
