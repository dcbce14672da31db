package dev.eagerdsl.demo.report;

import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.model.Student;
import java.util.ArrayList;
import java.util.List;

/** The code that uses the courses: it lists each course's students. */
public final class CourseReport {

    private CourseReport() {
    }

    /**
     * @param courses the courses to list
     * @return one line per course and student, as in the seed's loop
     */
    public static List<String> lines(List<Course> courses) {
        List<String> lines = new ArrayList<>();
        for (Course course : courses) {
            for (Student student : course.getStudents()) {
                lines.add(course.getTitle() + ": " + student.getName());
            }
        }
        return lines;
    }
}
