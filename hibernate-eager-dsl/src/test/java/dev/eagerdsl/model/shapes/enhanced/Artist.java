package dev.eagerdsl.model.shapes.enhanced;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An artist under a label (bytecode-enhanced; the label is a lazy to-one). */
@Entity(name = "EnhancedArtist")
public class Artist {
    @Id
    private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY)
    private Label label;

    protected Artist() {
    }

    public Artist(Long id, String name, Label label) {
        this.id = id;
        this.name = name;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Label getLabel() {
        return label;
    }
}
