package dev.eagerdsl.internal.guard;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityEntryExtraState;

/**
 * What the guard knows about one managed entity, kept in Hibernate's own per-entity state (an
 * {@link EntityEntry}'s extra state), so it is freed with the entry on evict, clear and close: the
 * result set ({@link Group}) that loaded it and where it sits below that query's root.
 */
final class Member implements EntityEntryExtraState {

    Group group;
    PathInfo path;
    private EntityEntryExtraState next;

    Member(Group group, PathInfo path) {
        this.group = group;
        this.path = path;
    }

    @Override
    public void addExtraState(EntityEntryExtraState extraState) {
        if (next == null) {
            next = extraState;
        } else {
            next.addExtraState(extraState);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends EntityEntryExtraState> T getExtraState(Class<T> extraStateType) {
        if (next == null) {
            return null;
        }
        if (extraStateType.isInstance(next)) {
            return (T) next;
        }
        return next.getExtraState(extraStateType);
    }

    /** @return the guard's state of {@code entry}, or {@code null} */
    static Member of(EntityEntry entry) {
        return entry == null ? null : entry.getExtraState(Member.class);
    }
}
