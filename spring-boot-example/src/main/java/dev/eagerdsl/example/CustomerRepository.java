package dev.eagerdsl.example;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's methods, plus the {@link CustomerQueries} fragment that loads with a plan. */
// docs:begin boot-repository
public interface CustomerRepository extends JpaRepository<Customer, Long>, CustomerQueries {
}
// docs:end boot-repository
