package dev.eagerdsl.model.eager;

import jakarta.persistence.*;

@Entity(name = "ClinicPetType")
@Table(name = "clinic_pet_type")
public class PetType {
    @Id private Long id;
    private String name;

    protected PetType() { }
    public PetType(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
