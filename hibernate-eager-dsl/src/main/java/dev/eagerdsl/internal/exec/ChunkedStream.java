package dev.eagerdsl.internal.exec;

import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.Session;

/**
 * {@code plan.stream(query, chunkSize)}: runs the user's (ordered) query one page of
 * {@code chunkSize} roots at a time, runs the plan on that page, hands the roots out, then detaches
 * everything that page reached before reading the next one, so that the persistence context (and
 * memory) stays at one chunk.
 *
 * <p>Pages rather than one open cursor: detaching entities while Hibernate still reads rows of a
 * cursor leaves its row-processing state pointing at detached entities (it reuses the previous
 * row's entities), which breaks the next rows. Pages keep every chunk consistent.
 */
final class ChunkedStream<T> extends Spliterators.AbstractSpliterator<T> {

    private final RootQuery<T> query;
    private final PlanRun run;
    private final int chunkSize;
    private final int firstResult;
    private final int maxResults;
    private int read;
    private boolean exhausted;
    private List<T> current = List.of();
    private int next;
    private List<Object> loaded = List.of();
    /**
     * Whether passed chunks are detached: only when the session held no entity when the stream
     * started. Detaching part of a graph that the user's own managed entities reference would leave
     * them pointing at detached entities (and cascades could re-insert them on flush).
     */
    private final boolean detach;

    private ChunkedStream(RootQuery<T> query, PlanRun run, int chunkSize) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.query = query;
        this.run = run;
        this.chunkSize = chunkSize;
        this.firstResult = Math.max(0, query.firstResult());
        this.maxResults = query.maxResults();
        var holders = run.session().getPersistenceContextInternal().getEntityHoldersByKey();
        this.detach = holders == null || holders.isEmpty();
    }

    static <T> Stream<T> of(RootQuery<T> q, PlanRun run, int chunkSize) {
        ChunkedStream<T> s = new ChunkedStream<>(q, run, chunkSize);
        return StreamSupport.stream(s, false).onClose(s::detachPrevious);
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
        detachPrevious();
        int want = chunkSize;
        if (maxResults >= 0 && maxResults < Integer.MAX_VALUE) {
            want = Math.min(want, maxResults - read);
        }
        if (exhausted || want <= 0) {
            return false;
        }
        List<T> rows;
        ExecScope.enter();
        try {
            query.page(firstResult + read, want);
            rows = query.list();
        } finally {
            ExecScope.exit();
        }
        read += rows.size();
        if (rows.size() < want) {
            exhausted = true;
        }
        @SuppressWarnings("unchecked")
        List<T> chunk = (List<T>) Values.distinct(rows);
        if (chunk.isEmpty()) {
            return false;
        }
        loaded = Values.distinct(run.load(chunk));
        current = chunk;
        next = 0;
        return true;
    }

    private void detachPrevious() {
        Session session = (Session) run.session();
        if (detach && session.isOpen()) {
            var context = run.session().getPersistenceContextInternal();
            for (Object o : loaded) {
                org.hibernate.engine.spi.EntityKey key;
                if (o instanceof org.hibernate.proxy.HibernateProxy p) {
                    var li = p.getHibernateLazyInitializer();
                    key = run.session().generateEntityKey(li.getInternalIdentifier(),
                            run.session().getFactory().getMappingMetamodel().getEntityDescriptor(li.getEntityName()));
                } else {
                    var entry = context.getEntry(o);
                    if (entry == null) {
                        continue;
                    }
                    key = entry.getEntityKey();
                }
                // detach through the proxy when there is one: detaching only the entity would leave the proxy
                // initialized and attached to other entities, pointing at an entity the session no longer knows
                Object proxy = context.getProxy(key);
                Object target = proxy != null ? proxy : o;
                if (session.contains(target)) {
                    session.detach(target);
                }
            }
        }
        loaded = List.of();
    }
}
