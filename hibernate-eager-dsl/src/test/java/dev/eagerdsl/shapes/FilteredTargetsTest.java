package dev.eagerdsl.shapes;

import static dev.eagerdsl.model.shapes.filtered.Sales.SQL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.model.shapes.ShapeFactories;
import dev.eagerdsl.model.shapes.filtered.Agent;
import dev.eagerdsl.model.shapes.filtered.Customer;
import dev.eagerdsl.model.shapes.filtered.Invoice;
import dev.eagerdsl.model.shapes.filtered.Sales;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Entity-level {@code @SQLRestriction} and an enabled {@code @Filter} on the target of a collection and of a to-one. */
class FilteredTargetsTest {

    private static final String CUSTOMERS = "from SalesCustomer c order by c.id";

    @BeforeAll
    static void start() {
        Sales.factory();
    }

    private static <R> R inSession(Function<Session, R> work) {
        return ShapeFactories.inSession(Sales.factory(), SQL, work);
    }

    private static String agent(Customer c) {
        try {
            Agent a = c.getAgent();
            return a == null ? "-" : a.getName();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static List<String> state(List<Customer> customers) {
        List<String> out = new ArrayList<>();
        for (Customer c : customers) {
            out.add(c.getId() + " agent " + agent(c) + " invoices " + c.getInvoices().stream().map(Invoice::getId).toList());
        }
        return out;
    }

    private static Consumer<Session> filter(String name) {
        return s -> {
            if ("minTotal".equals(name)) {
                s.enableFilter("minTotal").setParameter("min", 100);
            } else if ("agentRegion".equals(name)) {
                s.enableFilter("agentRegion").setParameter("region", "EU");
            }
        };
    }

    private static List<String> lazily(String filter) {
        return lazily(filter, FilteredTargetsTest::state);
    }

    private static List<String> lazily(String filter, Function<List<Customer>, List<String>> view) {
        return inSession(s -> {
            filter(filter).accept(s);
            return view.apply(s.createQuery(CUSTOMERS, Customer.class).getResultList());
        });
    }

    private static List<String> agents(List<Customer> customers) {
        return customers.stream().map(c -> c.getId() + " agent " + agent(c)).toList();
    }

    private static List<String> invoices(List<Customer> customers) {
        return customers.stream().map(c -> c.getId() + " invoices " + c.getInvoices().stream().map(Invoice::getId).toList()).toList();
    }

    /** Runs the plan with the filter enabled; asserts the count, loaded state, equality with lazy loading, no SQL and no DML after. */
    private static void assertPlan(FetchPlan plan, String filter, int statements, Function<List<Customer>, List<String>> view) {
        List<String> expected = lazily(filter, view);
        inSession(s -> {
            filter(filter).accept(s);
            List<Customer> customers = plan.list(s.createQuery(CUSTOMERS, Customer.class));
            assertThat(SQL.count()).as(plan + " with filter " + filter + ": " + SQL.describe()).isEqualTo(statements);
            SQL.clear();
            List<String> got = view.apply(customers);
            assertThat(got).as(plan + " with filter " + filter).isEqualTo(expected);
            // the only statement touching may run is lazy loading's own (failing) load of the retired agent 3
            assertThat(SQL.statements()).as("touching the planned associations").allSatisfy(q -> assertThat(q).contains("SalesAgent"))
                    .hasSizeLessThanOrEqualTo(1);
            s.flush();
            assertThat(SQL.dml()).isEmpty();
            return null;
        });
    }

    @Test
    void theRestrictionHoldsAsInLazyLoading() {
        assertThat(lazily(null)).containsExactly("1 agent Ana invoices [1]", "2 agent Bob invoices [3, 5]",
                "3 agent ObjectNotFoundException invoices [6, 8, 9]", "4 agent - invoices []", "5 agent Ana invoices [10, 12, 13, 14, 15]");
    }

    @Test
    void prefetchingACollectionOfRestrictedAndFilteredElementsReadsTheRowsLazyLoadingReads() {
        for (String filter : new String[] {null, "minTotal"}) {
            assertPlan(Related.prefetch("invoices"), filter, 2, FilteredTargetsTest::invoices);
            inSession(s -> {
                filter(filter).accept(s);
                Related.prefetch("invoices").list(s.createQuery(CUSTOMERS, Customer.class))
                        .forEach(c -> assertThat(Hibernate.isInitialized(c.getInvoices())).isTrue());
                return null;
            });
        }
    }

    @Test
    void aFilterDeclaredOnTheCollectionHoldsForAPrefetchAsForLazyLoading() {
        Function<List<Customer>, List<String>> large = customers -> customers.stream()
                .map(c -> c.getId() + " large " + c.getLargeInvoices().stream().map(Invoice::getTotal).toList()).toList();
        assertThat(lazily("minTotal", large)).as("the collection's filter holds lazily")
                .containsExactly("1 large []", "2 large [150]", "3 large [150, 200]", "4 large []", "5 large [150, 200, 250, 300]");
        assertPlan(Related.prefetch("largeInvoices"), "minTotal", 2, large);
        assertPlan(Related.prefetch("largeInvoices"), null, 2, large);
    }

    @Test
    void selectingAToOneWhoseTargetIsRestrictedLoadsItAsLazyLoadingDoesNotByAJoin() {
        // a join would read the retired agent 3 as null; lazy loading (and Hibernate's batch loader) throws ObjectNotFoundException
        for (String filter : new String[] {null, "agentRegion"}) {
            assertPlan(Related.select("agent"), filter, 2, FilteredTargetsTest::agents);
        }
        assertThat(Related.select("agent").explain(Customer.class)).as("explain shows the agents' own statement")
                .contains("agent").doesNotContain("join fetch");
    }

    @Test
    void prefetchingAToOneWhoseTargetIsRestrictedOrFilteredReadsWhatLazyLoadingReads() {
        for (String filter : new String[] {null, "agentRegion"}) {
            assertPlan(Related.prefetch("agent"), filter, 2, FilteredTargetsTest::agents);
        }
    }

    @Test
    void aStreamWithFiltersEnabledReadsWhatLazyLoadingReads() {
        for (String filter : new String[] {"minTotal", "agentRegion"}) {
            List<String> expected = lazily(filter);
            inSession(s -> {
                filter(filter).accept(s);
                List<Customer> customers;
                try (Stream<Customer> stream = Related.select("agent").prefetch("invoices").stream(s.createQuery(CUSTOMERS, Customer.class), 2)) {
                    customers = stream.toList();
                }
                assertThat(SQL.count()).as("3 chunks of customers, agents, invoices: " + SQL.describe()).isEqualTo(9);
                assertThat(state(customers)).isEqualTo(expected);
                return null;
            });
        }
    }
}
