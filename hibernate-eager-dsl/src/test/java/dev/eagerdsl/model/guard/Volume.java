package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A volume on a shelf (LAZY), by a writer (LAZY): the to-one side of the guard's model. */
@Entity(name = "GuardVolume")
@Table(name = "guard_volume")
public class Volume {
    @Id private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY) private Shelf shelf;
    @ManyToOne(fetch = FetchType.LAZY) private Writer writer;

    protected Volume() { }
    public Volume(Long id, String title, Shelf shelf, Writer writer) { this.id = id; this.title = title; this.shelf = shelf; this.writer = writer; }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Shelf getShelf() { return shelf; }
    public Writer getWriter() { return writer; }
}
