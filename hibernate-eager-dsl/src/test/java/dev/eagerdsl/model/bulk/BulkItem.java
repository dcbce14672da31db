package dev.eagerdsl.model.bulk;

import jakarta.persistence.*;

@Entity
public class BulkItem {
    @Id private Long id;
    @ManyToOne(fetch = FetchType.LAZY) private BulkOwner owner;

    protected BulkItem() { }
    public Long getId() { return id; }
    public BulkOwner getOwner() { return owner; }
}
