package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Teacher {
    @Id private Long id;
    private String name;
    @OneToMany(mappedBy = "teacher") private Set<Course> courses = new HashSet<>();
    @ElementCollection @CollectionTable(name = "teacher_subjects") private Set<String> subjects = new HashSet<>();

    protected Teacher() { }
    public Teacher(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Set<Course> getCourses() { return courses; }
    public Set<String> getSubjects() { return subjects; }
}
