package dev.eagerdsl.model.stream;

import jakarta.persistence.*;

/** A note's reaction: the second prefetch level. */
@Entity
public class Reaction {
    @Id private Long id;
    private String emoji;
    @ManyToOne(fetch = FetchType.LAZY) private Note note;

    protected Reaction() { }
    public Long getId() { return id; }
    public String getEmoji() { return emoji; }
    public Note getNote() { return note; }
}
