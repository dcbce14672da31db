package dev.eagerdsl.model.shapes.cached;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** An item of a catalog, cached. */
@Entity(name = "CachedItem")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Item {
    @Id
    private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    private Catalog catalog;

    protected Item() {
    }

    public Item(Long id, String name, Catalog catalog) {
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
}
