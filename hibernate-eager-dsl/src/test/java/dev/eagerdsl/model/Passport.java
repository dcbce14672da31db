package dev.eagerdsl.model;

import jakarta.persistence.*;

@Entity
public class Passport {
    @Id private Long id;
    private String number;
    @OneToOne(mappedBy = "passport", fetch = FetchType.LAZY) private Person holder;

    protected Passport() { }
    public Passport(Long id, String number) { this.id = id; this.number = number; }
    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Person getHolder() { return holder; }
}
