package dev.eagerdsl.spring.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot auto-configuration of hibernate-eager-dsl: {@code @SelectRelated} /
 * {@code @PrefetchRelated} on every Spring Data JPA repository, the property {@code eagerdsl.guard},
 * and the Micrometer counter {@code eagerdsl.lazy.loads} where Micrometer is on the class path.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean")
@EnableConfigurationProperties(EagerDslProperties.class)
public class EagerDslAutoConfiguration {

    /** Static: a bean factory post-processor, created before the configuration class itself. */
    @Bean
    static FactoryBeanSwap eagerDslRepositoryFactoryBeanSwap() {
        return new FactoryBeanSwap();
    }

    @Bean
    GuardMode eagerDslGuardMode(EagerDslProperties properties) {
        return new GuardMode(properties);
    }

    /** The counter, where Micrometer is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class Metrics {

        @Bean
        LazyLoadMetrics eagerDslLazyLoadMetrics(ObjectProvider<MeterRegistry> registries) {
            return new LazyLoadMetrics(registries);
        }
    }
}
