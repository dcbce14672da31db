package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Driver {
    @Id private Long id;
    private String name;

    protected Driver() { }
    public Driver(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
