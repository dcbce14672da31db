package dev.eagerdsl.model.stream;

import jakarta.persistence.*;

/** Where a ticket is handled: a to-one of {@link Ticket}. */
@Entity
public class Desk {
    @Id private Long id;
    private String name;

    protected Desk() { }
    public Long getId() { return id; }
    public String getName() { return name; }
}
