package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.UnusedPrefetch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The subscribers of {@code LazyLoadGuard.subscribeUnused}; a subscriber that throws is logged once and ignored. */
final class UnusedSubscribers {

    private static final List<Subscriber> SUBSCRIBERS = new CopyOnWriteArrayList<>();

    private UnusedSubscribers() {
    }

    static LazyLoadGuard.Subscription subscribe(Consumer<? super UnusedPrefetch> consumer) {
        if (consumer == null) {
            throw new IllegalArgumentException("LazyLoadGuard.subscribeUnused(null): pass a Consumer<UnusedPrefetch>.");
        }
        Subscriber s = new Subscriber(consumer);
        SUBSCRIBERS.add(s);
        return () -> SUBSCRIBERS.remove(s);
    }

    static void publish(UnusedPrefetch event) {
        for (Subscriber s : SUBSCRIBERS) {
            try {
                s.consumer.accept(event);
            } catch (RuntimeException | Error e) {
                if (!s.failed) {
                    s.failed = true;
                    Guard.LOG.warn("EAGER-104 A LazyLoadGuard subscriber threw {}; it is ignored from now on for this kind of failure,"
                            + " and the application runs on.", e.toString(), e);
                }
            }
        }
    }

    private static final class Subscriber {
        final Consumer<? super UnusedPrefetch> consumer;
        volatile boolean failed;

        Subscriber(Consumer<? super UnusedPrefetch> consumer) {
            this.consumer = consumer;
        }
    }
}
