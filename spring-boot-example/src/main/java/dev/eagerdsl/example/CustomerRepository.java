package dev.eagerdsl.example;

import dev.eagerdsl.spring.PrefetchRelated;
import dev.eagerdsl.spring.SelectRelated;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's methods, and query methods that load with a plan (eager-dsl-spring). */
// docs:begin boot-repository
public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** Every customer with its region (joined) and its invoices (one more statement): two statements in all. */
    @SelectRelated("region")
    @PrefetchRelated("invoices")
    List<Customer> findAllByOrderById();

    /** One customer with its region and invoices, or empty. */
    @SelectRelated("region")
    @PrefetchRelated("invoices")
    Optional<Customer> findWithRegionAndInvoicesById(Long id);

    /** A page of customers: paged in SQL, the invoices of that page only, Spring Data's count query. */
    @SelectRelated("region")
    @PrefetchRelated("invoices")
    Page<Customer> findByNameNot(String name, Pageable page);
}
// docs:end boot-repository
