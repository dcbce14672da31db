package dev.eagerdsl;

/**
 * One lazy load in the N+1 shape, as seen by {@link LazyLoadGuard}: a lazy association was
 * initialized on an entity that was loaded as one of several rows of one query.
 *
 * @param ownerEntity the entity name of the owner, e.g. {@code "Course"}
 * @param association the association that was loaded lazily, e.g. {@code "students"}
 * @param ownerId the owner's identifier
 * @param callSite the user's call site: the first stack frame outside Hibernate, the JDK, proxies
 *                 and this library, e.g. {@code "com.acme.CourseReport.print(CourseReport.java:42)"}
 * @param fix the fix as code, e.g. {@code Related.prefetch("students")}
 * @param collection {@code true} for a collection, {@code false} for a to-one proxy
 * @param siblings how many rows of the owner's entity the owner's query loaded (the N of N+1)
 * @since 0.1.0
 */
public record LazyLoad(String ownerEntity, String association, Object ownerId, String callSite, String fix,
                       boolean collection, int siblings) {

    /**
     * The association as one name, for logs and grouping.
     *
     * @return the owner and association as {@code Entity.association}
     * @since 0.1.0
     */
    public String role() {
        return ownerEntity + "." + association;
    }
}
