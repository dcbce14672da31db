package dev.eagerdsl;

/**
 * A collection that a plan prefetched and that no code read, as seen by {@link LazyLoadGuard} when
 * {@link LazyLoadGuard#setReportUnused(boolean)} (or the setting {@code eagerdsl.guard.unused=true}) is on: no
 * owner's collection of that path was iterated, sized, searched or changed before the session closed, so the
 * plan's statement for it loaded rows nobody used. Reported once per session for each (plan call site, path).
 *
 * @param ownerEntity the entity name of the owners of the collection, e.g. {@code "Book"}
 * @param path the path in the plan to remove, from the plan's root, e.g. {@code "tags"} or {@code "author.books"}
 * @param owners how many owners the plan prefetched that collection for in the session (all unread)
 * @param callSite the plan's call site: the first stack frame outside Hibernate, the JDK, proxies and this library
 *                 when the plan ran, e.g. {@code "com.acme.BookReport.print(BookReport.java:42)"}
 * @since 0.2.0
 */
public record UnusedPrefetch(String ownerEntity, String path, int owners, String callSite) {
}
