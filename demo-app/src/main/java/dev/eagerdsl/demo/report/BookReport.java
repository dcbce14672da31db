package dev.eagerdsl.demo.report;

import dev.eagerdsl.demo.model.Book;
import java.util.ArrayList;
import java.util.List;

/** The code that uses the books: it touches each book's author. */
public final class BookReport {

    private BookReport() {
    }

    /**
     * @param books the books to list
     * @return one line per book: title and author
     */
    public static List<String> lines(List<Book> books) {
        List<String> lines = new ArrayList<>(books.size());
        for (Book book : books) {
            lines.add(book.getTitle() + " by " + book.getAuthor().getName());
        }
        return lines;
    }
}
