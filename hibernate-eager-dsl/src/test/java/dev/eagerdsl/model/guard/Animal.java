package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A keeper's pet with LAZY visits. */
@Entity(name = "GuardAnimal")
@Table(name = "guard_animal")
public class Animal {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Keeper keeper;
    @OneToMany(mappedBy = "animal") @OrderBy("id") private List<Checkup> visits = new ArrayList<>();

    protected Animal() { }
    public Animal(Long id, String name, Keeper keeper) { this.id = id; this.name = name; this.keeper = keeper; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Keeper getKeeper() { return keeper; }
    public List<Checkup> getVisits() { return visits; }
}
