package dev.eagerdsl.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A review maps its book EAGER, as many applications do: Hibernate then loads it with one select per book. */
@Entity
public class Review {
    @Id private Long id;
    private int stars;
    @ManyToOne(fetch = FetchType.EAGER) private Book book;

    protected Review() { }
    public Long getId() { return id; }
    public int getStars() { return stars; }
    public Book getBook() { return book; }
}
