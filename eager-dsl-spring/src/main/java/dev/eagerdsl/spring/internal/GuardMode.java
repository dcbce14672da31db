package dev.eagerdsl.spring.internal;

import dev.eagerdsl.LazyLoadGuard;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Applies the Boot property {@code eagerdsl.guard}: installs the guard (unless off) and sets its
 * mode in code once every singleton exists, so after the {@code EntityManagerFactory} has read the
 * Hibernate setting {@code spring.jpa.properties.eagerdsl.guard}: the Boot property wins over it,
 * either way. A system property {@code -Deagerdsl.guard} is a Boot property too, and Boot ranks it
 * above application.properties.
 */
final class GuardMode implements SmartInitializingSingleton {

    private final EagerDslProperties properties;

    GuardMode(EagerDslProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
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
