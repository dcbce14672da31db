package dev.eagerdsl.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Publisher {
    @Id private Long id;
    private String name;

    protected Publisher() { }
    public Long getId() { return id; }
    public String getName() { return name; }
}
