package dev.eagerdsl.model;

import jakarta.persistence.*;
import java.util.*;

@Entity
public class Course {
    @Id private Long id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY) private Teacher teacher;
    @ManyToMany @JoinTable(name = "course_students") @OrderBy("name") private List<Student> students = new ArrayList<>();
    @Transient private List<Student> activeStudents;

    protected Course() { }
    public Course(Long id, String title, Teacher teacher) { this.id = id; this.title = title; this.teacher = teacher; }
    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Teacher getTeacher() { return teacher; }
    public List<Student> getStudents() { return students; }
    public List<Student> getActiveStudents() { return activeStudents; }
}
