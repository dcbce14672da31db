package dev.eagerdsl.internal.guard;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.utility.JavaModule;

/**
 * Byte Buddy's part: the advice on Hibernate's two lazy-initialization methods, and an
 * {@link AgentBuilder.Listener} that records which of the two classes were really transformed and
 * which failed, so that the guard counts as installed only when both were.
 *
 * <p>Self-contained (Byte Buddy, {@link Advices} and the JDK only): the agent jar carries this class,
 * {@link Advices} and {@link AgentMain} relocated beside its relocated Byte Buddy, and the advice's calls to
 * {@code GuardHooks} resolve in Hibernate's class loader, to the application's copy of the library.
 */
final class GuardInstrumentation {

    static final String COLLECTION = "org.hibernate.collection.spi.AbstractPersistentCollection";
    static final String PROXY = "org.hibernate.proxy.AbstractLazyInitializer";

    private static final Set<String> TRANSFORMED = ConcurrentHashMap.newKeySet();
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();
    private static volatile Runnable onBothTransformed = () -> { };
    private static volatile Runnable onFailure = () -> { };

    private GuardInstrumentation() {
    }

    /**
     * Registers the transformer (already loaded classes are retransformed at once, the others when they load).
     *
     * @param whenDone run once both classes are transformed (possibly on the thread loading a Hibernate class)
     */
    static void register(Instrumentation inst, Runnable whenDone, Runnable whenFailed) {
        onFailure = whenFailed;
        onBothTransformed = whenDone;
        newAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.REDEFINE)
                .with(new Listener())
                .type(ElementMatchers.named(COLLECTION))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.CollectionInit.class)
                        .on(ElementMatchers.named("initialize").and(ElementMatchers.takesArguments(boolean.class))))
                        // a loaded collection read or changed (the unused-prefetch report)
                        .visit(Advice.to(Advices.CollectionRead.class).on(ElementMatchers.named("initialize")
                                .and(ElementMatchers.takesArguments(boolean.class))
                                .or(ElementMatchers.named("readSize").and(ElementMatchers.takesArguments(0)))
                                .or(ElementMatchers.namedOneOf("readElementExistence", "readIndexExistence", "readElementByIndex")
                                        .and(ElementMatchers.takesArguments(1))))))
                .type(ElementMatchers.named(PROXY))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.ProxyInit.class)
                        .on(ElementMatchers.named("initialize").and(ElementMatchers.takesArguments(0)))))
                // once per result set: the entities it loaded are marked (no per-entity listener)
                .type(ElementMatchers.named("org.hibernate.engine.internal.StatefulPersistenceContext"))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(Advices.ResultSetFinished.class).on(ElementMatchers.named("postLoad")
                                .and(ElementMatchers.takesArguments(2))
                                .and(ElementMatchers.takesArgument(0, ElementMatchers.named(
                                        "org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState")))))
                        .visit(Advice.to(Advices.Cleared.class).on(ElementMatchers.named("clear").and(ElementMatchers.takesArguments(0)))))
                // Hibernate's cascades walk collections: not the application reading them (the unused-prefetch report)
                .type(ElementMatchers.named("org.hibernate.engine.internal.Cascade"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.CascadeWalk.class)
                        .on(ElementMatchers.named("cascade").and(ElementMatchers.isStatic()))))
                // a bytecode-enhanced entity's lazy to-one (not a HibernateProxy)
                .type(ElementMatchers.named("org.hibernate.bytecode.enhance.spi.interceptor.EnhancementAsProxyLazinessInterceptor"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.EnhancedProxyInit.class)
                        .on(ElementMatchers.named("forceInitialize").and(ElementMatchers.takesArguments(4)))))
                // an EAGER to-one Hibernate selects on its own while it reads a row
                .type(ElementMatchers.named("org.hibernate.sql.results.graph.entity.internal.EntitySelectFetchInitializer"))
                .transform((builder, type, loader, module, domain) -> builder.visit(Advice.to(Advices.EagerToOne.class)
                        .on(ElementMatchers.named("initialize").and(ElementMatchers.takesArguments(4)))))
                .installOn(inst);
    }

    /**
     * {@code new AgentBuilder.Default()} creates Byte Buddy's Nexus accessor (for initializers of generated types,
     * which this instrumentation never needs: it only inlines advice), whose set-up reaches for
     * {@code sun.misc.Unsafe}; JDK 24+ print a four-line warning for that. When nobody set
     * {@code net.bytebuddy.nexus.disabled}, it is set for that moment and removed again. (In the agent jar the
     * string is relocated with Byte Buddy: there it only concerns the agent's own copy.)
     */
    private static AgentBuilder newAgentBuilder() {
        String key = "net.bytebuddy.nexus.disabled";
        if (Runtime.version().feature() < 24 || System.getProperty(key) != null) {
            return new AgentBuilder.Default();
        }
        System.setProperty(key, "true");
        try {
            return new AgentBuilder.Default();
        } finally {
            System.clearProperty(key);
        }
    }

    /** @return whether Hibernate's classes are visible to this library (false in an agent jar outside the application's loader) */
    static boolean loadTargets() {
        try {
            ClassLoader loader = GuardInstrumentation.class.getClassLoader();
            Class.forName(COLLECTION, false, loader);
            Class.forName(PROXY, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static boolean done() {
        return TRANSFORMED.contains(COLLECTION) && TRANSFORMED.contains(PROXY);
    }

    /** @return the failures reported so far, each "class: cause" */
    static List<String> failures() {
        return List.copyOf(FAILURES);
    }

    private static final class Listener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            boolean before = done();
            TRANSFORMED.add(type.getName());
            if (!before && done()) {
                onBothTransformed.run();
            }
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable throwable) {
            FAILURES.add(typeName + ": " + throwable);
            onFailure.run();
        }
    }
}
