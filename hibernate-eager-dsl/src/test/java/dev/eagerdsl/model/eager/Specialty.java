package dev.eagerdsl.model.eager;

import jakarta.persistence.*;

@Entity(name = "ClinicSpecialty")
@Table(name = "clinic_specialty")
public class Specialty {
    @Id private Long id;
    private String name;

    protected Specialty() { }
    public Specialty(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
