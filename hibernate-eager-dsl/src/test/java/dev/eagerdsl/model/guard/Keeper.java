package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A pet keeper with LAZY pets: the root that the user's own {@code join fetch} starts from. */
@Entity(name = "GuardKeeper")
@Table(name = "guard_keeper")
public class Keeper {
    @Id private Long id;
    private String name;
    @OneToMany(mappedBy = "keeper") @OrderBy("id") private List<Animal> pets = new ArrayList<>();

    protected Keeper() { }
    public Keeper(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Animal> getPets() { return pets; }
}
