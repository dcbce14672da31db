package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;
import org.hibernate.annotations.SQLRestriction;

@Entity
@FilterDef(name = "cheap", parameters = @ParamDef(name = "max", type = Integer.class))
public class Category {
    @Id private Long id;
    private String name;
    @OneToMany(mappedBy = "category") @SQLRestriction("discontinued = false") @OrderBy("id")
    private List<Product> products = new ArrayList<>();
    @OneToMany(mappedBy = "category") @MapKey(name = "sku") @Filter(name = "cheap", condition = "price <= :max")
    private Map<String, Product> productsBySku = new HashMap<>();

    protected Category() { }
    public Category(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Product> getProducts() { return products; }
    public Map<String, Product> getProductsBySku() { return productsBySku; }
}
