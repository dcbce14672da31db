package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** A product in one category. */
@Entity
public class Product {
    @Id private Long id;
    private String name;
    private String description;
    private BigDecimal price;
    private int quantity;
    @ManyToOne(fetch = FetchType.LAZY, optional = false) private Category category;

    protected Product() { }

    public Product(Long id, String name, String description, BigDecimal price, int quantity, Category category) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.price = price;
        this.quantity = quantity;
        this.category = category;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public BigDecimal getPrice() { return price; }
    public int getQuantity() { return quantity; }
    public Category getCategory() { return category; }
    @Override public String toString() { return name; }
}
