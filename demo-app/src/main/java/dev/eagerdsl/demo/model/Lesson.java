package dev.eagerdsl.demo.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** One lesson of a course: with {@code Course.students}, the second collection of a course. */
@Entity
public class Lesson {
    @Id private Long id;
    private String title;
    private int week;
    @ManyToOne(fetch = FetchType.LAZY, optional = false) private Course course;

    protected Lesson() { }

    public Lesson(Long id, String title, int week, Course course) {
        this.id = id;
        this.title = title;
        this.week = week;
        this.course = course;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public int getWeek() { return week; }
    public Course getCourse() { return course; }
    @Override public String toString() { return title; }
}
