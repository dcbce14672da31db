package dev.eagerdsl.example;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Invoice {
    @Id private Long id;
    private int cents;
    @ManyToOne(fetch = FetchType.LAZY) private Customer customer;

    protected Invoice() { }
    public Long getId() { return id; }
    public int getCents() { return cents; }
    public Customer getCustomer() { return customer; }
}
