package dev.eagerdsl.bench.model;

import java.util.Set;

/** An owner of scenario (b′): its id and its lazy students. */
public interface HasStudents {
    Long getId();

    Set<Student> getStudents();
}
