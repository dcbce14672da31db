package dev.eagerdsl.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Boot's "APPLICATION FAILED TO START" report for a wrong {@code @SelectRelated} / {@code @PrefetchRelated}. */
final class PlanFailureAnalyzer extends AbstractFailureAnalyzer<RepositoryPlanException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RepositoryPlanException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct " + cause.annotations() + " on " + cause.method() + ": paths start at the entity the method returns;"
                        + " @SelectRelated takes to-one paths (joined into the query), @PrefetchRelated takes collections and"
                        + " to-ones (one extra statement per level).",
                cause);
    }
}
