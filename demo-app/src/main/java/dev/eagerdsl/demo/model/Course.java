package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.List;

/** A course, its students (the many-to-many shape of Django's {@code prefetch_related}) and its lessons. */
@Entity
public class Course {
    @Id private Long id;
    private String title;
    @OneToMany(mappedBy = "course") @OrderBy("week")
    private List<Lesson> lessons = new ArrayList<>();
    // docs:begin fp-field
    @ManyToMany @JoinTable(name = "course_students") @OrderBy("name")
    private List<Student> students = new ArrayList<>();        // the mapped collection: every student

    /** Filled by {@code Prefetch.of("students")...into("activeStudents")}; never persisted. */
    @Transient private List<Student> activeStudents;           // a plain field for the filtered subset
    // docs:end fp-field

    protected Course() { }

    public Course(Long id, String title) {
        this.id = id;
        this.title = title;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public List<Student> getStudents() { return students; }
    public List<Lesson> getLessons() { return lessons; }
    public List<Student> getActiveStudents() { return activeStudents; }
    @Override public String toString() { return title; }
}
