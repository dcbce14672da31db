package dev.eagerdsl.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which frames are framework frames: the class names as they appear in real stacks. */
class CallSitesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "org.springframework.data.jpa.repository.support.SimpleJpaRepository",
            "org.springframework.data.jpa.repository.query.JpaQueryExecution$PagedExecution",
            "org.springframework.aop.framework.ReflectiveMethodInvocation",
            "org.springframework.transaction.interceptor.TransactionInterceptor",
            "org.springframework.dao.support.PersistenceExceptionTranslationInterceptor",
            "jdk.proxy2.$Proxy123",
            "com.sun.proxy.$Proxy45",
            "com.acme.$Proxy7",
            "com.acme.BookService$$SpringCGLIB$$0",
            "com.acme.BookService$$EnhancerBySpringCGLIB$$1a2b",
            "com.acme.Book$HibernateProxy$Xyz12",
            "com.acme.Book$ByteBuddy$abc",
            "java.lang.reflect.Method",
            "jdk.internal.reflect.DirectMethodHandleAccessor",
            "org.hibernate.collection.spi.AbstractPersistentCollection",
            "dev.eagerdsl.internal.exec.Run",
            "dev.eagerdsl.FetchPlan"})
    void frameworkProxyReflectionAndLibraryFramesAreSkipped(String className) {
        assertThat(CallSites.skipped(className)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.acme.BookController", "com.acme.repository.BookRepositoryCustomImpl", "dev.eagerdsl.guard.CallSiteTest",
            "org.springframeworkish.Foo"})
    void theApplicationsFramesAreKept(String className) {
        assertThat(CallSites.skipped(className)).isFalse();
    }
}
