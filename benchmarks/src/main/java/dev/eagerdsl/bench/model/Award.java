package dev.eagerdsl.bench.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** Scenario (c): the second collection of an author. */
@Entity
public class Award {
    @Id
    private Long id;
    private String name;
    @Column(name = "award_year")
    private int awardYear;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Author author;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getAwardYear() {
        return awardYear;
    }
}
