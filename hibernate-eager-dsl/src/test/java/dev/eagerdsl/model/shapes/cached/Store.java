package dev.eagerdsl.model.shapes.cached;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A store (not cached) that sells from a cached catalog. */
@Entity(name = "CachedStore")
public class Store {
    @Id
    private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    private Catalog catalog;

    protected Store() {
    }

    public Store(Long id, String name, Catalog catalog) {
        this.id = id;
        this.name = name;
        this.catalog = catalog;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Catalog getCatalog() {
        return catalog;
    }
}
