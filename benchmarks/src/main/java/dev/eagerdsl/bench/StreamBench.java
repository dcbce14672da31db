package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
import dev.eagerdsl.LazyLoadGuard;
import dev.eagerdsl.Related;
import dev.eagerdsl.bench.model.Customer;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.Extra;
import dev.eagerdsl.bench.support.Tx;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@code plan.stream(query, 1000)} over 1,000,000 customers and their 3,000,000 orders, in a JVM
 * limited to {@code -Xmx256m}, with the guard not installed and in WARN. On PostgreSQL, and on H2
 * in a file ({@code h2file}: an H2 in-memory database of that size would live in the same 256 MB
 * heap). Besides the time of a pass it records the time of each chunk of 1,000 roots, so that the
 * first ten and the last ten chunks can be compared: keyset pages cost the same wherever they are
 * (offset pages grew with their offset).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class StreamBench {

    static final FetchPlan PLAN = Related.prefetch("orders");
    static final int CHUNK = 1000;
    /** How many chunks at each end are compared. */
    static final int ENDS = 10;

    @Param({"pg", "h2file"})
    public String db;

    @Param({"1000000"})
    public long owners;

    /** {@code none} (never installed) or {@code warn}. */
    @Param({"none", "warn"})
    public String guard = "none";

    Db database;
    SessionFactory sf;
    /** When each chunk of the last pass was done (nanoTime), index 0 the start of the pass. */
    long[] chunkEnds = new long[0];
    final List<long[]> measured = new ArrayList<>();

    @Setup
    public void setup() {
        if (!guard.equals("none")) {
            LazyLoadGuard.install();
            LazyLoadGuard.setMode(LazyLoadGuard.Mode.valueOf(guard.toUpperCase(Locale.ROOT)));
        }
        database = Db.open(db);
        database.ensure(Dataset.CUSTOMERS, owners);
        sf = database.factory(Db.Variant.PLAIN);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    @Benchmark
    @Alternative(role = Role.PLAN, label = "Related.prefetch(\"orders\").stream(query, 1000)")
    public long relatedStream() {
        long[] ends = new long[(int) ((owners + CHUNK - 1) / CHUNK) + 1];
        long result = Tx.read(sf, s -> {
            long[] sum = {0};
            int[] n = {0};
            ends[0] = System.nanoTime();
            try (Stream<Customer> customers = PLAN.stream(s.createQuery(
                    "select c from Customer c where c.id <= :n order by c.id", Customer.class).setParameter("n", owners), CHUNK)) {
                customers.forEach(c -> {
                    sum[0] += ScaleBench.touch(c);
                    if (++n[0] % CHUNK == 0) {
                        // a chunk is done: its page, its prefetch, the roots touched, the previous chunk flushed and detached
                        ends[n[0] / CHUNK] = System.nanoTime();
                    }
                });
            }
            return sum[0];
        });
        chunkEnds = ends;
        return result;
    }

    @TearDown(Level.Iteration)
    public void chunks(IterationParams iteration) {
        if (chunkEnds.length > 2 * ENDS + 1) {
            if (iteration.getType() == IterationType.MEASUREMENT) {
                measured.add(chunkEnds);
            }
            System.out.printf(Locale.ROOT, "%n# %s pass: first %d chunks %.2f ms each, last %d chunks %.2f ms each: last / first = %.2f%n",
                    iteration.getType() == IterationType.MEASUREMENT ? "measured" : "warm-up", ENDS, meanChunkMs(chunkEnds, false), ENDS,
                    meanChunkMs(chunkEnds, true), meanChunkMs(chunkEnds, true) / meanChunkMs(chunkEnds, false));
        }
    }

    /**
     * @param ends when each chunk was done, index 0 the start
     * @param fromEnd the last chunks instead of the first
     * @return the mean time of {@link #ENDS} chunks, milliseconds
     */
    static double meanChunkMs(long[] ends, boolean fromEnd) {
        int first = fromEnd ? ends.length - 1 - ENDS : 0;
        return (ends[first + ENDS] - ends[first]) / 1e6 / ENDS;
    }

    @TearDown(Level.Trial)
    public void peak(BenchmarkParams params) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        String suffix = guard.equals("none") ? "" : ".guard=" + guard;
        Extra.record(params.getBenchmark(), db, "peakHeapMiB" + suffix, peak / (1024.0 * 1024.0));
        Extra.record(params.getBenchmark(), db, "maxHeapMiB" + suffix, Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        if (!measured.isEmpty()) {
            double first = measured.stream().mapToDouble(e -> meanChunkMs(e, false)).average().orElse(Double.NaN);
            double last = measured.stream().mapToDouble(e -> meanChunkMs(e, true)).average().orElse(Double.NaN);
            Extra.record(params.getBenchmark(), db, "firstChunksMs" + suffix, first);
            Extra.record(params.getBenchmark(), db, "lastChunksMs" + suffix, last);
            System.out.printf(Locale.ROOT, "%n# stream on %s, guard %s: first %d chunks %.2f ms each, last %d chunks %.2f ms each: "
                    + "last / first = %.2f; peak heap %.0f MiB of %.0f MiB%n", db, guard, ENDS, first, ENDS, last, last / first,
                    peak / (1024.0 * 1024.0), Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
            double[] ratios = measured.stream().mapToDouble(e -> meanChunkMs(e, true) / meanChunkMs(e, false)).toArray();
            double lo = java.util.Arrays.stream(ratios).min().orElse(Double.NaN);
            double hi = java.util.Arrays.stream(ratios).max().orElse(Double.NaN);
            System.out.printf(Locale.ROOT, "# last / first per measured pass: %s (from %.2f to %.2f)%n",
                    java.util.Arrays.toString(ratios), lo, hi);
        }
    }
}
