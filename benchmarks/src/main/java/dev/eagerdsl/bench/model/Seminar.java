package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An offering held as a seminar (its own table, joined to {@code offering}). */
@Entity
@Table(name = "seminar")
public class Seminar extends Offering {
    private String topic;

    public String getTopic() {
        return topic;
    }
}
