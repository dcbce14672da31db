package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** A book and its one author: the many-to-one shape of Django's {@code select_related}. */
@Entity
public class Book {
    @Id private Long id;
    private String title;
    private int published;
    private BigDecimal price;
    @ManyToOne(fetch = FetchType.LAZY, optional = false) private Author author;

    protected Book() { }

    public Book(Long id, String title, int published, BigDecimal price, Author author) {
        this.id = id;
        this.title = title;
        this.published = published;
        this.price = price;
        this.author = author;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public int getPublished() { return published; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public Author getAuthor() { return author; }
    @Override public String toString() { return title; }
}
