package dev.eagerdsl.spring.internal;

import dev.eagerdsl.LazyLoadGuard;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the Boot property {@code eagerdsl.guard} when the context starts: installs the guard
 * (unless off) and sets its mode, in code, so that it wins over the Hibernate setting
 * {@code spring.jpa.properties.eagerdsl.guard} (a system property {@code -Deagerdsl.guard} is a Boot
 * property too, and Boot ranks it first).
 */
final class GuardMode implements InitializingBean {

    private final EagerDslProperties properties;

    GuardMode(EagerDslProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        LazyLoadGuard.Mode mode = properties.getGuard();
        if (mode == null) {
            return;
        }
        if (mode != LazyLoadGuard.Mode.OFF) {
            LazyLoadGuard.install();
        }
        LazyLoadGuard.setMode(mode);
    }
}
