package dev.eagerdsl.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Loads paths with one extra batched statement per level after a Spring Data JPA repository query
 * method's statement, as {@code Related.prefetch(paths)} does (Django's {@code prefetch_related}):
 * collections, and to-ones too.
 *
 * <pre>{@code
 * @SelectRelated("author")
 * @PrefetchRelated({"tags", "author.awards"})
 * Page<Book> findByTitleStartingWith(String prefix, Pageable page);
 * }</pre>
 *
 * <p>The method's own statement keeps its paging in SQL (no collection is joined into it), and the
 * count query of a {@code Page} is left as it is. Paths start at the entity the method returns; they
 * are checked when the application context starts. See {@link SelectRelated} for the method shapes.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PrefetchRelated {

    /**
     * The paths to prefetch: attribute names joined by {@code .} (or Django's {@code __}), e.g.
     * {@code "students.courses"}; every prefix of a path is loaded.
     *
     * @return the paths
     * @since 0.1.0
     */
    String[] value();
}
