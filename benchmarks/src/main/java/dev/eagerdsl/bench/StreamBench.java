package dev.eagerdsl.bench;

import dev.eagerdsl.FetchPlan;
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

/**
 * {@code plan.stream(query, 1000)} over 1,000,000 customers and their 3,000,000 orders, in a JVM
 * limited to {@code -Xmx256m}. PostgreSQL only: an H2 in-memory database of that size would live
 * in the same 256 MB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
public class StreamBench {

    static final FetchPlan PLAN = Related.prefetch("orders");

    @Param({"pg"})
    public String db;

    @Param({"1000000"})
    public long owners;

    Db database;
    SessionFactory sf;

    @Setup
    public void setup() {
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
        return Tx.read(sf, s -> {
            long[] sum = {0};
            try (Stream<Customer> customers = PLAN.stream(s.createQuery(
                    "select c from Customer c where c.id <= :n order by c.id", Customer.class).setParameter("n", owners), 1000)) {
                customers.forEach(c -> sum[0] += ScaleBench.touch(c));
            }
            return sum[0];
        });
    }

    @TearDown(Level.Trial)
    public void peak(BenchmarkParams params) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Extra.record(params.getBenchmark(), db, "peakHeapMiB", peak / (1024.0 * 1024.0));
        Extra.record(params.getBenchmark(), db, "maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }
}
