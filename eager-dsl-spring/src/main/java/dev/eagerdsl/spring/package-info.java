/**
 * Spring Data JPA support of hibernate-eager-dsl: {@link dev.eagerdsl.spring.SelectRelated} and
 * {@link dev.eagerdsl.spring.PrefetchRelated} on repository query methods. Spring Boot's
 * auto-configuration applies them to every JPA repository; nothing else is public.
 *
 * @since 0.1.0
 */
package dev.eagerdsl.spring;
