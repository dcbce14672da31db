package dev.eagerdsl.spring.internal;

import dev.eagerdsl.RelatedException;

/**
 * A repository method's {@code @SelectRelated} / {@code @PrefetchRelated} cannot be applied; thrown
 * while the repository is created, so the application context does not start.
 */
public final class RepositoryPlanException extends RelatedException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String annotations;

    RepositoryPlanException(String method, String annotations, String problem, Throwable cause) {
        super(annotations + " on " + method + ": " + problem, cause);
        this.method = method;
        this.annotations = annotations;
    }

    /** @return the repository method, e.g. {@code BookRepository.findByTitle(String)} */
    public String method() {
        return method;
    }

    /** @return the annotations as written on the method */
    public String annotations() {
        return annotations;
    }
}
