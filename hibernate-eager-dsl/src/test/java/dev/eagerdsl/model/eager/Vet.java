package dev.eagerdsl.model.eager;

import jakarta.persistence.*;
import java.util.*;

@Entity(name = "ClinicVet")
@Table(name = "clinic_vet")
public class Vet {
    @Id private Long id;
    private String name;
    @ManyToMany(fetch = FetchType.EAGER) @JoinTable(name = "clinic_vet_specialties") private Set<Specialty> specialties = new HashSet<>();
    @ManyToOne private Vet mentor;

    protected Vet() { }
    public Vet(Long id, String name, Vet mentor) { this.id = id; this.name = name; this.mentor = mentor; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Specialty> getSpecialties() { return specialties; }
    public Vet getMentor() { return mentor; }
}
