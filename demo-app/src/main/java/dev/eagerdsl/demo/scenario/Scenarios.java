package dev.eagerdsl.demo.scenario;

import dev.eagerdsl.demo.dao.BookDao;
import dev.eagerdsl.demo.dao.CategoryDao;
import dev.eagerdsl.demo.dao.CourseDao;
import dev.eagerdsl.demo.json.Json;
import dev.eagerdsl.demo.model.Book;
import dev.eagerdsl.demo.model.Category;
import dev.eagerdsl.demo.model.Course;
import dev.eagerdsl.demo.report.BookReport;
import dev.eagerdsl.demo.report.CourseReport;
import java.util.List;

/** The seed's three shapes. */
public final class Scenarios {

    private Scenarios() {
    }

    /** Book to Author, many-to-one: Django's {@code select_related}. */
    public static final Scenario BOOKS = new Scenario("Books and their author", "many-to-one",
            "Book.objects.select_related('author')",
            "BookReport.lines(bookDao.findAll())", "BookReport.lines(bookDao.findAllWithAuthor())",
            BookDao.WITH_AUTHOR, Book.class,
            s -> BookReport.lines(new BookDao(s).findAll()),
            s -> BookReport.lines(new BookDao(s).findAllWithAuthor()));

    /** Course to Students, many-to-many: Django's {@code prefetch_related}. */
    public static final Scenario COURSES = new Scenario("Courses and their students", "many-to-many",
            "Course.objects.prefetch_related('students')",
            "CourseReport.lines(courseDao.findAll())", "CourseReport.lines(courseDao.findAllWithStudents())",
            CourseDao.WITH_STUDENTS, Course.class,
            s -> CourseReport.lines(new CourseDao(s).findAll()),
            s -> CourseReport.lines(new CourseDao(s).findAllWithStudents()));

    /** Category to Products, one-to-many (reverse foreign key), rendered as JSON. */
    public static final Scenario CATEGORIES = new Scenario("Categories and their products, as JSON",
            "one-to-many (reverse foreign key)",
            "Category.objects.prefetch_related('products')",
            "Json.categories(categoryDao.findAll())", "Json.categories(categoryDao.findAllWithProducts())",
            CategoryDao.WITH_PRODUCTS, Category.class,
            s -> Json.categories(new CategoryDao(s).findAll()),
            s -> Json.categories(new CategoryDao(s).findAllWithProducts()));

    /** @return the scenarios, in the order the demo shows them */
    public static List<Scenario> all() {
        return List.of(BOOKS, COURSES, CATEGORIES);
    }
}
