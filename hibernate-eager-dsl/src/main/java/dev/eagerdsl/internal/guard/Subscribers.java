package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoadGuard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The subscribers of one kind of event ({@code LazyLoadGuard.subscribe}, {@code subscribeUnused}); a subscriber
 * that throws is logged once ({@code EAGER-104}) and ignored from then on for that kind of failure.
 *
 * @param <T> the event
 */
final class Subscribers<T> {

    private final List<Subscriber<T>> subscribers = new CopyOnWriteArrayList<>();
    /** {@code LazyLoadGuard.subscribe(null): pass a Consumer<LazyLoad>.} */
    private final String nullMessage;

    /**
     * @param call the API call, as its message names it ({@code LazyLoadGuard.subscribe})
     * @param event the event's type, simple name
     */
    Subscribers(String call, String event) {
        this.nullMessage = call + "(null): pass a Consumer<" + event + ">.";
    }

    LazyLoadGuard.Subscription subscribe(Consumer<? super T> consumer) {
        if (consumer == null) {
            throw new IllegalArgumentException(nullMessage);
        }
        Subscriber<T> s = new Subscriber<>(consumer);
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    boolean isEmpty() {
        return subscribers.isEmpty();
    }

    void publish(T event) {
        for (Subscriber<T> s : subscribers) {
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

    private static final class Subscriber<T> {
        final Consumer<? super T> consumer;
        volatile boolean failed;

        Subscriber(Consumer<? super T> consumer) {
            this.consumer = consumer;
        }
    }
}
