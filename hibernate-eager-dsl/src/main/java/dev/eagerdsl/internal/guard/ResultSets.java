package dev.eagerdsl.internal.guard;

import java.util.List;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.EntityHolder;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.spi.NavigablePath;
import org.hibernate.sql.results.graph.entity.EntityInitializer;
import org.hibernate.sql.results.jdbc.spi.JdbcValuesSourceProcessingState;

/**
 * Once per result set, when Hibernate finishes it ({@code PersistenceContext#postLoad}): marks each
 * entity it loaded with its {@link Group} and its path from the query's root, in the entity's own
 * {@link EntityEntry}: the path of the statement's root (the query's root; the place a lazy load
 * loads into; for a plan's level, the place {@link PlanScope#base()} names) followed by the entity's
 * place inside the statement. One small object per entity and no lookup: nothing else happens until
 * a lazy load asks.
 */
final class ResultSets {

    private ResultSets() {
    }

    static void finished(Object processingState) {
        JdbcValuesSourceProcessingState ps = (JdbcValuesSourceProcessingState) processingState;
        List<EntityHolder> holders = ps.getLoadingEntityHolders();
        if (holders == null || holders.isEmpty()) {
            return;
        }
        SharedSessionContractImplementor session = ps.getSession();
        GuardHooks.Loading top = GuardHooks.loadingOn(session);
        Group group = top != null ? top.childGroup() : null;
        // below a lazy load: where it loads; in a plan's level: where that level's statement starts (its owners or its targets)
        PathInfo base = top != null && top.childPath() != null ? top.childPath() : PlanScope.base();
        boolean lazy = top != null;
        if (group == null) {
            group = EagerSelects.groupOf(ps);
        }
        // the session's state is only needed on the lazy path (rare): a query's result set does not look it up
        SessionState state = lazy ? SessionStates.of(session) : null;
        // the initializers of one statement are few: their paths are worked out once each
        NavigablePath[] navs = new NavigablePath[4];
        PathInfo[] paths = new PathInfo[4];
        int known = 0;
        NavigablePath lastNav = null;
        PathInfo lastPath = base;
        EntityPersister lastPersister = null;
        boolean holdsToOnes = false;
        int run = 0;
        for (int i = 0, n = holders.size(); i < n; i++) {
            EntityHolder h = holders.get(i);
            EntityEntry entry = h.getEntityEntry();
            if (entry == null || h.getEntity() == null) {
                continue;
            }
            EntityInitializer<?> init = h.getEntityInitializer();
            NavigablePath nav = init == null ? null : init.getNavigablePath();
            if (nav != lastNav) {
                lastNav = nav;
                lastPath = null;
                for (int k = 0; k < known; k++) {
                    if (navs[k] == nav) {
                        lastPath = paths[k];
                        break;
                    }
                }
                if (lastPath == null) {
                    lastPath = Paths.below(base, nav);
                    if (known == navs.length) {
                        navs = java.util.Arrays.copyOf(navs, known * 2);
                        paths = java.util.Arrays.copyOf(paths, known * 2);
                    }
                    navs[known] = nav;
                    paths[known++] = lastPath;
                }
            }
            EntityPersister persister = h.getDescriptor();
            if (persister != lastPersister) {
                if (run > 0) {
                    group.addAll(lastPersister.getRootEntityName(), run);
                }
                lastPersister = persister;
                holdsToOnes = lazy && ProxyOwners.holdsToOnes(persister);
                run = 0;
            }
            run++;
            Member m = Member.of(entry);
            if (m == null) {
                entry.addExtraState(new Member(group, lastPath));
            } else {
                m.group = group;
                m.path = lastPath;
            }
            if (holdsToOnes) {
                state.pending(session, h.getEntity(), entry);
            } else if (lazy) {
                // an entity without to-ones holds no proxy: nothing for ProxyOwners to look at, counted as looked at
                state.indexedWithoutLook();
            }
        }
        if (run > 0) {
            group.addAll(lastPersister.getRootEntityName(), run);
        }
    }
}
