package dev.eagerdsl.example;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Region {
    @Id private Long id;
    private String name;

    protected Region() { }
    public Long getId() { return id; }
    public String getName() { return name; }
}
