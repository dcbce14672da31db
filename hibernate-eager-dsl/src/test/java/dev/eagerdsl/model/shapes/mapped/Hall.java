package dev.eagerdsl.model.shapes.mapped;

import jakarta.persistence.Entity;

/** A venue with seats. */
@Entity(name = "BoardHall")
public class Hall extends Venue {
    private int seats;

    protected Hall() {
    }

    public Hall(Long id, String name, int seats) {
        super(id, name);
        this.seats = seats;
    }

    public int getSeats() {
        return seats;
    }
}
