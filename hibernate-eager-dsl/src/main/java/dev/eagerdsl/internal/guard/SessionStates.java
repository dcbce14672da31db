package dev.eagerdsl.internal.guard;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * One {@link SessionState} per open session, released when the session closes (a
 * {@link SessionEventListener} registered on first use); weakly keyed as a second line of defence.
 */
final class SessionStates {

    private static final Map<Object, SessionState> STATES = Collections.synchronizedMap(new WeakHashMap<>());

    private SessionStates() {
    }

    static SessionState of(SharedSessionContractImplementor session) {
        SessionState s = STATES.get(session);
        if (s == null) {
            s = new SessionState();
            STATES.put(session, s);
            SessionState state = s;
            session.getEventListenerManager().addListener(new SessionEventListener() {
                private static final long serialVersionUID = 1L;

                @Override
                public void end() {
                    STATES.remove(session);
                    GuardLog.sessionClosed(state);
                }
            });
        }
        return s;
    }

    static SessionState ifPresent(SharedSessionContractImplementor session) {
        return session == null ? null : STATES.get(session);
    }

    /** @return how many sessions the guard is tracking (for tests: back to 0 once sessions close) */
    static int tracked() {
        return STATES.size();
    }
}
