package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Review {
    @Id private Long id;
    private int stars;
    @ManyToOne(fetch = FetchType.LAZY) private Book book;

    protected Review() { }
    public Review(Long id, int stars, Book book) { this.id = id; this.stars = stars; this.book = book; }
    public Long getId() { return id; }
    public int getStars() { return stars; }
    public Book getBook() { return book; }
}
