package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A library shelf: every volume of the guard's model stands on one. */
@Entity(name = "GuardShelf")
@Table(name = "guard_shelf")
public class Shelf {
    @Id private Long id;
    private String name;

    protected Shelf() { }
    public Shelf(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
