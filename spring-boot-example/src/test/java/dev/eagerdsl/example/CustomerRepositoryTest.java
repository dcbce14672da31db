package dev.eagerdsl.example;

import static dev.eagerdsl.junit.EagerAssertions.assertStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The repository fragment in a running Spring Boot application, statements counted by eager-dsl-junit. */
// docs:begin boot-test-config
@SpringBootTest(properties = {
        "spring.jpa.properties.eagerdsl.guard=strict",
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.eagerdsl.junit.StatementCounter"})
// docs:end boot-test-config
class CustomerRepositoryTest {

    @Autowired
    CustomerRepository customers;

    @Autowired
    TransactionTemplate tx;

    @Test
    void fragmentLoadsCustomersWithRegionsAndInvoicesInTwoStatements() {
        // docs:begin boot-test
        List<Customer> all = assertStatements(2, () -> customers.findAllWithRegionAndInvoices());

        // the transaction has ended: what the plan loaded is there, no statement and no LazyInitializationException
        assertStatements(0, () -> {
            assertThat(all).extracting(Customer::getName).containsExactly("Ana", "Rui", "Eva", "Ivo");
            assertThat(all).extracting(c -> c.getRegion() == null ? null : c.getRegion().getName())
                    .containsExactly("North", "South", "North", null);
            assertThat(all).extracting(c -> c.getInvoices().size()).containsExactly(2, 1, 3, 0);
        });
        // docs:end boot-test
    }

    @Test
    void fragmentFindsOneCustomerWithThePlan() {
        Customer eva = assertStatements(2, () -> customers.findWithRegionAndInvoices(3L).orElseThrow());

        assertStatements(0, () -> assertThat(eva.getInvoices()).extracting(Invoice::getCents).containsExactly(4200, 300, 999));
        assertStatements(1, () -> assertThat(customers.findWithRegionAndInvoices(99L)).isEmpty());
    }

    @Test
    void springDataFindAllThenTouchingInvoicesIsAnNPlusOne() {
        LazyLoadGuard.Mode mode = LazyLoadGuard.mode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);   // count the N+1 rather than fail on it
        try {
            int statements = tx.execute(status -> {
                List<Customer> all = customers.findAll();
                assertStatements(4, () -> all.forEach(c -> c.getInvoices().size()));   // one per customer
                return all.size();
            });
            assertThat(statements).isEqualTo(4);
        } finally {
            LazyLoadGuard.setMode(mode);
        }
    }

    @Test
    void guardIsStrictFromTheSpringPropertyAndFailsTheNPlusOne() {
        assumeTrue(LazyLoadGuard.isInstalled(), "the lazy-load guard cannot instrument Hibernate in this JVM");

        assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.STRICT);
        tx.executeWithoutResult(status -> {
            List<Customer> all = customers.findAll();
            assertThatThrownBy(() -> all.forEach(c -> c.getInvoices().size()))
                    .isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("Customer.invoices")
                    .hasMessageContaining("Related.prefetch(\"invoices\")");
        });
    }
}
