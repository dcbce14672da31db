package dev.eagerdsl.model;

import jakarta.persistence.*;

/** One-to-one: Person owns the FK to Passport; Passport.holder is the inverse side. */
@Entity
public class Person {
    @Id private Long id;
    private String name;
    @OneToOne(fetch = FetchType.LAZY) private Passport passport;

    protected Person() { }
    public Person(Long id, String name, Passport passport) { this.id = id; this.name = name; this.passport = passport; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Passport getPassport() { return passport; }
}
