package dev.eagerdsl.demo.scenario;

import dev.eagerdsl.LazyLoad;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.demo.db.Database;
import dev.eagerdsl.demo.db.GuardLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Runs scenarios: once with the guard on to count statements and collect its warnings, then a few
 * times with the guard off to time both versions fairly.
 */
public final class Runner {

    /** The statements, guard events and result of one run. */
    public record Run(int statements, List<LazyLoad> events, Object result) {
    }

    private static final int WARM_UP = 20;

    private final Database db;
    private final int timedRuns;

    /**
     * @param db the seeded database
     * @param timedRuns how many timed runs of each version (the median is kept); 0 skips timing
     */
    public Runner(Database db, int timedRuns) {
        this.db = db;
        this.timedRuns = timedRuns;
    }

    /**
     * @param scenario the scenario to run
     * @return what it did
     */
    public Outcome run(Scenario scenario) {
        GuardLog.drain();
        Run naive = once(scenario.naive());
        List<String> guardLines = latestPerCallSite(GuardLog.drain());
        Run related = once(scenario.related());
        GuardLog.drain();
        Run peers = LazyLoadGuard.isInstalled() ? withPeers(scenario.naive()) : null;
        String explain = scenario.plan().explain(scenario.root());
        double naiveMillis = 0;
        double relatedMillis = 0;
        if (timedRuns > 0) {
            LazyLoadGuard.Mode mode = LazyLoadGuard.mode();
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.OFF);
            try {
                double[] medians = medians(scenario.naive(), scenario.related());
                naiveMillis = medians[0];
                relatedMillis = medians[1];
            } finally {
                LazyLoadGuard.setMode(mode);
                GuardLog.drain();
            }
        }
        return new Outcome(scenario, naive.statements(), guardLines, naive.events().size(), related.statements(),
                related.events().size(), explain, naive.result().equals(related.result()),
                peers == null ? -1 : peers.statements(), peers != null && naive.result().equals(peers.result()), naiveMillis, relatedMillis);
    }

    /** The naive code once more, unchanged, with the guard in FETCH_PEERS; the mode is put back after. */
    private Run withPeers(Function<Session, Object> naive) {
        var before = LazyLoadGuard.modeSetInCode();
        LazyLoadGuard.setMode(LazyLoadGuard.Mode.FETCH_PEERS);
        try {
            return once(naive);
        } finally {
            before.ifPresentOrElse(LazyLoadGuard::setMode, LazyLoadGuard::clearMode);
            GuardLog.drain();
        }
    }

    /**
     * The guard keeps a running count per association and call site; if it logged one line more than
     * once, keeps the last (the highest count).
     */
    static List<String> latestPerCallSite(List<String> lines) {
        Map<String, String> latest = new LinkedHashMap<>();
        for (String line : lines) {
            latest.put(line.replaceAll("\\b\\d+ times\\b", "N times"), line);
        }
        return List.copyOf(latest.values());
    }

    /**
     * Runs {@code work} in a new session and read-only transaction, counting its statements and
     * the guard's events; the session is closed before this returns.
     *
     * @param work the code to run
     * @return what it did
     */
    public Run once(Function<Session, Object> work) {
        List<LazyLoad> events = new ArrayList<>();
        try (LazyLoadGuard.Subscription ignored = LazyLoadGuard.subscribe(events::add)) {
            int statements;
            Object result;
            try (Session s = db.factory().openSession()) {
                s.beginTransaction();
                try {
                    db.sql().clear();
                    result = work.apply(s);
                    statements = db.sql().count();
                } finally {
                    s.getTransaction().rollback();
                }
            }
            return new Run(statements, List.copyOf(events), result);
        }
    }

    /** Times both versions, alternating so that a busy machine slows both alike; after a warm-up. */
    private double[] medians(Function<Session, Object> naive, Function<Session, Object> related) {
        for (int i = 0; i < WARM_UP; i++) {
            once(naive);
            once(related);
        }
        double[] a = new double[timedRuns];
        double[] b = new double[timedRuns];
        for (int i = 0; i < timedRuns; i++) {
            a[i] = time(naive);
            b[i] = time(related);
        }
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[] {a[timedRuns / 2], b[timedRuns / 2]};
    }

    private double time(Function<Session, Object> work) {
        long start = System.nanoTime();
        once(work);
        return (System.nanoTime() - start) / 1e6;
    }
}
