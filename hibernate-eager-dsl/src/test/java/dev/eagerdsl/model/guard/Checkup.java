package dev.eagerdsl.model.guard;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A pet's visit to the vet. */
@Entity(name = "GuardCheckup")
@Table(name = "guard_checkup")
public class Checkup {
    @Id private Long id;
    private String note;
    @ManyToOne(fetch = FetchType.LAZY) private Animal animal;

    protected Checkup() { }
    public Checkup(Long id, String note, Animal animal) { this.id = id; this.note = note; this.animal = animal; }
    public Long getId() { return id; }
    public String getNote() { return note; }
}
