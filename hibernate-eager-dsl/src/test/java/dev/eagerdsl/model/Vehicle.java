package dev.eagerdsl.model;

import jakarta.persistence.*;

/** JOINED inheritance root. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Vehicle {
    @Id private Long id;
    private String plate;

    protected Vehicle() { }
    protected Vehicle(Long id, String plate) { this.id = id; this.plate = plate; }
    public Long getId() { return id; }
    public String getPlate() { return plate; }
}
