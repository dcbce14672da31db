package dev.eagerdsl.junit;

import dev.eagerdsl.LazyLoadGuard;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link StrictLazyLoads}: STRICT from before-all (class) or before-each (method), set in code, so it wins over the
 * system property, the agent argument and every factory's Hibernate setting, also of a factory that starts later
 * (in the class's own {@code @BeforeAll}). The mode set in code before (or none) is put back after.
 */
final class StrictLazyLoadsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StrictLazyLoadsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (AnnotationSupport.isAnnotated(context.getTestClass(), StrictLazyLoads.class)) {
            strict(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (AnnotationSupport.isAnnotated(context.getTestMethod(), StrictLazyLoads.class)) {
            strict(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        restore(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        restore(context);
    }

    private static void strict(ExtensionContext context) {
        if (!LazyLoadGuard.install()) {
            context.publishReportEntry("eagerdsl", "LazyLoadGuard.install() could not instrument Hibernate: STRICT"
                    + " mode sees no lazy load. Run the tests with -javaagent:<path to hibernate-eager-dsl-<version>-agent.jar>.");
        }
        context.getStore(NAMESPACE).put(context.getUniqueId(), LazyLoadGuard.modeSetInCode());
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.STRICT);
    }

    private static void restore(ExtensionContext context) {
        Object previous = context.getStore(NAMESPACE).remove(context.getUniqueId());
        if (previous instanceof Optional<?> inCode) {
            // the mode set in code before, or none: then the system property, agent and Hibernate settings decide again
            inCode.map(LazyLoadGuard.Mode.class::cast).ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
        }
    }
}
