package dev.eagerdsl.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Book {
    @Id private Long id;
    private String title;
    private BigDecimal price;
    @ManyToOne(fetch = FetchType.LAZY) private Author author;
    @ManyToMany @JoinTable(name = "book_tag") @OrderBy("id") private List<Tag> tags = new ArrayList<>();

    protected Book() { }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public BigDecimal getPrice() { return price; }
    public Author getAuthor() { return author; }
    public List<Tag> getTags() { return tags; }

    @Override
    public String toString() {
        return title;
    }
}
