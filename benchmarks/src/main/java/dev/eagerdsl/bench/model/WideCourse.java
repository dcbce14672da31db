package dev.eagerdsl.bench.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** Scenario (b′): a course with 20 columns (every student row of a fetch join repeats them), lazy students. */
@Entity
@Table(name = "wide_course")
public class WideCourse implements HasStudents {
    @Id
    private Long id;
    private String title;
    private String s01;
    private String s02;
    private String s03;
    private String s04;
    private String s05;
    private String s06;
    private String s07;
    private String s08;
    private String s09;
    private Integer n01;
    private Integer n02;
    private Integer n03;
    private Integer n04;
    private Integer n05;
    private Integer n06;
    private Integer n07;
    private Integer n08;
    private Integer n09;
    @ManyToMany
    @JoinTable(name = "wide_course_student", joinColumns = @JoinColumn(name = "course_id"),
            inverseJoinColumns = @JoinColumn(name = "student_id"))
    private Set<Student> students = new HashSet<>();

    @Override
    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    /** @return the length of every text column and the sum of every number column (so a test reads them all) */
    public long columns() {
        return s01.length() + s02.length() + s03.length() + s04.length() + s05.length() + s06.length() + s07.length() + s08.length() + s09.length()
                + n01 + n02 + n03 + n04 + n05 + n06 + n07 + n08 + n09;
    }

    @Override
    public Set<Student> getStudents() {
        return students;
    }
}
