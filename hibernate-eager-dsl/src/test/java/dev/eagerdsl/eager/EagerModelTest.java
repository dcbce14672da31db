package dev.eagerdsl.eager;

import static dev.eagerdsl.model.eager.Clinic.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.testing.Databases;
import dev.eagerdsl.model.eager.*;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * A model mapped EAGER throughout, as the public applications we tried map theirs (a pet clinic:
 * owners with EAGER pets, pets with EAGER visits, toys and a Fetch-SELECT type, visits with their vet,
 * vets with EAGER specialties and a mentor): a plan never runs more statements than the plain query,
 * and runs one statement per level, the EAGER associations included.
 */
class EagerModelTest {

    private static <R> R inSession(Function<Session, R> work) {
        try (Session s = Clinic.factory().openSession()) {
            s.beginTransaction();
            try {
                SQL.clear();
                return work.apply(s);
            } finally {
                s.getTransaction().rollback();
            }
        }
    }

    /** Everything an owner's graph holds, as ids, read without SQL once loaded. */
    private static Map<Long, List<Object>> state(List<Owner> owners) {
        Map<Long, List<Object>> out = new TreeMap<>();
        for (Owner o : owners) {
            List<Object> v = new ArrayList<>();
            v.add(o.getCity().getName());
            for (Pet p : o.getPets()) {
                v.add(p.getId());
                v.add(p.getType().getName());
                v.add(ids(p.getToys(), Toy::getId));
                for (Visit vi : p.getVisits()) {
                    v.add(vi.getId());
                    v.add(vi.getVet().getName());
                    v.add(ids(vi.getVet().getSpecialties(), Specialty::getId));
                    v.add(vi.getVet().getMentor() == null ? null : vi.getVet().getMentor().getName());
                }
            }
            out.put(o.getId(), v);
        }
        return out;
    }

    private static <T> List<Object> ids(Collection<T> c, Function<T, Object> id) {
        return c.stream().map(id).sorted().toList();
    }

    private static final String HQL = "from ClinicOwner o order by o.id";

    /**
     * The plan's statements on the clinic (10 owners, 20 pets): the root query, the owners' pets, their
     * cities, the pets' toys and visits, the pets' types, the visits' vets and the vets' specialties,
     * a level taking one statement per chunk of owners (16 on H2, 1,000 elsewhere).
     */
    private static final int PLAN_STATEMENTS = 1 + Databases.chunks(10) + 1 + 2 * Databases.chunks(20) + 3;

    @Test
    void thePlainQueryLoadsEveryEagerAssociationOneSelectAtATime() {
        int plain = inSession(s -> {
            s.createQuery(HQL, Owner.class).getResultList();
            return SQL.count();
        });
        assertThat(plain).as("1 + one select per owner, pet, visit... (what the plan replaces)").isGreaterThan(40);
    }

    @Test
    void aPlanRunsOneStatementPerLevelTheEagerOnesIncluded() {
        Map<Long, List<Object>> expected = inSession(s -> state(s.createQuery(HQL, Owner.class).getResultList()));
        inSession(s -> {
            List<Owner> owners = Related.prefetch("pets").list(s.createQuery(HQL, Owner.class));
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(PLAN_STATEMENTS);
            SQL.clear();
            assertThat(state(owners)).isEqualTo(expected);
            assertThat(SQL.count()).as("no SQL once the plan ran: " + SQL.describe()).isZero();
            s.flush();
            assertThat(SQL.dml()).isEmpty();
            return null;
        });
    }

    @Test
    void withoutAnyPathAPlanStillLoadsTheEagerAssociationsInBatches() {
        Map<Long, List<Object>> expected = inSession(s -> state(s.createQuery(HQL, Owner.class).getResultList()));
        inSession(s -> {
            List<Owner> owners = Related.prefetch(new String[0]).list(s, Owner.class);
            assertThat(SQL.count()).as(SQL.describe()).isEqualTo(PLAN_STATEMENTS);
            SQL.clear();
            assertThat(state(owners)).isEqualTo(expected);
            assertThat(SQL.count()).isZero();
            return null;
        });
    }

    @Test
    void everyEntryPointRunsTheSameStatements() {
        FetchPlan plan = Related.prefetch("pets.visits");
        int[] counts = new int[4];
        inSession(s -> {
            plan.list(s.createQuery(HQL, Owner.class));
            counts[0] = SQL.count();
            return null;
        });
        inSession(s -> {
            plan.list(s.createSelectionQuery(HQL, Owner.class));
            counts[1] = SQL.count();
            return null;
        });
        inSession(s -> {
            plan.list(s, Owner.class);
            counts[2] = SQL.count();
            return null;
        });
        inSession(s -> {
            var cb = s.getCriteriaBuilder();
            var c = cb.createQuery(Owner.class);
            c.orderBy(cb.asc(c.from(Owner.class).get("id")));
            plan.list(s.createQuery(c));
            counts[3] = SQL.count();
            return null;
        });
        assertThat(counts).containsOnly(PLAN_STATEMENTS);
    }

    @Test
    void findLoadsOneOwnerAndItsEagerGraphLevelByLevel() {
        inSession(s -> {
            Owner o = Related.prefetch("pets").find(s, Owner.class, 1L).orElseThrow();
            int count = SQL.count();
            SQL.clear();
            assertThat(o.getPets()).hasSize(2);
            o.getPets().forEach(p -> assertThat(Hibernate.isInitialized(p.getVisits())).isTrue());
            assertThat(SQL.count()).isZero();
            assertThat(count).as("never more than Hibernate's own find: " + count).isLessThanOrEqualTo(8);
            return null;
        });
    }
}
