package dev.eagerdsl.internal.guard;

/**
 * An entity by name and id, never the entity itself, so that the guard's bookkeeping holds no
 * reference to a session's objects.
 */
record Key(String entityName, Object id) {
}
