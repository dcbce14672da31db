package dev.eagerdsl.internal.guard;

/**
 * Called by the code Byte Buddy inlines into {@code AbstractPersistentCollection}'s read paths (so it is public),
 * for the unused-prefetch report ({@link UnusedPrefetches}). Off, it costs one volatile read.
 */
public final class UnusedHooks {

    /** per thread: how deep in Hibernate's {@code Cascade.cascade} (counted only while the report is on) */
    private static final ThreadLocal<int[]> CASCADING = ThreadLocal.withInitial(() -> new int[1]);

    private UnusedHooks() {
    }

    /**
     * Hibernate starts a cascade, which walks collections for its own purposes.
     *
     * @return whether it was counted (then {@link #cascadeEnds()} must follow)
     */
    public static boolean cascadeStarts() {
        if (!UnusedPrefetches.on) {
            return false;
        }
        CASCADING.get()[0]++;
        return true;
    }

    /** Ends a counted {@link #cascadeStarts()}. */
    public static void cascadeEnds() {
        CASCADING.get()[0]--;
    }

    /** @return whether this thread is inside a cascade of Hibernate's */
    static boolean cascading() {
        return CASCADING.get()[0] > 0;
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
