package dev.eagerdsl.example;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Customer {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Region region;
    @OneToMany(mappedBy = "customer") @OrderBy("id") private List<Invoice> invoices = new ArrayList<>();

    protected Customer() { }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Region getRegion() { return region; }
    public List<Invoice> getInvoices() { return invoices; }
}
