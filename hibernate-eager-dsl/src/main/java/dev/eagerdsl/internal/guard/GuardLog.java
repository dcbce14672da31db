package dev.eagerdsl.internal.guard;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WARN subscriber: lazy loads are counted per (association, call site) in each session and
 * logged when the session closes. The first line for a call site is a WARN ({@code EAGER-101}); later
 * sessions repeating it log {@code EAGER-102} at DEBUG with the running total, so a busy application does not
 * flood its log; and every {@code eagerdsl.guard.summary-interval} (default 10 minutes, {@code 0} turns it off)
 * one WARN line per call site seen since the last summary ({@code EAGER-110}) gives its count, its number of
 * sessions and its worst single session, so an N+1 that gets worse stays visible. The summary is written by the
 * first session to end after the interval has passed: no thread of its own.
 */
final class GuardLog {

    /** The setting (system property, else Hibernate setting): {@code 10m}, {@code 30s}, {@code 1h}, {@code PT10M}, or {@code 0} for off. */
    static final String SUMMARY_INTERVAL = "eagerdsl.guard.summary-interval";
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    private static final Pattern SUMMARY = Pattern.compile("^EAGER-1\\d\\d");
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)?");
    private static final Map<String, Site> SITES = new ConcurrentHashMap<>();
    private static volatile LongSupplier clock = System::nanoTime;
    private static volatile long intervalNanos = DEFAULT_INTERVAL.toNanos();
    private static final AtomicLong LAST_SUMMARY = new AtomicLong(System.nanoTime());

    /** One call site's figures: since start, and since the last summary. */
    private static final class Site {
        final String head;
        final String verb;
        long total;
        long count;
        int sessions;
        long worst;
        String worstTail;

        Site(String head, String verb) {
            this.head = head;
            this.verb = verb;
        }
    }

    private GuardLog() {
    }

    /** @return whether {@code site} was counted already in this session (then {@code n} is added to it) */
    static boolean count(SessionState state, String site, int n) {
        SessionState.Tally t = state.tallies.get(site);
        if (t == null) {
            return false;
        }
        t.count += n;
        return true;
    }

    static void count(SessionState state, String site, String messageHead, String verb, String messageTail, int n) {
        state.tallies.computeIfAbsent(site, k -> new SessionState.Tally(messageHead + "\u0000" + messageTail, verb)).count += n;
    }

    static void sessionClosed(SessionState state) {
        for (Map.Entry<String, SessionState.Tally> e : state.tallies.entrySet()) {
            SessionState.Tally t = e.getValue();
            String[] parts = t.message.split("\u0000", 2);
            Site site = SITES.computeIfAbsent(e.getKey(), k -> new Site(parts[0], t.verb));
            long total;
            synchronized (site) {
                total = site.total += t.count;
                site.count += t.count;
                site.sessions++;
                if (t.count > site.worst) {
                    site.worst = t.count;
                    site.worstTail = parts[1];
                }
            }
            String line = parts[0] + t.verb + " " + times(t.count) + parts[1];
            if (total == t.count) {
                Guard.LOG.warn(line);
            } else {
                Guard.LOG.debug("{} ({} since start)", line.replace("EAGER-101", "EAGER-102"), times(total));
            }
        }
        state.tallies.clear();
        summarizeIfDue();
    }

    /** Writes the summary if the interval has passed since the last one (one thread wins). */
    static void summarizeIfDue() {
        long interval = intervalNanos;
        if (interval <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long last = LAST_SUMMARY.get();
        if (now - last < interval || !LAST_SUMMARY.compareAndSet(last, now)) {
            return;
        }
        String since = ago(now - last);
        List<String> lines = new ArrayList<>();
        for (Site s : SITES.values()) {
            synchronized (s) {
                if (s.count > 0) {
                    lines.add(SUMMARY.matcher(s.head).replaceFirst("EAGER-110") + s.verb + " " + times(s.count) + " in " + s.sessions
                            + (s.sessions == 1 ? " session" : " sessions") + " in the last " + since + " (at most " + s.worst
                            + " in one session)" + s.worstTail);
                    s.count = 0;
                    s.sessions = 0;
                    s.worst = 0;
                    s.worstTail = null;
                }
            }
        }
        lines.sort(null);
        lines.forEach(Guard.LOG::warn);
    }

    /** A factory's setting; the system property wins over it. */
    static void configure(Object setting) {
        Object value = System.getProperty(SUMMARY_INTERVAL);
        String where = "the system property";
        if (value == null) {
            value = setting;
            where = "the Hibernate setting";
        }
        if (value == null) {
            return;
        }
        Duration d = parseInterval(value.toString());
        if (d == null) {
            Guard.LOG.warn("EAGER-107 Ignoring {} {}={}: the value must be a duration such as 10m, 30s, 1h or PT10M, or 0 to turn the"
                    + " summary off.", where, SUMMARY_INTERVAL, value);
            return;
        }
        intervalNanos = d.toNanos();
    }

    /** @return the interval, {@code Duration.ZERO} for off, or {@code null} if {@code value} is not one */
    static Duration parseInterval(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("off")) {
            return Duration.ZERO;
        }
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2);
            if (unit == null) {
                return n == 0 ? Duration.ZERO : null;
            }
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(value.trim());
            return d.isNegative() ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String times(long n) {
        return n + (n == 1 ? " time" : " times");
    }

    private static String ago(long nanos) {
        long seconds = Math.max(0, nanos / 1_000_000_000L);
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        return minutes < 120 ? minutes + " minutes" : (minutes / 60) + " hours";
    }

    /** Tests: the interval (zero: off) and the clock; the next summary is due one interval after this call. */
    static void summaryForTests(Duration interval, LongSupplier nanoClock) {
        clock = nanoClock;
        intervalNanos = interval.toNanos();
        LAST_SUMMARY.set(nanoClock.getAsLong());
    }

    /** Forgets the running totals (tests). */
    static void reset() {
        SITES.clear();
    }
}
