package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A writer; many books point at one author (Django: {@code ForeignKey(Author)} on Book). */
@Entity
public class Author {
    @Id private Long id;
    private String name;
    private String country;
    @OneToMany(mappedBy = "author") @OrderBy("id") private List<Book> books = new ArrayList<>();

    protected Author() { }

    public Author(Long id, String name, String country) {
        this.id = id;
        this.name = name;
        this.country = country;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getCountry() { return country; }
    public List<Book> getBooks() { return books; }
    @Override public String toString() { return name; }
}
