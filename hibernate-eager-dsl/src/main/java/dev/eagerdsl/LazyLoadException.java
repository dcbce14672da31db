package dev.eagerdsl;

/**
 * Thrown by {@link LazyLoadGuard} in {@link LazyLoadGuard.Mode#STRICT STRICT} mode at the touch
 * that lazily loads an association in the N+1 shape. The message is the same text the WARN mode
 * logs, with the fix as code.
 *
 * @since 0.1.0
 */
public class LazyLoadException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient LazyLoad event;

    /**
     * Creates the exception thrown at the touch in {@code STRICT} mode.
     *
     * @param message the guard's message, with the fix
     * @param event the lazy load that was refused
     * @since 0.1.0
     */
    public LazyLoadException(String message, LazyLoad event) {
        super(message);
        this.event = event;
    }

    /**
     * The lazy load that was refused.
     *
     * @return the lazy load that was refused
     * @since 0.1.0
     */
    public LazyLoad event() {
        return event;
    }
}
