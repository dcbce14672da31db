package dev.eagerdsl.internal.exec;

import dev.eagerdsl.RelatedException;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.query.spi.DomainQueryExecutionContext;

/** Finds the Hibernate session behind what the user passed, and refuses a closed one. */
final class Sessions {

    private Sessions() {
    }

    static SharedSessionContractImplementor of(EntityManager em, String call) {
        if (em == null) {
            throw new RelatedException(call + " was given a null Session/EntityManager: pass the open session that should load the entities.");
        }
        if (!em.isOpen()) {
            throw closed(call);
        }
        SharedSessionContractImplementor s = em.unwrap(SharedSessionContractImplementor.class);
        return open(s, call);
    }

    static SharedSessionContractImplementor ofQuery(Object query, String call) {
        if (query == null) {
            throw new RelatedException(call + " was given a null query: pass a query created by session.createQuery(hql, Root.class).");
        }
        SharedSessionContractImplementor s;
        if (query instanceof DomainQueryExecutionContext ctx) {
            s = ctx.getSession();
        } else {
            try {
                s = ((jakarta.persistence.Query) query).unwrap(DomainQueryExecutionContext.class).getSession();
            } catch (RuntimeException e) {
                throw new RelatedException(call + " was given a " + query.getClass().getName()
                        + ", which is not a Hibernate HQL/JPQL/criteria query. Native SQL queries cannot take a plan: use session.createQuery(hql, Root.class).", e);
            }
        }
        return open(s, call);
    }

    private static SharedSessionContractImplementor open(SharedSessionContractImplementor s, String call) {
        if (s == null || s.isClosed()) {
            throw closed(call);
        }
        if (!(s instanceof Session)) {
            throw new RelatedException(call + " needs a Session: a StatelessSession has no persistence context, so there is nothing to "
                    + "prefetch into. Use a Session, or join fetch in the stateless query.");
        }
        return s;
    }

    private static RelatedException closed(String call) {
        return new RelatedException("The Session/EntityManager is closed: " + call + " needs an open one. Run the plan inside the session's "
                + "scope (before close(), inside the transaction or @Transactional method), or open a new session.");
    }
}
