package dev.eagerdsl.model.eager;

import jakarta.persistence.*;

@Entity(name = "ClinicToy")
@Table(name = "clinic_toy")
public class Toy {
    @Id private Long id;
    private String name;

    protected Toy() { }
    public Toy(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
