package dev.eagerdsl.internal.exec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hibernate.Session;

/**
 * {@code plan.stream(query, chunkSize)}: reads {@code chunkSize} roots from the cursor, runs the
 * prefetch levels on them, hands them out, then detaches that chunk's entities before reading the
 * next, so that the persistence context (and memory) stays flat.
 */
final class ChunkedStream<T> extends Spliterators.AbstractSpliterator<T> {

    private final Stream<T> source;
    private final Iterator<T> rows;
    private final PlanRun run;
    private final int chunkSize;
    private List<T> current = List.of();
    private int next;
    private List<Object> loaded = List.of();

    private ChunkedStream(Stream<T> source, PlanRun run, int chunkSize) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.source = source;
        this.rows = source.iterator();
        this.run = run;
        this.chunkSize = chunkSize;
    }

    static <T> Stream<T> of(RootQuery<T> q, PlanRun run, int chunkSize) {
        Stream<T> source = q.stream();
        ChunkedStream<T> s = new ChunkedStream<>(source, run, chunkSize);
        return StreamSupport.stream(s, false).onClose(source::close);
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
        List<T> chunk = new ArrayList<>(chunkSize);
        java.util.IdentityHashMap<Object, Boolean> seen = new java.util.IdentityHashMap<>();
        dev.eagerdsl.internal.guard.PlanScope.enter();
        try {
            while (chunk.size() < chunkSize && rows.hasNext()) {
                T row = rows.next();
                if (row != null && seen.put(row, Boolean.TRUE) == null) {
                    chunk.add(row);
                }
            }
        } finally {
            dev.eagerdsl.internal.guard.PlanScope.exit();
        }
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
        for (Object o : loaded) {
            if (session.contains(o)) {
                session.detach(o);
            }
        }
        loaded = List.of();
    }
}
