package dev.eagerdsl.spring.app;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Author {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Publisher publisher;
    @OneToMany(mappedBy = "author") @OrderBy("id") private List<Award> awards = new ArrayList<>();
    @OneToMany(mappedBy = "author") @OrderBy("id") private List<Book> books = new ArrayList<>();

    protected Author() { }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Publisher getPublisher() { return publisher; }
    public List<Award> getAwards() { return awards; }
    public List<Book> getBooks() { return books; }
}
