package dev.eagerdsl.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method with the lazy-load guard in
 * {@link dev.eagerdsl.LazyLoadGuard.Mode#STRICT STRICT} mode: a lazy load in the N+1 shape throws
 * {@link dev.eagerdsl.LazyLoadException} at the touch, so the test fails where the N+1 is. The guard is installed
 * if it was not, and the previous mode is restored after the method (or after the class), also when the test fails.
 *
 * <pre>{@code
 * @StrictLazyLoads
 * class TeamReportTest { ... }
 * }</pre>
 *
 * <p>The mode is global to the JVM: with parallel test execution, tests running at the same time see it too.
 *
 * @since 0.1.0
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(StrictLazyLoadsExtension.class)
public @interface StrictLazyLoads {
}
