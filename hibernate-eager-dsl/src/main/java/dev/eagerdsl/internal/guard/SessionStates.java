package dev.eagerdsl.internal.guard;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * One {@link SessionState} per open session, released when the session closes (a
 * {@link SessionEventListener} registered on first use); weakly keyed as a second line of defence.
 * Lock-free: sessions on other threads never wait for each other.
 */
final class SessionStates {

    private static final ConcurrentHashMap<Object, SessionState> STATES = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();

    private SessionStates() {
    }

    /** the last session this thread asked for and its state: a lazy load asks several times, with no lookup after the first */
    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private record Last(IdentityKeys.Weak session, SessionState state) {
    }

    static SessionState of(SharedSessionContractImplementor session) {
        Last last = LAST.get();
        if (last != null && last.session().get() == session && !last.state().ended) {
            return last.state();
        }
        SessionState s = STATES.get(new IdentityKeys.Probe(session));
        if (s == null) {
            expunge();
            s = new SessionState();
            IdentityKeys.Weak key = new IdentityKeys.Weak(session, COLLECTED);
            STATES.put(key, s);
            SessionState state = s;
            session.getEventListenerManager().addListener(new SessionEventListener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void end() {
                    state.ended = true;
                    STATES.remove(key);
                    GuardLog.sessionClosed(state);
                    UnusedPrefetches.sessionClosed(state);
                    // a thread's last-session slot may still point here: keep no entity past the session
                    state.cleared();
                }
            });
        }
        LAST.set(new Last(new IdentityKeys.Weak(session, null), s));
        return s;
    }

    static SessionState ifPresent(SharedSessionContractImplementor session) {
        // a clear of a session the guard never needed (no lazy load, the common case) looks nothing up
        return session == null || STATES.isEmpty() ? null : STATES.get(new IdentityKeys.Probe(session));
    }

    /** @return how many sessions the guard is tracking (for tests: back to 0 once sessions close) */
    static int tracked() {
        expunge();
        return STATES.size();
    }

    private static void expunge() {
        for (Reference<?> r; (r = COLLECTED.poll()) != null; ) {
            STATES.remove(r);
        }
    }
}
