package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * The same rows as {@link Course}, mapped with {@code @Fetch(SUBSELECT)}: that is a mapping-time
 * choice in Hibernate, so the alternative needs its own entity (read-only here).
 */
@Entity
@Table(name = "course")
public class SubselectCourse {
    @Id
    private Long id;
    private String title;
    @ManyToMany
    @Fetch(FetchMode.SUBSELECT)
    @JoinTable(name = "course_student", joinColumns = @JoinColumn(name = "course_id"),
            inverseJoinColumns = @JoinColumn(name = "student_id"))
    private Set<Student> students = new HashSet<>();

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public Set<Student> getStudents() {
        return students;
    }
}
