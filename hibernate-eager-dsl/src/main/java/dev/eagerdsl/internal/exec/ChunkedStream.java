package dev.eagerdsl.internal.exec;

import dev.eagerdsl.internal.plan.CompiledPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;

/**
 * {@code plan.stream(query, chunkSize)}: reads the user's query one keyset page of {@code chunkSize}
 * roots at a time ({@link Keyset}), runs the plan on that page, hands the roots out, then, before the
 * next page, flushes the session (unless its flush mode is MANUAL) and detaches everything the page
 * reached, so that the persistence context (and memory) stays at one chunk and no change made to a
 * streamed entity is lost.
 *
 * <p>Pages rather than one open cursor: detaching entities while Hibernate still reads rows of a
 * cursor leaves its row-processing state pointing at detached entities, which breaks the next rows.
 */
final class ChunkedStream<T> extends Spliterators.AbstractSpliterator<T> {

    private static final String CALL = "stream(query, chunkSize)";

    private final Keyset<T> keyset;
    private final CompiledPlan plan;
    private final Run run;
    private final SharedSessionContractImplementor session;
    private final int chunkSize;
    private final int maxResults;
    private int read;
    private boolean exhausted;
    /** The sort keys of the last row handed out, read when its page was loaded; {@code null} before the first page. */
    private Object[] last;
    private List<T> current = List.of();
    private int next;
    private List<Object> loaded = List.of();
    /**
     * Whether passed chunks are detached: only when the session held no entity when the stream
     * started. Detaching part of a graph that the user's own managed entities reference would leave
     * them pointing at detached entities (and cascades could re-insert them on flush).
     */
    private final boolean detach;

    private ChunkedStream(RootQuery<T> root, Run run, CompiledPlan plan, SharedSessionContractImplementor session, int chunkSize) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.keyset = Keyset.of(root, session, plan.root());
        this.plan = plan;
        this.run = run;
        this.session = session;
        this.chunkSize = chunkSize;
        this.maxResults = root.query().getMaxResults();
        var holders = session.getPersistenceContextInternal().getEntityHoldersByKey();
        this.detach = holders == null || holders.isEmpty();
    }

    static <T> Stream<T> of(RootQuery<T> root, Run run, CompiledPlan plan, SharedSessionContractImplementor session, int chunkSize) {
        ChunkedStream<T> s = new ChunkedStream<>(root, run, plan, session, chunkSize);
        return StreamSupport.stream(s, false).onClose(s::finishPrevious);
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (next >= current.size() && !fill()) {
            return false;
        }
        action.accept(current.get(next++));
        return true;
    }

    private boolean fill() {
        finishPrevious();
        int want = chunkSize;
        if (maxResults >= 0 && maxResults < Integer.MAX_VALUE) {
            want = Math.min(want, maxResults - read);
        }
        if (exhausted || want <= 0) {
            return false;
        }
        int size = want;
        List<Object> reached = new ArrayList<>();
        List<T> rows = Run.inScope(session, () -> {
            RootQuery<T> page = RootQuery.of(keyset.page(last, size), CALL);
            @SuppressWarnings("unchecked")
            List<T> distinct = (List<T>) Values.distinct(page.list(plan, (Session) session));
            reached.addAll(run.load(distinct, true));
            return distinct;
        });
        read += rows.size();
        // a join to a collection in the user's query repeats roots (Hibernate hands each out once), so a page of
        // fewer roots than asked for is the last one only when the query cannot repeat a root
        if (rows.size() < want && !keyset.repeatsRoots()) {
            exhausted = true;
        }
        if (rows.isEmpty()) {
            return false;
        }
        // read before anyone sees the rows: a change made in forEach must not move where the next page starts
        last = keyset.keysOf(rows.get(rows.size() - 1));
        loaded = reached;
        current = rows;
        next = 0;
        return true;
    }

    /**
     * Flushes what the passed chunk changed and detaches it. Without a flush (flush mode MANUAL, or no
     * transaction to flush in) the chunk's changed entities stay attached, so that a later flush writes them.
     */
    private void finishPrevious() {
        Session s = (Session) session;
        if (loaded.isEmpty() || !s.isOpen()) {
            loaded = List.of();
            return;
        }
        boolean manual = s.getHibernateFlushMode() == FlushMode.MANUAL || !session.isTransactionInProgress()
                && !session.getFactory().getSessionFactoryOptions().isAllowOutOfTransactionUpdateOperations();
        if (!manual) {
            s.flush();
        }
        if (detach) {
            var context = session.getPersistenceContextInternal();
            for (Object o : Values.distinct(loaded)) {
                Object entity = Values.real(o);
                if (entity == null) {
                    continue;
                }
                EntityEntry entry = context.getEntry(entity);
                if (entry == null || manual && dirty(entity, entry)) {
                    // MANUAL flush mode: a changed entity stays attached, so that the user's own flush still writes it
                    continue;
                }
                // detach through the proxy when there is one: detaching only the entity would leave the proxy
                // initialized and attached to other entities, pointing at an entity the session no longer knows
                Object proxy = context.getProxy(entry.getEntityKey());
                Object target = proxy != null ? proxy : entity;
                if (s.contains(target)) {
                    s.detach(target);
                }
            }
        }
        loaded = List.of();
    }

    private boolean dirty(Object entity, EntityEntry entry) {
        EntityPersister persister = entry.getPersister();
        Object[] loadedState = entry.getLoadedState();
        if (loadedState == null) {
            return false;
        }
        Object[] values = persister.getValues(entity);
        if (persister.findDirty(values, loadedState, entity, session) != null) {
            return true;
        }
        for (Object v : values) {
            if (v instanceof PersistentCollection<?> c && c.isDirty()) {
                return true;
            }
        }
        return false;
    }
}
