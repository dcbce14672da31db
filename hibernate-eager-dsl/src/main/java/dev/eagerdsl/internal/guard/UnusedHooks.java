package dev.eagerdsl.internal.guard;

/**
 * Called by the code Byte Buddy inlines into {@code AbstractPersistentCollection}'s read paths (so it is public),
 * for the unused-prefetch report ({@link UnusedPrefetches}). Off, it costs one volatile read.
 */
public final class UnusedHooks {

    private UnusedHooks() {
    }

    /**
     * An initialized collection is read or changed: {@code initialize(boolean)} (behind {@code read()} and
     * {@code write()}), {@code readSize()}, {@code readElementExistence}, {@code readIndexExistence} or
     * {@code readElementByIndex}.
     *
     * @param collection the collection
     */
    public static void collectionRead(Object collection) {
        if (!UnusedPrefetches.on) {
            return;
        }
        try {
            UnusedPrefetches.read(collection);
        } catch (RuntimeException | LinkageError e) {
            GuardHooks.internalFailure(e);
        }
    }
}
