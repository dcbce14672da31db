package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Product {
    @Id private Long id;
    private String sku;
    private String name;
    private int price;
    private boolean discontinued;
    @ManyToOne(fetch = FetchType.LAZY) private Category category;

    protected Product() { }
    public Product(Long id, String sku, String name, int price, boolean discontinued, Category category) {
        this.id = id; this.sku = sku; this.name = name; this.price = price; this.discontinued = discontinued; this.category = category;
    }
    public Long getId() { return id; }
    public String getSku() { return sku; }
    public String getName() { return name; }
    public int getPrice() { return price; }
    public boolean isDiscontinued() { return discontinued; }
    public Category getCategory() { return category; }
}
