package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Toy {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Dog dog;

    protected Toy() { }
    public Toy(Long id, String name, Dog dog) { this.id = id; this.name = name; this.dog = dog; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Dog getDog() { return dog; }
}
