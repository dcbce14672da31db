package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.matcher.ElementMatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard's state: mode, instrumentation, subscribers. {@link #tracking()} is the one volatile
 * read the instrumented Hibernate code pays when the guard is OFF.
 */
public final class Guard {

    static final Logger LOG = LoggerFactory.getLogger("dev.eagerdsl.LazyLoad");

    private static volatile LazyLoadGuard.Mode mode = LazyLoadGuard.Mode.WARN;
    private static volatile boolean installed;
    /** installed and not OFF: the only thing the hooks read on the fast path */
    private static volatile boolean tracking;
    private static final List<Subscriber> SUBSCRIBERS = new CopyOnWriteArrayList<>();

    private Guard() {
    }

    /** @return whether lazy loads are being watched (installed and not OFF) */
    public static boolean tracking() {
        return tracking;
    }

    /** {@code LazyLoadGuard.install()} */
    public static synchronized boolean install() {
        if (installed) {
            return true;
        }
        Instrumentation inst;
        try {
            inst = ByteBuddyAgent.install();
        } catch (Throwable e) {
            LOG.warn("EAGER-103 LazyLoadGuard cannot attach to this JVM ({}): lazy loads are not watched. Start the JVM with"
                    + " -javaagent:/path/to/hibernate-eager-dsl.jar (the library jar is also an agent); on JDK 21+ you may instead add"
                    + " -XX:+EnableDynamicAgentLoading.", e.toString());
            return false;
        }
        return install(inst);
    }

    /** Instruments Hibernate with the given instrumentation (from {@code install()} or the {@code -javaagent}). */
    public static synchronized boolean install(Instrumentation inst) {
        if (installed) {
            return true;
        }
        try {
            new AgentBuilder.Default()
                    .disableClassFormatChanges()
                    .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                    .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                    .type(ElementMatchers.named("org.hibernate.collection.spi.AbstractPersistentCollection"))
                    .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.CollectionInit.class)
                            .on(ElementMatchers.named("initialize").and(ElementMatchers.takesArguments(boolean.class)))))
                    .type(ElementMatchers.named("org.hibernate.proxy.AbstractLazyInitializer"))
                    .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.ProxyInit.class)
                            .on(ElementMatchers.named("initialize").and(ElementMatchers.takesArguments(0)))))
                    .type(ElementMatchers.named("org.hibernate.engine.internal.StatefulPersistenceContext"))
                    .transform((builder, type, loader, module, domain) -> builder
                            .visit(Advice.to(Advices.ResultSetFinished.class).on(ElementMatchers.named("postLoad")
                                    .and(ElementMatchers.takesArguments(2))
                                    .and(ElementMatchers.takesArgument(0, ElementMatchers.named(
                                            "org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState")))))
                            .visit(Advice.to(Advices.Cleared.class).on(ElementMatchers.named("clear").and(ElementMatchers.takesArguments(0)))))
                    .type(ElementMatchers.named("org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor"))
                    .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.EnhancedProxyInit.class)
                            .on(ElementMatchers.named("forceInitialize").and(ElementMatchers.takesArguments(4)))))
                    .type(ElementMatchers.named("org.hibernate.sql.results.graph.entity.internal.EntitySelectFetchInitializer"))
                    .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.EagerToOne.class)
                            .on(ElementMatchers.named("initialize").and(ElementMatchers.takesArguments(4)))))
                    .installOn(inst);
        } catch (Throwable e) {
            LOG.warn("EAGER-103 LazyLoadGuard could not instrument Hibernate ({}): lazy loads are not watched; the application runs on.",
                    e.toString());
            return false;
        }
        installed = true;
        tracking = mode != LazyLoadGuard.Mode.OFF;
        dev.eagerdsl.internal.exec.ExecScope.listen(PlanScope.INSTANCE);
        LOG.debug("EAGER-106 LazyLoadGuard installed, mode {}", mode);
        return true;
    }

    /** @return whether Hibernate is instrumented */
    public static boolean isInstalled() {
        return installed;
    }

    /** {@code LazyLoadGuard.setMode} */
    public static void setMode(LazyLoadGuard.Mode m) {
        if (m == null) {
            throw new IllegalArgumentException("LazyLoadGuard.setMode(null): pass OFF, WARN or STRICT.");
        }
        mode = m;
        tracking = installed && m != LazyLoadGuard.Mode.OFF;
    }

    /** @return the mode */
    public static LazyLoadGuard.Mode mode() {
        return mode;
    }

    /** {@code LazyLoadGuard.subscribe} */
    public static LazyLoadGuard.Subscription subscribe(Consumer<? super LazyLoad> subscriber) {
        if (subscriber == null) {
            throw new IllegalArgumentException("LazyLoadGuard.subscribe(null): pass a Consumer<LazyLoad>.");
        }
        Subscriber s = new Subscriber(subscriber);
        SUBSCRIBERS.add(s);
        return () -> SUBSCRIBERS.remove(s);
    }

    /** Delivers an event to every subscriber; a subscriber that throws is logged once and ignored. */
    static void publish(LazyLoad event) {
        LazyLoadEvent.record(event);
        for (Subscriber s : SUBSCRIBERS) {
            try {
                s.consumer.accept(event);
            } catch (RuntimeException | Error e) {
                if (!s.failed) {
                    s.failed = true;
                    LOG.warn("EAGER-104 A LazyLoadGuard subscriber threw {}; it is ignored from now on for this kind of failure,"
                            + " and the application runs on.", e.toString(), e);
                }
            }
        }
    }

    private static final class Subscriber {
        final Consumer<? super LazyLoad> consumer;
        volatile boolean failed;

        Subscriber(Consumer<? super LazyLoad> consumer) {
            this.consumer = consumer;
        }
    }
}
