package dev.eagerdsl.internal.guard;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Map keys that compare an object by identity: {@link Weak} to store it without keeping it alive (a session, a
 * collection), {@link Probe} to look it up without allocating a reference. Identity, not {@code equals}: a
 * {@code PersistentSet}'s {@code hashCode()} would read (and initialize) it.
 */
final class IdentityKeys {

    private IdentityKeys() {
    }

    /** An object by identity, weakly: a stored key. */
    static final class Weak extends WeakReference<Object> {
        private final int hash;

        Weak(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            Object mine = get();
            if (mine == null) {
                return false;
            }
            return o instanceof Weak w ? mine == w.get() : o instanceof Probe p && mine == p.referent;
        }
    }

    /** An object by identity, strongly, for a lookup only. */
    static final class Probe {
        private final Object referent;

        Probe(Object referent) {
            this.referent = referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Weak w ? w.get() == referent : o instanceof Probe p && p.referent == referent;
        }
    }
}
