package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Award {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Author author;

    protected Award() { }
    public Award(Long id, String name, Author author) { this.id = id; this.name = name; this.author = author; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Author getAuthor() { return author; }
}
