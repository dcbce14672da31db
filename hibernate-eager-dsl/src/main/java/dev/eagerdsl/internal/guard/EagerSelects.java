package dev.eagerdsl.internal.guard;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups of result sets still being read on this thread, for the EAGER to-ones Hibernate loads
 * with one select each while it reads them: the select is counted on the group of the result set
 * being read, which {@link ResultSets} then marks its entities with.
 */
final class EagerSelects {

    private record Open(WeakReference<Object> processingState, Group group) {
    }

    private static final ThreadLocal<List<Open>> OPEN = ThreadLocal.withInitial(() -> new ArrayList<>(2));

    private EagerSelects() {
    }

    /** @return the group of a result set being read (created on first use); an EAGER select is running for it */
    static Group reading(Object processingState) {
        List<Open> open = OPEN.get();
        for (int i = open.size() - 1; i >= 0; i--) {
            Object ps = open.get(i).processingState().get();
            if (ps == processingState) {
                return open.get(i).group();
            }
            if (ps == null) {
                open.remove(i);
            }
        }
        Group g = new Group();
        open.add(new Open(new WeakReference<>(processingState), g));
        return g;
    }

    /** @return the group of a finished result set: the one EAGER selects counted on, else a new one */
    static Group groupOf(Object processingState) {
        List<Open> open = OPEN.get();
        if (!open.isEmpty()) {
            for (int i = open.size() - 1; i >= 0; i--) {
                Object ps = open.get(i).processingState().get();
                if (ps == processingState) {
                    return open.remove(i).group();
                }
                if (ps == null) {
                    open.remove(i);
                }
            }
        }
        return new Group();
    }
}
