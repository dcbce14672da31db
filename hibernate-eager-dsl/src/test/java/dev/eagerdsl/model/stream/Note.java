package dev.eagerdsl.model.stream;

import jakarta.persistence.*;
import java.util.*;

/** A ticket's note: the first prefetch level. */
@Entity
public class Note {
    @Id private Long id;
    private String text;
    @ManyToOne(fetch = FetchType.LAZY) private Ticket ticket;
    @OneToMany(mappedBy = "note") private Set<Reaction> reactions = new HashSet<>();

    protected Note() { }
    public Long getId() { return id; }
    public String getText() { return text; }
    public Ticket getTicket() { return ticket; }
    public Set<Reaction> getReactions() { return reactions; }
}
