package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A recipe whose steps are an EAGER collection: Hibernate loads them with one select per recipe after a query. */
@Entity(name = "GuardRecipe")
@Table(name = "guard_recipe")
public class Recipe {
    @Id private Long id;
    private String name;
    @OneToMany(mappedBy = "recipe", fetch = FetchType.EAGER) @OrderBy("id") private List<Step> steps = new ArrayList<>();

    protected Recipe() { }
    public Recipe(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Step> getSteps() { return steps; }
}
