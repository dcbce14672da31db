package dev.eagerdsl.spring.internal;

import dev.eagerdsl.FetchPlan;

/**
 * The plan of one annotated repository method, checked against the metamodel at start-up.
 *
 * @param plan the plan built from {@code @SelectRelated} and {@code @PrefetchRelated}
 * @param root the entity the method returns, where the paths start
 * @param method the method as people read it, e.g. {@code BookRepository.findByTitle(String)}
 * @param streamChunkSize roots loaded and prefetched at a time when the method returns a {@code Stream}
 */
record MethodPlan(FetchPlan plan, Class<?> root, String method, int streamChunkSize) {
}
