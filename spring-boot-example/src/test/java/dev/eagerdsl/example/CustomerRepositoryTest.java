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
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.support.TransactionTemplate;

/** Annotated repository methods in a running Spring Boot application, statements counted by eager-dsl-junit. */
// docs:begin boot-test-config
@SpringBootTest(properties = {
        "eagerdsl.guard=strict",
        "spring.jpa.properties.hibernate.session_factory.statement_inspector=dev.eagerdsl.junit.StatementCounter"})
// docs:end boot-test-config
class CustomerRepositoryTest {

    @Autowired
    CustomerRepository customers;

    @Autowired
    TransactionTemplate tx;

    @Test
    void annotatedMethodLoadsCustomersWithRegionsAndInvoicesInTwoStatements() {
        // docs:begin boot-test
        List<Customer> all = assertStatements(2, () -> customers.findAllByOrderById());

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
    void annotatedMethodFindsOneCustomerWithThePlan() {
        Customer eva = assertStatements(2, () -> customers.findWithRegionAndInvoicesById(3L).orElseThrow());

        assertStatements(0, () -> assertThat(eva.getInvoices()).extracting(Invoice::getCents).containsExactly(4200, 300, 999));
        assertStatements(1, () -> assertThat(customers.findWithRegionAndInvoicesById(99L)).isEmpty());
    }

    @Test
    void annotatedPageIsPagedInSqlWithSpringDatasCountQuery() {
        // the page, the invoices of its two customers, the count
        Page<Customer> page = assertStatements(3, () -> customers.findByNameNot("Ivo", PageRequest.of(0, 2, Sort.by("id"))));

        assertThat(page.getTotalElements()).isEqualTo(3);
        assertStatements(0, () -> assertThat(page.getContent()).extracting(c -> c.getName() + " " + c.getRegion().getName()
                + " " + c.getInvoices().size()).containsExactly("Ana North 2", "Rui South 1"));
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
    void guardIsStrictFromTheBootPropertyAndFailsTheNPlusOne() {
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
