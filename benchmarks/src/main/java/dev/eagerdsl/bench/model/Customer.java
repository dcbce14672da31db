package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.Set;

/** Scenarios (e) and stream: many owners with a few orders each. */
@Entity
public class Customer {
    @Id
    private Long id;
    private String name;
    @OneToMany(mappedBy = "customer")
    private Set<CustomerOrder> orders = new HashSet<>();

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<CustomerOrder> getOrders() {
        return orders;
    }
}
