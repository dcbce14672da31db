package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One step of a recipe. */
@Entity(name = "GuardStep")
@Table(name = "guard_step")
public class Step {
    @Id private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY) private Recipe recipe;

    protected Step() { }
    public Step(Long id, String text, Recipe recipe) { this.id = id; this.text = text; this.recipe = recipe; }
    public Long getId() { return id; }
    public String getText() { return text; }
}
