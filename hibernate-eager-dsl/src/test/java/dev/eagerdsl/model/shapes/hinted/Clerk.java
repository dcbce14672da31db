package dev.eagerdsl.model.shapes.hinted;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A clerk who keeps ledgers. */
@Entity(name = "HintClerk")
public class Clerk {
    @Id
    private Long id;
    private String name;

    protected Clerk() {
    }

    public Clerk(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
