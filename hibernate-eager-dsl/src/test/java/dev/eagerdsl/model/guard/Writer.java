package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A volume's writer, lazily referenced. */
@Entity(name = "GuardWriter")
@Table(name = "guard_writer")
public class Writer {
    @Id private Long id;
    private String name;

    protected Writer() { }
    public Writer(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
}
