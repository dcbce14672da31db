package dev.eagerdsl.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eagerdsl.LazyLoadException;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.spring.app.Book;
import dev.eagerdsl.spring.app.PlainBookRepository;
import dev.eagerdsl.spring.app.ShopApplication;
import dev.eagerdsl.spring.app.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Boot property {@code eagerdsl.guard}: sets the guard's mode, over the Hibernate setting
 * {@code spring.jpa.properties.eagerdsl.guard}; a wrong value stops the start; IDEs find it in the
 * configuration metadata.
 */
class GuardPropertyTest {

    private LazyLoadGuard.Mode before;

    @BeforeEach
    void remember() {
        before = LazyLoadGuard.mode();
    }

    @AfterEach
    void restore() {
        LazyLoadGuard.setMode(before);
    }

    static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(ShopApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new TestDatabase())
                .properties(properties)
                .run();
    }

    /** The N+1: every book's tags touched one by one after Spring Data's plain findAll(). */
    static void touchEveryBooksTags(ConfigurableApplicationContext context) {
        PlainBookRepository books = context.getBean(PlainBookRepository.class);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            for (Book b : books.findAll()) {
                b.getTags().size();
            }
        });
    }

    @Test
    void strictMakesAnNPlusOneThrow() {
        try (ConfigurableApplicationContext context = start("eagerdsl.guard=strict")) {
            assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.STRICT);
            assertThat(LazyLoadGuard.isInstalled()).isTrue();
            assertThatThrownBy(() -> touchEveryBooksTags(context))
                    .isInstanceOf(LazyLoadException.class)
                    .hasMessageContaining("Book.tags")
                    .hasMessageContaining("Related.prefetch(\"tags\")");
        }
    }

    @Test
    void fetchPeersLoadsEveryBooksTagsAtTheFirstTouch() {
        try (ConfigurableApplicationContext context = start("eagerdsl.guard=fetch_peers")) {
            assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.FETCH_PEERS);
            PlainBookRepository books = context.getBean(PlainBookRepository.class);
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                var all = books.findAll();
                assertThat(all).hasSizeGreaterThan(1);
                all.get(0).getTags().size();
                assertThat(all).allSatisfy(b -> assertThat(org.hibernate.Hibernate.isInitialized(b.getTags())).isTrue());
            });
        }
    }

    @Test
    void theBootPropertyWinsOverTheHibernateSetting() {
        try (ConfigurableApplicationContext context = start("eagerdsl.guard=off", "spring.jpa.properties.eagerdsl.guard=strict")) {
            assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.OFF);
            touchEveryBooksTags(context); // no exception
        }
        try (ConfigurableApplicationContext context = start("eagerdsl.guard=strict", "spring.jpa.properties.eagerdsl.guard=off")) {
            assertThat(LazyLoadGuard.mode()).isEqualTo(LazyLoadGuard.Mode.STRICT);
        }
    }

    @Test
    void withoutTheBootPropertyTheHibernateSettingStillApplies() {
        // no mode set in code (which would win over the Hibernate setting): the factory's own setting applies to it
        LazyLoadGuard.clearMode();
        try (ConfigurableApplicationContext context = start("spring.jpa.properties.eagerdsl.guard=strict")) {
            assertThat(LazyLoadGuard.mode(context.getBean(jakarta.persistence.EntityManagerFactory.class)))
                    .isEqualTo(LazyLoadGuard.Mode.STRICT);
            assertThatThrownBy(() -> touchEveryBooksTags(context)).isInstanceOf(LazyLoadException.class);
        }
    }

    @Test
    void aWrongValueStopsTheStart() {
        Throwable failure = catchThrowable(() -> start("eagerdsl.guard=loud").close());

        assertThat(failure).isNotNull();
        assertThat(failure).hasStackTraceContaining("Failed to bind properties under 'eagerdsl.guard' to dev.eagerdsl.LazyLoadGuard$Mode");
        assertThat(failure).rootCause().hasMessageContaining("loud");
    }

    @Test
    void idesFindThePropertiesInTheConfigurationMetadata() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"name\": \"eagerdsl.guard\"", "\"type\": \"dev.eagerdsl.LazyLoadGuard$Mode\"",
                    "\"name\": \"eagerdsl.stream-chunk-size\"");
        }
    }
}
