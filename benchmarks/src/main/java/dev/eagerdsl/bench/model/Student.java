package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Scenario (b): the many side of course ↔ student. */
@Entity
public class Student {
    @Id
    private Long id;
    private String name;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
