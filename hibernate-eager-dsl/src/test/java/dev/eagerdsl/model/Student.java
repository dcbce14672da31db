package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Student {
    @Id private Long id;
    private String name;
    private boolean active;
    @Column(name = "study_year") private int year;
    @ManyToMany(mappedBy = "students") private Set<Course> courses = new HashSet<>();
    @ManyToOne(fetch = FetchType.LAZY) private Teacher advisor;

    protected Student() { }
    public Student(Long id, String name, boolean active, int year, Teacher advisor) {
        this.id = id; this.name = name; this.active = active; this.year = year; this.advisor = advisor;
    }
    public Long getId() { return id; }
    public String getName() { return name; }
    public boolean isActive() { return active; }
    public int getYear() { return year; }
    public Set<Course> getCourses() { return courses; }
    public Teacher getAdvisor() { return advisor; }
    @Override public String toString() { return name; }
}
