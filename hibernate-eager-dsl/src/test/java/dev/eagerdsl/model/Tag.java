package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Tag {
    @Id private Long id;
    private String name;
    @ManyToMany(mappedBy = "tags") private Set<Book> books = new HashSet<>();

    protected Tag() { }
    public Tag(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Book> getBooks() { return books; }
}
