package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import java.util.function.Consumer;

/** Placeholder: the guard's implementation (instrumentation, events, logging). */
public final class Guard {
    private static volatile LazyLoadGuard.Mode mode = LazyLoadGuard.Mode.WARN;

    private Guard() {
    }

    public static boolean install() {
        return false;
    }

    public static boolean isInstalled() {
        return false;
    }

    public static void setMode(LazyLoadGuard.Mode m) {
        mode = m;
    }

    public static LazyLoadGuard.Mode mode() {
        return mode;
    }

    public static LazyLoadGuard.Subscription subscribe(Consumer<? super LazyLoad> subscriber) {
        return () -> { };
    }
}
