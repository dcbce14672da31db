package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A shop category and its products: the reverse foreign key (one-to-many) of the seed. */
@Entity
public class Category {
    @Id private Long id;
    private String name;
    private String description;
    @OneToMany(mappedBy = "category") @OrderBy("id") private List<Product> products = new ArrayList<>();

    protected Category() { }

    public Category(Long id, String name, String description) {
        this.id = id;
        this.name = name;
        this.description = description;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public List<Product> getProducts() { return products; }
    @Override public String toString() { return name; }
}
