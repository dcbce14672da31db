package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class City {
    @Id private Long id;
    private String name;

    protected City() { }
    public City(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
