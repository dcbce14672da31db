package dev.eagerdsl.model.shapes.mapped;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A person who sits on boards. */
@Entity(name = "BoardMember")
public class Member {
    @Id
    private Long id;
    private String name;

    protected Member() {
    }

    public Member(Long id, String name) {
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
