package dev.eagerdsl.internal.guard;

import net.bytebuddy.asm.Advice;

/** The code Byte Buddy inlines into Hibernate's lazy initialization. It calls {@link GuardHooks} (and {@link UnusedHooks}) only. */
final class Advices {

    private Advices() {
    }

    /** {@code AbstractPersistentCollection#initialize(boolean)}: runs on loaded collections too, so look at the field. */
    static final class CollectionInit {

        private CollectionInit() {
        }

        @Advice.OnMethodEnter
        static boolean enter(@Advice.This Object collection, @Advice.FieldValue("initialized") boolean initialized) {
            return !initialized && GuardHooks.collectionLoading(collection);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter boolean pushed) {
            if (pushed) {
                GuardHooks.loadDone();
            }
        }
    }

    /**
     * {@code AbstractPersistentCollection}'s read paths, for the unused-prefetch report: {@code initialize(boolean)} (behind
     * {@code read()} and {@code write()}), {@code readSize()}, {@code readElementExistence}, {@code readIndexExistence},
     * {@code readElementByIndex}. Only a loaded collection counts (an unloaded one is being lazily loaded, not read).
     */
    static final class CollectionRead {

        private CollectionRead() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object collection, @Advice.FieldValue("initialized") boolean initialized) {
            if (initialized) {
                UnusedHooks.collectionRead(collection);
            }
        }
    }

    /**
     * {@code org.hibernate.engine.internal.Cascade#cascade(...)}: Hibernate walking collections for a cascade (persist, merge,
     * remove, and at every flush the transient-reference check over all of them): not the application reading them.
     */
    static final class CascadeWalk {

        private CascadeWalk() {
        }

        @Advice.OnMethodEnter
        static boolean enter() {
            return UnusedHooks.cascadeStarts();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter boolean counted) {
            if (counted) {
                UnusedHooks.cascadeEnds();
            }
        }
    }

    /** {@code AbstractLazyInitializer#initialize()}: runs twice per load, nested; the hook counts the outer call. */
    static final class ProxyInit {

        private ProxyInit() {
        }

        @Advice.OnMethodEnter
        static boolean enter(@Advice.This Object initializer, @Advice.FieldValue("initialized") boolean initialized) {
            return !initialized && GuardHooks.proxyLoading(initializer);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter boolean pushed) {
            if (pushed) {
                GuardHooks.loadDone();
            }
        }
    }

    /** {@code StatefulPersistenceContext#postLoad(JdbcValuesSourceProcessingState, Consumer)}: once per result set. */
    static final class ResultSetFinished {

        private ResultSetFinished() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.Argument(0) Object processingState) {
            GuardHooks.resultSetFinished(processingState);
        }
    }

    /** {@code StatefulPersistenceContext#clear()}. */
    static final class Cleared {

        private Cleared() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object persistenceContext) {
            GuardHooks.cleared(persistenceContext);
        }
    }

    /** {@code EntitySelectFetchInitializer#initialize(data, holder, session, persistenceContext)}: an EAGER to-one about to be selected. */
    static final class EagerToOne {

        private EagerToOne() {
        }

        @Advice.OnMethodEnter
        static boolean enter(@Advice.This Object initializer, @Advice.Argument(0) Object data, @Advice.Argument(1) Object holder) {
            return GuardHooks.eagerToOneLoading(initializer, data, holder);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter boolean pushed) {
            if (pushed) {
                GuardHooks.loadDone();
            }
        }
    }

    /**
     * {@code EnhancementAsProxyLazinessInterceptor#forceInitialize(Object, String, SharedSessionContractImplementor, boolean)}:
     * the load of a bytecode-enhanced entity that stands for a lazy to-one (not a {@code HibernateProxy}).
     */
    static final class EnhancedProxyInit {

        private EnhancedProxyInit() {
        }

        @Advice.OnMethodEnter
        static boolean enter(@Advice.This Object interceptor, @Advice.Argument(2) Object session) {
            return GuardHooks.enhancedProxyLoading(interceptor, session);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter boolean pushed) {
            if (pushed) {
                GuardHooks.loadDone();
            }
        }
    }
}
