package dev.eagerdsl.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

@Entity
public class Award {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Author author;

    protected Award() { }
    public Long getId() { return id; }
    public String getName() { return name; }
}
