package dev.eagerdsl.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Tag {
    @Id private Long id;
    private String name;

    protected Tag() { }
    public Long getId() { return id; }
    public String getName() { return name; }
}
