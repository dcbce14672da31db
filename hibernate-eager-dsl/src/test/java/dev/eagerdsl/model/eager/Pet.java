package dev.eagerdsl.model.eager;

import jakarta.persistence.*;
import java.util.*;

@Entity(name = "ClinicPet")
@Table(name = "clinic_pet")
public class Pet {
    @Id private Long id;
    private String name;
    @ManyToOne private Owner owner;
    @ManyToOne @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SELECT) private PetType type;
    @OneToMany(mappedBy = "pet", fetch = FetchType.EAGER) @OrderBy("id") private Set<Visit> visits = new LinkedHashSet<>();
    @ManyToMany(fetch = FetchType.EAGER) @JoinTable(name = "clinic_pet_toys") private Set<Toy> toys = new HashSet<>();

    protected Pet() { }
    public Pet(Long id, String name, Owner owner, PetType type) { this.id = id; this.name = name; this.owner = owner; this.type = type; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Owner getOwner() { return owner; }
    public PetType getType() { return type; }
    public Set<Visit> getVisits() { return visits; }
    public Set<Toy> getToys() { return toys; }
}
