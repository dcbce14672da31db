package dev.eagerdsl.spring.internal;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The Micrometer counter {@code eagerdsl.lazy.loads}: one increment per N+1-shaped lazy load the
 * guard reports, tagged {@code entity}, {@code association} and {@code call.site}. Subscribed once
 * every singleton exists (so the application's {@code MeterRegistry}, wherever it is configured),
 * closed with the context.
 */
final class LazyLoadMetrics implements SmartInitializingSingleton, DisposableBean {

    static final String NAME = "eagerdsl.lazy.loads";

    private final ObjectProvider<MeterRegistry> registries;
    private volatile LazyLoadGuard.Subscription subscription;

    LazyLoadMetrics(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MeterRegistry registry = registries.getIfUnique();
        if (registry != null) {
            subscription = LazyLoadGuard.subscribe(event -> count(registry, event));
        }
    }

    private static void count(MeterRegistry registry, LazyLoad event) {
        Counter.builder(NAME)
                .description("Lazy loads in the N+1 shape seen by hibernate-eager-dsl's guard")
                .tag("entity", String.valueOf(event.ownerEntity()))
                .tag("association", String.valueOf(event.association()))
                .tag("call.site", String.valueOf(event.callSite()))
                .register(registry)
                .increment();
    }

    @Override
    public void destroy() {
        LazyLoadGuard.Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
