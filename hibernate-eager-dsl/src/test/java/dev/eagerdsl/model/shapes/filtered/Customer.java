package dev.eagerdsl.model.shapes.filtered;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Filter;

/**
 * A customer: a collection of restricted and filtered invoices (and the same with a collection-level filter),
 * a to-one to a restricted and filtered agent.
 */
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
    /** The same rows, with the filter declared on the collection: Hibernate applies it to this collection's loads. */
    @OneToMany(mappedBy = "customer")
    @OrderBy("id")
    @Filter(name = "minTotal", condition = "total >= :min")
    private List<Invoice> largeInvoices = new ArrayList<>();

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

    public List<Invoice> getLargeInvoices() {
        return largeInvoices;
    }
}
