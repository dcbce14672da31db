package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.Set;

/** Scenario (c) root, and the to-one target of scenario (a). */
@Entity
public class Author {
    @Id
    private Long id;
    private String name;
    @OneToMany(mappedBy = "author")
    private Set<Book> books = new HashSet<>();
    @OneToMany(mappedBy = "author")
    private Set<Award> awards = new HashSet<>();

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Set<Book> getBooks() {
        return books;
    }

    public Set<Award> getAwards() {
        return awards;
    }
}
