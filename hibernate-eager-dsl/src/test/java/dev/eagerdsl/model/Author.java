package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Author {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Publisher publisher;
    @OneToMany(mappedBy = "author") private List<Book> books = new ArrayList<>();
    @OneToMany(mappedBy = "author", cascade = CascadeType.ALL, orphanRemoval = true) private Set<Award> awards = new HashSet<>();
    @Embedded private Address address;
    @Transient private List<Book> cheapBooks;
    @Transient private Set<Book> wrongType;

    protected Author() { }
    public Author(Long id, String name, Publisher publisher, Address address) {
        this.id = id; this.name = name; this.publisher = publisher; this.address = address;
    }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Publisher getPublisher() { return publisher; }
    public List<Book> getBooks() { return books; }
    public Set<Award> getAwards() { return awards; }
    public Address getAddress() { return address; }
    public List<Book> getCheapBooks() { return cheapBooks; }
}
