package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An offering held as lectures (its own table, joined to {@code offering}). */
@Entity
@Table(name = "lecture")
public class Lecture extends Offering {
    private String room;
    private Integer credits;

    public String getRoom() {
        return room;
    }

    public Integer getCredits() {
        return credits;
    }
}
