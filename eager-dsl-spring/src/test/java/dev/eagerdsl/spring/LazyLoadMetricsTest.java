package dev.eagerdsl.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.spring.app.Author;
import dev.eagerdsl.spring.app.AuthorRepository;
import dev.eagerdsl.spring.app.ShopApplication;
import dev.eagerdsl.spring.app.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The Micrometer counter {@code eagerdsl.lazy.loads}, tagged by entity, association and call site. */
class LazyLoadMetricsTest {

    @Configuration(proxyBeanMethods = false)
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private LazyLoadGuard.Mode before;

    @BeforeEach
    void remember() {
        before = LazyLoadGuard.mode();
    }

    @AfterEach
    void restore() {
        LazyLoadGuard.setMode(before);
    }

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ShopApplication.class, Metrics.class)
                .web(WebApplicationType.NONE)
                .initializers(new TestDatabase())
                .properties("eagerdsl.guard=warn")
                .run();
    }

    /** Loads every author with Spring Data's plain findAll() and touches each one's books: an N+1 of three. */
    static void touchEveryAuthorsBooks(ConfigurableApplicationContext context) {
        AuthorRepository authors = context.getBean(AuthorRepository.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (Author a : authors.findAll()) {
                a.getBooks().size();
            }
        });
    }

    @Test
    void countsEachLazyLoadByEntityAssociationAndCallSite() {
        try (ConfigurableApplicationContext context = start()) {
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            touchEveryAuthorsBooks(context);

            List<Counter> counters = registry.find("eagerdsl.lazy.loads").counters().stream().toList();
            assertThat(counters).hasSize(1);
            Counter counter = counters.get(0);
            assertThat(counter.count()).isEqualTo(3.0);
            assertThat(counter.getId().getTag("entity")).isEqualTo("Author");
            assertThat(counter.getId().getTag("association")).isEqualTo("books");
            assertThat(counter.getId().getTag("call.site"))
                    .startsWith("LazyLoadMetricsTest.lambda$touchEveryAuthorsBooks")
                    .contains("(LazyLoadMetricsTest.java:");
        }
    }

    @Test
    void whatAnAnnotatedMethodLoadedIsNotCounted() {
        try (ConfigurableApplicationContext context = start()) {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            AuthorRepository authors = context.getBean(AuthorRepository.class);

            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                for (Author a : authors.findByNameStartingWithOrderById("")) {
                    a.getBooks().forEach(b -> b.getTags().size());
                }
            });

            assertThat(registry.find("eagerdsl.lazy.loads").counters()).isEmpty();
        }
    }

    @Test
    void closingTheContextStopsCounting() {
        MeterRegistry registry;
        ConfigurableApplicationContext context = start();
        registry = context.getBean(MeterRegistry.class);
        touchEveryAuthorsBooks(context);
        context.close();

        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ShopApplication.class)
                .web(WebApplicationType.NONE).initializers(new TestDatabase()).properties("eagerdsl.guard=warn").run()) {
            touchEveryAuthorsBooks(other);
        }

        assertThat(registry.find("eagerdsl.lazy.loads").counter().count()).isEqualTo(3.0);
    }
}
