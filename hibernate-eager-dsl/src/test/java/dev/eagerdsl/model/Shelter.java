package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Shelter {
    @Id private Long id;
    private String name;

    protected Shelter() { }
    public Shelter(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
