package dev.eagerdsl.model.shapes.cached;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A catalog: an entity in the second-level cache, with its items collection cached too. */
@Entity(name = "CachedCatalog")
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Catalog {
    @Id
    private Long id;
    private String name;
    @OneToMany(mappedBy = "catalog")
    @OrderBy("id")
    @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
    private List<Item> items = new ArrayList<>();

    protected Catalog() {
    }

    public Catalog(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Item> getItems() {
        return items;
    }
}
