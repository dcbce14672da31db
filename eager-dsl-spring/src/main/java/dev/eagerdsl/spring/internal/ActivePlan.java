package dev.eagerdsl.spring.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The plan of the repository method running on this thread: set around the method by
 * {@link PlanInterceptor}, read by {@link PlanningEntityManager} when Spring Data creates the
 * method's query.
 */
final class ActivePlan {

    private static final ThreadLocal<MethodPlan> CURRENT = new ThreadLocal<>();

    private ActivePlan() {
    }

    /** @return the plan of the repository method running on this thread, or {@code null} */
    static MethodPlan current() {
        return CURRENT.get();
    }

    /**
     * Runs a repository method with its plan (or none: a method without one hides the plan of a
     * repository method that called it). A plan runs several statements on one persistence context:
     * without a transaction, one {@code EntityManager} is bound for the call, as Spring's
     * open-in-view does.
     */
    static Object run(MethodPlan plan, EntityManagerFactory emf, MethodInvocation invocation) throws Throwable {
        MethodPlan outer = CURRENT.get();
        if (plan == null && outer == null) {
            return invocation.proceed();
        }
        set(plan);
        EntityManager opened = null;
        try {
            if (plan != null && !TransactionSynchronizationManager.hasResource(emf)) {
                opened = emf.createEntityManager();
                TransactionSynchronizationManager.bindResource(emf, new EntityManagerHolder(opened));
            }
            return invocation.proceed();
        } finally {
            if (opened != null) {
                TransactionSynchronizationManager.unbindResource(emf);
                EntityManagerFactoryUtils.closeEntityManager(opened);
            }
            set(outer);
        }
    }

    private static void set(MethodPlan plan) {
        if (plan == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(plan);
        }
    }
}
