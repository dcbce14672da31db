package dev.eagerdsl.spring.app;

import java.math.BigDecimal;
import org.springframework.data.jpa.domain.Specification;

public final class BookSpecs {

    private BookSpecs() {
    }

    public static Specification<Book> cheaperThan(BigDecimal max) {
        return (root, query, cb) -> cb.lessThan(root.get("price"), max);
    }
}
