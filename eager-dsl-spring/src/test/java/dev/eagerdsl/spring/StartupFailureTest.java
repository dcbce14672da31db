package dev.eagerdsl.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eagerdsl.RelatedException;
import dev.eagerdsl.spring.app.Book;
import dev.eagerdsl.spring.app.TestDatabase;
import dev.eagerdsl.spring.bad.BadRepositories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * A wrong path in {@code @SelectRelated} / {@code @PrefetchRelated} stops the application context
 * from starting, with the library's message and the repository method named: never at request time.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    @EnableJpaRepositories(basePackageClasses = BadRepositories.class, considerNestedRepositories = true,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadRepositories.Typo.class))
    static class Typo {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    @EnableJpaRepositories(basePackageClasses = BadRepositories.class, considerNestedRepositories = true,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadRepositories.CollectionSelected.class))
    static class CollectionSelected {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    @EnableJpaRepositories(basePackageClasses = BadRepositories.class, considerNestedRepositories = true,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadRepositories.NestedTypo.class))
    static class NestedTypo {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    @EnableJpaRepositories(basePackageClasses = BadRepositories.class, considerNestedRepositories = true,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadRepositories.NativeQuery.class))
    static class NativeQuery {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @AutoConfigurationPackage(basePackageClasses = Book.class)
    @EnableJpaRepositories(basePackageClasses = BadRepositories.class, considerNestedRepositories = true,
            includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BadRepositories.FindByIdWithGraph.class))
    static class FindByIdWithGraph {
    }

    /** Starts an application with {@code config}; returns the plan error that stopped it. */
    static RelatedException startFails(Class<?> config) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(config)
                .web(WebApplicationType.NONE)
                .initializers(new TestDatabase())
                .properties("spring.main.banner-mode=off", "spring.sql.init.mode=never")
                .run()
                .close());
        assertThat(failure).as("the application started").isNotNull();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RelatedException e && e.getClass().getSimpleName().equals("RepositoryPlanException")) {
                return e;
            }
        }
        throw new AssertionError("no RepositoryPlanException in the chain", failure);
    }

    @Test
    void aTypoStopsTheStartWithTheLibrarysMessageAndTheMethod(CapturedOutput output) {
        RelatedException e = startFails(Typo.class);

        assertThat(e).hasMessage("@SelectRelated(\"autor\") on Typo.findByTitle(String): Invalid path 'autor' for Book: no attribute 'autor'."
                + " Choices are: author, tags. Did you mean 'author'?");
        assertThat(output).contains("APPLICATION FAILED TO START", e.getMessage(), "Correct @SelectRelated(\"autor\") on Typo.findByTitle(String)");
    }

    @Test
    void aCollectionInSelectRelatedStopsTheStart() {
        RelatedException e = startFails(CollectionSelected.class);

        assertThat(e).hasMessage("@SelectRelated(\"tags\") on CollectionSelected.findByPriceIsNull(): Cannot select('tags') on Book:"
                + " 'tags' is a collection (to-many). Use prefetch(\"tags\").");
    }

    @Test
    void aTypoFurtherDownAPrefetchPathStopsTheStart() {
        RelatedException e = startFails(NestedTypo.class);

        assertThat(e).hasMessage("@PrefetchRelated(\"author.awrds\") on NestedTypo.findAll(): Invalid path 'author.awrds' for Book:"
                + " no attribute 'awrds' on Author. Choices are: awards, books, publisher. Did you mean 'awards'?");
    }

    @Test
    void aNativeQueryCannotTakeAPlan() {
        RelatedException e = startFails(NativeQuery.class);

        assertThat(e).hasMessage("@PrefetchRelated(\"tags\") on NativeQuery.everything(): a native SQL query cannot take a plan."
                + " Write the query in JPQL (@Query(\"select b from Book b ...\")), or load the associations with"
                + " Related.prefetchObjects(em, results, paths).");
    }

    @Test
    void findByIdWithAnEntityGraphOfSpringsCannotAlsoTakeAPlan() {
        RelatedException e = startFails(FindByIdWithGraph.class);

        assertThat(e).hasMessage("@SelectRelated(\"author\") on FindByIdWithGraph.findById(Long): findById with @EntityGraph runs as"
                + " EntityManager.find with Spring Data's hints, which a plan cannot merge with its own. Keep one: the plan's"
                + " annotations, or @EntityGraph alone.");
    }
}
