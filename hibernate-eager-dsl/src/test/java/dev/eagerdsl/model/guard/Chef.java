package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A chef, the EAGER target of a dish. */
@Entity(name = "GuardChef")
@Table(name = "guard_chef")
public class Chef {
    @Id private Long id;
    private String name;

    protected Chef() { }
    public Chef(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
