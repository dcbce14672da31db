package dev.eagerdsl.internal.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WARN subscriber: lazy loads are counted per (association, call site) in each session and
 * logged when the session closes, one line each with the count. The first line for a call site is a
 * WARN; later sessions repeating it log at DEBUG with the running total, so a busy application does
 * not flood its log.
 */
final class GuardLog {

    private static final Map<String, AtomicLong> TOTALS = new ConcurrentHashMap<>();

    private GuardLog() {
    }

    static void count(SessionState state, String site, String messageHead, String verb, String messageTail, int n) {
        state.tallies.computeIfAbsent(site, k -> new SessionState.Tally(messageHead + "\u0000" + messageTail, verb)).count += n;
    }

    static void sessionClosed(SessionState state) {
        for (Map.Entry<String, SessionState.Tally> e : state.tallies.entrySet()) {
            SessionState.Tally t = e.getValue();
            long total = TOTALS.computeIfAbsent(e.getKey(), k -> new AtomicLong()).addAndGet(t.count);
            String[] parts = t.message.split("\u0000", 2);
            String line = parts[0] + t.verb + " " + t.count + (t.count == 1 ? " time" : " times") + parts[1];
            if (total == t.count) {
                Guard.LOG.warn(line);
            } else {
                Guard.LOG.debug("{} ({} times since start)", line.replace("EAGER-101", "EAGER-102"), total);
            }
        }
        state.tallies.clear();
    }

    /** Forgets the running totals (tests). */
    static void reset() {
        TOTALS.clear();
    }
}
