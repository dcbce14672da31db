package dev.eagerdsl.model.eager;

import jakarta.persistence.*;
import java.util.*;

/** A pet clinic's owner, mapped EAGER throughout as many real applications do. */
@Entity(name = "ClinicOwner")
@Table(name = "clinic_owner")
public class Owner {
    @Id private Long id;
    private String name;
    @ManyToOne private City city;
    @OneToMany(mappedBy = "owner", fetch = FetchType.EAGER) @OrderBy("id") private List<Pet> pets = new ArrayList<>();

    protected Owner() { }
    public Owner(Long id, String name, City city) { this.id = id; this.name = name; this.city = city; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public City getCity() { return city; }
    public List<Pet> getPets() { return pets; }
}
