package dev.eagerdsl.model.eager;

import jakarta.persistence.*;

@Entity(name = "ClinicVisit")
@Table(name = "clinic_visit")
public class Visit {
    @Id private Long id;
    private String description;
    @ManyToOne private Pet pet;
    @ManyToOne private Vet vet;

    protected Visit() { }
    public Visit(Long id, String description, Pet pet, Vet vet) { this.id = id; this.description = description; this.pet = pet; this.vet = vet; }
    public Long getId() { return id; }
    public String getDescription() { return description; }
    public Pet getPet() { return pet; }
    public Vet getVet() { return vet; }
}
