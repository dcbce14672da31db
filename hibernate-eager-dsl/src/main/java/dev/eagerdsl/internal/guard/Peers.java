package dev.eagerdsl.internal.guard;

import dev.eagerdsl.internal.exec.PeerLoads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * {@code FETCH_PEERS}: at the first N+1-shaped load of an association, the owner's peers — the
 * entities of the same result set ({@link Group}) and hierarchy still in the session — get that
 * association loaded at once by the engine ({@link PeerLoads}), so the loop that touches it on each
 * of them runs no further statement. Evicted peers are not in the session any more and are left
 * alone; peers whose association is loaded already are skipped by the engine. Runs once per
 * association and result set, when the N+1 happens: a scan of the persistence context, nothing on
 * the hot path.
 */
final class Peers {

    private Peers() {
    }

    /**
     * @param session the session
     * @param group the result set the owner came from
     * @param rootEntity the owner's hierarchy root
     * @return the managed entities of {@code group} in that hierarchy, the owner among them
     */
    static List<Object> of(SharedSessionContractImplementor session, Group group, String rootEntity) {
        int expected = group.count(rootEntity);
        List<Object> peers = new ArrayList<>(expected);
        for (Map.Entry<Object, EntityEntry> e : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            EntityEntry entry = e.getValue();
            Member m = Member.of(entry);
            if (m != null && m.group == group && entry.getPersister().getRootEntityName().equals(rootEntity)
                    && !entry.getStatus().isDeletedOrGone()) {
                peers.add(e.getKey());
            }
        }
        return peers;
    }

    /** @return how many collections were loaded */
    static int collection(SharedSessionContractImplementor session, Group group, String rootEntity, String role, String attribute) {
        return PeerLoads.collection(session, role, attribute, of(session, group, rootEntity));
    }

    /** @return how many distinct targets were loaded */
    static int toOne(SharedSessionContractImplementor session, Group group, String rootEntity, String attribute) {
        return PeerLoads.toOne(session, attribute, of(session, group, rootEntity));
    }
}
