package dev.eagerdsl.example;

import java.util.List;
import java.util.Optional;

/** A repository fragment: queries that load customers with what the caller is going to touch. */
// docs:begin boot-queries
public interface CustomerQueries {

    /** @return every customer, with its region and its invoices loaded: two statements, however many customers */
    List<Customer> findAllWithRegionAndInvoices();

    /**
     * @param id a customer id
     * @return that customer with its region and invoices loaded, or empty
     */
    Optional<Customer> findWithRegionAndInvoices(long id);
}
// docs:end boot-queries
