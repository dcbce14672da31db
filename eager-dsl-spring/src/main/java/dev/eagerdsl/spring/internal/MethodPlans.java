package dev.eagerdsl.spring.internal;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.Related;
import dev.eagerdsl.RelatedException;
import dev.eagerdsl.spring.PrefetchRelated;
import dev.eagerdsl.spring.SelectRelated;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.core.RepositoryInformation;

/**
 * The plans of one repository's annotated methods, read and checked against the metamodel when the
 * repository is created (so when the application context starts), keyed by the method's signature.
 */
final class MethodPlans {

    private final Map<String, MethodPlan> bySignature;

    private MethodPlans(Map<String, MethodPlan> bySignature) {
        this.bySignature = bySignature;
    }

    /** @return the plan of {@code method} (as called through the repository's proxy), or {@code null} */
    MethodPlan of(Method method) {
        return bySignature.isEmpty() ? null : bySignature.get(signature(method));
    }

    boolean isEmpty() {
        return bySignature.isEmpty();
    }

    /**
     * Reads and checks the plans of a repository's methods.
     *
     * @throws RepositoryPlanException naming the method and the annotation, with the library's message
     */
    static MethodPlans read(RepositoryInformation repository, EntityManagerFactory emf, int streamChunkSize) {
        Map<String, MethodPlan> plans = new HashMap<>();
        for (Method method : repository.getRepositoryInterface().getMethods()) {
            SelectRelated select = AnnotatedElementUtils.findMergedAnnotation(method, SelectRelated.class);
            PrefetchRelated prefetch = AnnotatedElementUtils.findMergedAnnotation(method, PrefetchRelated.class);
            if (select == null && prefetch == null) {
                continue;
            }
            String name = describe(repository.getRepositoryInterface(), method);
            String annotations = annotations(select, prefetch);
            Class<?> root = check(repository, method, name, annotations, emf);
            FetchPlan plan;
            try {
                plan = plan(select, prefetch);
                validate(plan, root, emf);
            } catch (RelatedException e) {
                throw new RepositoryPlanException(name, annotations, e.getMessage(), e);
            }
            plans.put(signature(method), new MethodPlan(plan, root, name, streamChunkSize));
        }
        return new MethodPlans(Map.copyOf(plans));
    }

    private static FetchPlan plan(SelectRelated select, PrefetchRelated prefetch) {
        if (select != null && prefetch != null) {
            return Related.select(select.value()).prefetch(prefetch.value());
        }
        return select != null ? Related.select(select.value()) : Related.prefetch(prefetch.value());
    }

    /** Refuses the methods a plan cannot apply to; returns the entity the paths start at. */
    private static Class<?> check(RepositoryInformation repository, Method method, String name, String annotations,
                                  EntityManagerFactory emf) {
        if (repository.isCustomMethod(method)) {
            throw new RepositoryPlanException(name, annotations, "the method is implemented by a repository fragment of your own,"
                    + " so Spring Data does not create its query. Run the plan in the fragment: Related.select(...).prefetch(...)"
                    + ".list(query), and remove the annotation.", null);
        }
        if (AnnotatedElementUtils.hasAnnotation(method, Modifying.class)) {
            throw new RepositoryPlanException(name, annotations, "a @Modifying query loads no entities. Remove the annotation.", null);
        }
        if (method.getName().equals("findById") && !repository.isQueryMethod(method)) {
            for (Class<? extends java.lang.annotation.Annotation> a : java.util.List.of(
                    org.springframework.data.jpa.repository.EntityGraph.class,
                    org.springframework.data.jpa.repository.QueryHints.class, org.springframework.data.jpa.repository.Lock.class)) {
                if (AnnotatedElementUtils.hasAnnotation(method, a)) {
                    throw new RepositoryPlanException(name, annotations, "findById with @" + a.getSimpleName() + " runs as"
                            + " EntityManager.find with Spring Data's hints, which a plan cannot merge with its own. Keep one:"
                            + " the plan's annotations, or @" + a.getSimpleName() + " alone.", null);
                }
            }
        }
        Query query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
        if (query != null && query.nativeQuery()) {
            throw new RepositoryPlanException(name, annotations, "a native SQL query cannot take a plan. Write the query in JPQL"
                    + " (@Query(\"select b from Book b ...\")), or load the associations with Related.prefetchObjects(em, results, paths).", null);
        }
        // a redeclared JpaRepository / JpaSpecificationExecutor method returns the domain type
        Class<?> root = repository.isQueryMethod(method) ? repository.getReturnedDomainClass(method) : repository.getDomainType();
        try {
            emf.getMetamodel().entity(root);
        } catch (IllegalArgumentException e) {
            throw new RepositoryPlanException(name, annotations, "the method returns " + root.getName() + ", which is not an entity;"
                    + " a plan's paths start at the entity the method returns. Return the entity (List<Book>, Page<Book>, ...)"
                    + " or remove the annotation.", null);
        }
        return root;
    }

    /** Checks every path against the metamodel (the library's own check, before any SQL). */
    private static void validate(FetchPlan plan, Class<?> root, EntityManagerFactory emf) {
        EntityManager em = emf.createEntityManager();
        try {
            plan.explain(em, root);
        } finally {
            em.close();
        }
    }

    static String describe(Class<?> repository, Method method) {
        return repository.getSimpleName() + "." + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static String annotations(SelectRelated select, PrefetchRelated prefetch) {
        StringBuilder s = new StringBuilder();
        if (select != null) {
            s.append("@SelectRelated(").append(values(select.value())).append(')');
        }
        if (prefetch != null) {
            s.append(s.length() == 0 ? "" : " ").append("@PrefetchRelated(").append(values(prefetch.value())).append(')');
        }
        return s.toString();
    }

    private static String values(String[] paths) {
        String joined = Arrays.stream(paths).map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        return paths.length == 1 ? joined : "{" + joined + "}";
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.toString(method.getParameterTypes());
    }
}
