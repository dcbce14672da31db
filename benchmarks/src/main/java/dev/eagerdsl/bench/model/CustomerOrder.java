package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Scenarios (e) and stream: the collection of a customer. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {
    @Id
    private Long id;
    private BigDecimal total;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;

    public Long getId() {
        return id;
    }

    public BigDecimal getTotal() {
        return total;
    }
}
