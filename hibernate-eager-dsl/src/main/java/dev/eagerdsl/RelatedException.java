package dev.eagerdsl;

/**
 * Thrown when a plan cannot run as written: an unknown or malformed path, a collection named in
 * {@code select}, a bad {@link Prefetch#into(String) into} field, a closed session. The message
 * says what was wrong, what is valid, and how to fix it. It is always thrown before any SQL of the
 * plan has run, so nothing is loaded half-way and nothing is written.
 *
 * @since 0.1.0
 */
public class RelatedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a plan that cannot run.
     *
     * @param message what was wrong, what is valid, and the fix
     * @since 0.1.0
     */
    public RelatedException(String message) {
        super(message);
    }

    /**
     * Creates the exception for a plan that cannot run, with its cause.
     *
     * @param message what was wrong, what is valid, and the fix
     * @param cause the underlying error (for example Hibernate's HQL parse error)
     * @since 0.1.0
     */
    public RelatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
