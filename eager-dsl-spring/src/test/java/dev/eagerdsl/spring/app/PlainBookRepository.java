package dev.eagerdsl.spring.app;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Spring Data's methods without a plan, for the statements to compare with. */
public interface PlainBookRepository extends JpaRepository<Book, Long>, JpaSpecificationExecutor<Book> {
}
