package dev.eagerdsl.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Joins to-one paths into the one statement of a Spring Data JPA repository query method, as
 * {@code Related.select(paths)} does (Django's {@code select_related}).
 *
 * <pre>{@code
 * @SelectRelated({"author", "author.publisher"})
 * @Query("select b from Book b where b.price < :max")
 * List<Book> cheaperThan(@Param("max") BigDecimal max);
 * }</pre>
 *
 * <p>Works on derived queries, {@code @Query} JPQL and redeclared {@code JpaRepository} /
 * {@code JpaSpecificationExecutor} methods, returning {@code List}, {@code Page}, {@code Slice},
 * {@code Optional}, the entity or {@code Stream}; paging stays in SQL and the count query of a
 * {@code Page} is left as it is. Paths start at the entity the method returns; they are checked
 * when the application context starts, and a wrong one (a typo, a collection) stops the start with
 * the {@code RelatedException} message and the method named. Use {@link PrefetchRelated} for
 * collections. May be combined with {@link PrefetchRelated} on the same method.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SelectRelated {

    /**
     * The to-one paths to join: attribute names joined by {@code .} (or Django's {@code __}),
     * e.g. {@code "author.publisher"}; every prefix of a path is loaded.
     *
     * @return the paths
     * @since 0.1.0
     */
    String[] value();
}
