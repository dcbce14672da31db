package dev.eagerdsl.model;

import jakarta.persistence.*;

/** SINGLE_TABLE inheritance root. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
public abstract class Animal {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Shelter shelter;

    protected Animal() { }
    protected Animal(Long id, String name, Shelter shelter) { this.id = id; this.name = name; this.shelter = shelter; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Shelter getShelter() { return shelter; }
}
