package dev.eagerdsl.junit.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class League {
    @Id private Long id;
    private String name;

    protected League() { }
    public League(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
