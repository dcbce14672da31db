package dev.eagerdsl.spring.internal;

import dev.eagerdsl.LazyLoadGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Spring Boot properties of hibernate-eager-dsl, under {@code eagerdsl}.
 */
@ConfigurationProperties("eagerdsl")
public class EagerDslProperties {

    static final int DEFAULT_STREAM_CHUNK_SIZE = 500;

    /**
     * Mode of the lazy-load (N+1) guard: off, warn (one log line per association and call site,
     * with the fix), strict (LazyLoadException at the touch; for tests) or fetch_peers (as warn, and the
     * association is loaded for all rows of the query at the first touch). Unset: the Hibernate
     * setting spring.jpa.properties.eagerdsl.guard, or the library's default (warn). Set, it wins over
     * the Hibernate setting.
     */
    private LazyLoadGuard.Mode guard;

    /**
     * Entities loaded and prefetched at a time by an annotated repository method that returns a
     * Stream (each chunk runs the plan's statements once).
     */
    private int streamChunkSize = DEFAULT_STREAM_CHUNK_SIZE;

    /** @return the guard's mode, or {@code null} when not set */
    public LazyLoadGuard.Mode getGuard() {
        return guard;
    }

    /** @param guard the guard's mode */
    public void setGuard(LazyLoadGuard.Mode guard) {
        this.guard = guard;
    }

    /** @return entities per chunk of a streaming repository method */
    public int getStreamChunkSize() {
        return streamChunkSize;
    }

    /** @param streamChunkSize entities per chunk of a streaming repository method, at least 1 */
    public void setStreamChunkSize(int streamChunkSize) {
        if (streamChunkSize < 1) {
            throw new IllegalArgumentException("eagerdsl.stream-chunk-size=" + streamChunkSize + " must be at least 1");
        }
        this.streamChunkSize = streamChunkSize;
    }
}
