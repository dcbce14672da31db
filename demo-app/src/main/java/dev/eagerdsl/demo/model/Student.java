package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A student, enrolled in several courses. */
@Entity
public class Student {
    @Id private Long id;
    private String name;
    private boolean active;
    @ManyToMany(mappedBy = "students") @OrderBy("title") private List<Course> courses = new ArrayList<>();

    protected Student() { }

    public Student(Long id, String name, boolean active) {
        this.id = id;
        this.name = name;
        this.active = active;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public boolean isActive() { return active; }
    public List<Course> getCourses() { return courses; }
    @Override public String toString() { return name; }
}
