package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** Scenario (b′): a JOINED-inheritance owner (offering, with lecture and seminar tables), lazy students. */
@Entity
@Table(name = "offering")
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Offering implements HasStudents {
    @Id
    private Long id;
    private String title;
    @ManyToMany
    @JoinTable(name = "offering_student", joinColumns = @JoinColumn(name = "offering_id"),
            inverseJoinColumns = @JoinColumn(name = "student_id"))
    private Set<Student> students = new HashSet<>();

    @Override
    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    @Override
    public Set<Student> getStudents() {
        return students;
    }
}
