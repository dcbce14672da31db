package dev.eagerdsl.bench.support;

import java.util.function.LongSupplier;

/**
 * Runs one operation with the library's {@code eagerdsl.in_chunk_size} (owners per prefetch statement) set as a
 * system property, and takes it away afterwards: the plan reads it when a run starts.
 */
public final class ChunkSize {

    private ChunkSize() {
    }

    /**
     * @param owners owners per statement
     * @param operation the operation
     * @return what it returned
     */
    public static long with(int owners, LongSupplier operation) {
        System.setProperty("eagerdsl.in_chunk_size", Integer.toString(owners));
        try {
            return operation.getAsLong();
        } finally {
            System.clearProperty("eagerdsl.in_chunk_size");
        }
    }
}
