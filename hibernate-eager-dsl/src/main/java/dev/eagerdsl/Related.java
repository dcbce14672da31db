package dev.eagerdsl;

import dev.eagerdsl.internal.exec.Executor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import java.util.Collection;

/**
 * Entry point: Django's {@code select_related} and {@code prefetch_related} for Hibernate.
 *
 * <pre>{@code
 * List<Book> books = Related.select("author")          // joined into the root statement
 *         .prefetch("tags", "author.awards")           // one batched IN statement per level
 *         .list(session.createQuery("from Book b order by b.id", Book.class));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Related {

    private Related() {
    }

    /**
     * Starts a plan that joins these to-one paths into the root statement.
     *
     * @param paths attribute names joined by {@code .} (or Django's {@code __}), e.g. {@code "author.publisher"}
     * @return a new plan
     * @throws RelatedException if a path is empty or malformed
     * @since 0.1.0
     */
    public static FetchPlan select(String... paths) {
        return FetchPlan.empty().select(paths);
    }

    /**
     * Starts a plan with one to-one path given as a chain of metamodel attributes,
     * e.g. {@code Related.select(Book_.author, Author_.publisher)}.
     *
     * @param first the attribute on the root entity
     * @param rest the following attributes
     * @return a new plan
     * @since 0.1.0
     */
    public static FetchPlan select(SingularAttribute<?, ?> first, SingularAttribute<?, ?>... rest) {
        return FetchPlan.empty().select(first, rest);
    }

    /**
     * Starts a plan with one path given as a chain of metamodel attributes; a collection is refused
     * when the plan runs.
     *
     * @param first the attribute on the root entity
     * @param rest the following attributes
     * @return a new plan
     * @since 0.1.0
     */
    public static FetchPlan select(Attribute<?, ?> first, Attribute<?, ?>... rest) {
        return FetchPlan.empty().select(first, rest);
    }

    /**
     * Not meant to be called: a collection (to-many) cannot be joined into the root statement; load it
     * with {@link #prefetch(Attribute, Attribute...)}. This overload exists so that
     * {@code Related.select(Book_.tags)} does not compile: the call is ambiguous between it and
     * {@link #select(Attribute, Attribute...)}, and the compiler's message names
     * {@link UsePrefetchForCollections}.
     *
     * @param collection a collection attribute
     * @param usePrefetch never given
     * @return never returns
     * @throws RelatedException always
     * @deprecated collections go to {@code prefetch}: {@code Related.prefetch(Book_.tags)}
     * @since 0.1.0
     */
    @Deprecated(since = "0.1.0")
    public static FetchPlan select(PluralAttribute<?, ?, ?> collection, UsePrefetchForCollections... usePrefetch) {
        return FetchPlan.empty().select(collection, usePrefetch);
    }

    /**
     * A type with no instances: it names the fix in the compiler's message when a collection attribute
     * is given to {@code select}, e.g. {@code Related.select(Book_.tags)}.
     *
     * @since 0.1.0
     */
    public interface UsePrefetchForCollections {
    }

    /**
     * Starts a plan that loads these paths with one extra batched {@code IN} statement per level.
     *
     * @param paths attribute names joined by {@code .} (or Django's {@code __}), e.g. {@code "students.courses"}
     * @return a new plan
     * @throws RelatedException if a path is empty or malformed
     * @since 0.1.0
     */
    public static FetchPlan prefetch(String... paths) {
        return FetchPlan.empty().prefetch(paths);
    }

    /**
     * Starts a plan with filtered prefetches, see {@link Prefetch}.
     *
     * @param prefetches the specs
     * @return a new plan
     * @since 0.1.0
     */
    public static FetchPlan prefetch(Prefetch... prefetches) {
        return FetchPlan.empty().prefetch(prefetches);
    }

    /**
     * Starts a plan with one prefetch path given as a chain of metamodel attributes.
     *
     * @param first the attribute on the root entity
     * @param rest the following attributes
     * @return a new plan
     * @since 0.1.0
     */
    public static FetchPlan prefetch(Attribute<?, ?> first, Attribute<?, ?>... rest) {
        return FetchPlan.empty().prefetch(first, rest);
    }

    /**
     * Prefetches paths onto entities already loaded in this session (Django's
     * {@code prefetch_related_objects}). Entities of different classes that share the path are
     * fine. What is already loaded is not fetched again: a second identical call runs no SQL.
     *
     * @param sessionOrEntityManager the open session that manages the entities
     * @param entities the owners
     * @param paths the paths, as for {@link #prefetch(String...)}
     * @since 0.1.0
     */
    public static void prefetchObjects(EntityManager sessionOrEntityManager, Collection<?> entities, String... paths) {
        Executor.prefetchObjects(FetchPlan.empty().prefetch(paths).spec(), sessionOrEntityManager, entities);
    }

    /**
     * Prefetches onto entities already loaded, with filtered specs.
     *
     * @param sessionOrEntityManager the open session that manages the entities
     * @param entities the owners
     * @param prefetches the specs
     * @since 0.1.0
     */
    public static void prefetchObjects(EntityManager sessionOrEntityManager, Collection<?> entities, Prefetch... prefetches) {
        Executor.prefetchObjects(FetchPlan.empty().prefetch(prefetches).spec(), sessionOrEntityManager, entities);
    }
}
