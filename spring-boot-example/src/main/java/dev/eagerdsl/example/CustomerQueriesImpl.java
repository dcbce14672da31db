package dev.eagerdsl.example;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/** The fragment's implementation (Spring Data finds it by the {@code Impl} suffix): plans run on the EntityManager. */
// docs:begin boot-fragment
@Transactional(readOnly = true)
class CustomerQueriesImpl implements CustomerQueries {

    /** Immutable and thread-safe: one plan for the whole application. */
    private static final FetchPlan REGION_AND_INVOICES = Related.select("region").prefetch("invoices");

    @PersistenceContext
    private EntityManager em;

    @Override
    public List<Customer> findAllWithRegionAndInvoices() {
        return REGION_AND_INVOICES.list(em.createQuery("select c from Customer c order by c.id", Customer.class));
    }

    @Override
    public Optional<Customer> findWithRegionAndInvoices(long id) {
        return REGION_AND_INVOICES.find(em, Customer.class, id);
    }
}
// docs:end boot-fragment
