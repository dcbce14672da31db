package dev.eagerdsl.model.shapes.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A record label (bytecode-enhanced). */
@Entity(name = "EnhancedLabel")
public class Label {
    @Id
    private Long id;
    private String name;

    protected Label() {
    }

    public Label(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
