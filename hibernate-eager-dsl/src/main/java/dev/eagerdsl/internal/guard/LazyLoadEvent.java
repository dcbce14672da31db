package dev.eagerdsl.internal.guard;

import dev.eagerdsl.LazyLoad;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A {@link LazyLoad} as a JDK Flight Recorder event, so that JDK Mission Control shows N+1s next to the rest of an
 * application's profile. JFR keeps it only while a recording that enables {@code dev.eagerdsl.LazyLoad} runs (the
 * default and profile settings do: an event is enabled unless a setting turns it off); otherwise
 * {@link #record} allocates nothing.
 */
@Name("dev.eagerdsl.LazyLoad")
@Label("Lazy Load (N+1)")
@Category({"Hibernate", "eager-dsl"})
@Description("A lazy association initialized on an entity that was one of several rows of one query")
@StackTrace(false)
final class LazyLoadEvent extends Event {

    private static final LazyLoadEvent PROBE = new LazyLoadEvent();

    @Label("Owner Entity")
    String ownerEntity;

    @Label("Association")
    String association;

    @Label("Owner Id")
    String ownerId;

    @Label("Call Site")
    String callSite;

    @Label("Fix")
    String fix;

    @Label("Collection")
    boolean collection;

    @Label("Siblings")
    @Description("How many rows of the owner's entity the owner's query loaded (the N of N+1)")
    int siblings;

    /** @return whether a recording takes this event now */
    static boolean enabled() {
        return PROBE.isEnabled();
    }

    /** Commits {@code load} as an event when a recording wants it. */
    static void record(LazyLoad load) {
        if (!PROBE.isEnabled()) {
            return;
        }
        LazyLoadEvent e = new LazyLoadEvent();
        e.ownerEntity = load.ownerEntity();
        e.association = load.association();
        e.ownerId = String.valueOf(load.ownerId());
        e.callSite = load.callSite();
        e.fix = load.fix();
        e.collection = load.collection();
        e.siblings = load.siblings();
        e.commit();
    }
}
