package dev.eagerdsl.model.bulk;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class BulkOwner {
    @Id private Long id;
    @OneToMany(mappedBy = "owner") private Set<BulkItem> items = new HashSet<>();

    protected BulkOwner() { }
    public Long getId() { return id; }
    public Set<BulkItem> getItems() { return items; }
}
