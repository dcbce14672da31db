package dev.eagerdsl.model.shapes.filtered;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A customer: a collection of restricted and filtered invoices, a to-one to a restricted and filtered agent. */
@Entity(name = "SalesCustomer")
public class Customer {
    @Id
    private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    private Agent agent;
    @OneToMany(mappedBy = "customer")
    @OrderBy("id")
    private List<Invoice> invoices = new ArrayList<>();

    protected Customer() {
    }

    public Customer(Long id, String name, Agent agent) {
        this.id = id;
        this.name = name;
        this.agent = agent;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Agent getAgent() {
        return agent;
    }

    public List<Invoice> getInvoices() {
        return invoices;
    }
}
