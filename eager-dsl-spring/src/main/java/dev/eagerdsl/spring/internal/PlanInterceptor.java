package dev.eagerdsl.spring.internal;

import jakarta.persistence.EntityManagerFactory;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

/** Around every method of a repository: makes the method's plan (or none) the active one while it runs. */
final class PlanInterceptor implements MethodInterceptor {

    private final MethodPlans plans;
    private final EntityManagerFactory emf;

    PlanInterceptor(MethodPlans plans, EntityManagerFactory emf) {
        this.plans = plans;
        this.emf = emf;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        return ActivePlan.run(plans.of(invocation.getMethod()), emf, invocation);
    }
}
