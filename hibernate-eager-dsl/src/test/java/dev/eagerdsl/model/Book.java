package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Book {
    @Id private Long id;
    private String title;
    private int price;
    @ManyToOne(fetch = FetchType.LAZY) private Author author;
    @ManyToMany @JoinTable(name = "book_tags") private Set<Tag> tags = new HashSet<>();
    @OneToMany(mappedBy = "book") @OrderBy("stars desc, id") private List<Review> reviews = new ArrayList<>();
    @Transient private List<Review> goodReviews;

    protected Book() { }
    public Book(Long id, String title, int price, Author author) {
        this.id = id; this.title = title; this.price = price; this.author = author;
    }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public int getPrice() { return price; }
    public Author getAuthor() { return author; }
    public Set<Tag> getTags() { return tags; }
    public List<Review> getReviews() { return reviews; }
    public List<Review> getGoodReviews() { return goodReviews; }
    @Override public String toString() { return "Book#" + id; }
}
