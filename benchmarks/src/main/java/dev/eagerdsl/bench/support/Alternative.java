package dev.eagerdsl.bench.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a benchmark method stands for in its scenario: read by the count pass and the report. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Alternative {

    /** The part an alternative plays in the comparison. */
    enum Role {
        /** This library's plan. */
        PLAN,
        /** This library's plan with a setting changed from its default: shown beside the plan, not held to the goals. */
        TUNED,
        /** A hand-written Hibernate alternative a senior engineer would write. */
        HAND,
        /** The untuned code (N+1, or in-memory paging): what the plan replaces. */
        NAIVE,
        /** Raw JDBC running the plan's SQL: the floor. */
        FLOOR
    }

    /** @return the part it plays */
    Role role();

    /** @return the code it stands for, as the report shows it */
    String label();
}
