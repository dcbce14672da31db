package dev.eagerdsl.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eagerdsl.bench.report.Report;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import dev.eagerdsl.bench.support.EmbeddedMariaDb;
import dev.eagerdsl.bench.support.Extra;
import dev.eagerdsl.bench.support.RunConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks: starts the embedded PostgreSQL (and MariaDB, with {@code --db mariadb}) and loads their data once, counts statements
 * and rows per operation, runs JMH (every alternative of a scenario in the same run), and writes
 * the report.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar --quick                 about a minute: H2, in-process, short
 * java -jar benchmarks/target/benchmarks.jar --report docs/benchmarks.md   the full run (H2 and PostgreSQL)
 * options: --db h2,pg,mariadb  --include REGEX  --out DIR  --report FILE  --report-only  --counts-only
 * </pre>
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean reportOnly = false;
        boolean countsOnly = false;
        List<String> dbs = null;
        String include = null;
        Path out = Path.of("benchmarks", "target", "bench");
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--report-only" -> reportOnly = true;
                case "--counts-only" -> countsOnly = true;
                case "--db" -> dbs = List.of(args[++i].split(","));
                case "--include" -> include = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> {
                    System.err.println("Unknown option " + args[i] + ". Options: --quick, --db h2,pg,mariadb, --include REGEX, "
                            + "--out DIR, --report FILE, --report-only, --counts-only");
                    System.exit(2);
                }
            }
        }
        if (!Files.isDirectory(Path.of("benchmarks")) && out.startsWith("benchmarks")) {
            out = Path.of("target", "bench");
        }
        Files.createDirectories(out);
        Path results = out.resolve("results.json");
        Path counts = out.resolve("counts.json");
        Path extra = out.resolve("extra.jsonl");
        Path machine = out.resolve("machine.json");
        if (reportOnly) {
            if (report == null) {
                report = Path.of("docs", "benchmarks.md");
            }
            Report.write(out, report);
            return;
        }
        if (dbs == null) {
            dbs = quick ? List.of("h2") : List.of("h2", "pg");
        }
        Instant started = Instant.now();
        // forget an earlier run's settings (its PostgreSQL is gone) before anything reads them
        RunConfig.write(new Properties());
        Files.deleteIfExists(extra);
        Properties run = new Properties();
        run.setProperty(Extra.FILE, extra.toAbsolutePath().toString());
        Map<String, List<String>> overrides = new LinkedHashMap<>();
        overrides.put("db", dbs);
        if (quick) {
            overrides.put("owners", List.of("1000"));
            overrides.put("guard", List.of("none"));
        }
        List<String> excludes = new ArrayList<>();
        // the stream runs on PostgreSQL, and on H2 in a file (h2file): a million rows in memory would share its 256 MB heap
        List<String> streamDbs = new ArrayList<>();
        if (dbs.contains("pg")) {
            streamDbs.add("pg");
        }
        if (dbs.contains("h2")) {
            streamDbs.add("h2file");
            overrides.put("db", new ArrayList<>(dbs));
            overrides.get("db").add("h2file");
        }
        if (quick || streamDbs.isEmpty()) {
            excludes.add("StreamBench");
        }
        if (include == null) {
            // not one of the report's scenarios: run it with --include UnusedReportBench (see guard.md)
            excludes.add("UnusedReportBench");
        }
        for (String db : dbs) {
            if (!List.of("h2", "pg", "mariadb").contains(db)) {
                System.err.println("Unknown database '" + db + "' in --db. Databases: h2, pg, mariadb");
                System.exit(2);
            }
        }
        // the servers: started here once, their URLs passed to the forks through the run file
        if (dbs.contains("pg")) {
            run.setProperty(Db.PG_URL, Db.pgUrl());
        }
        if (dbs.contains("mariadb")) {
            run.setProperty(Db.MARIADB_URL, EmbeddedMariaDb.url());
            for (String key : List.of(EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)) {
                if (System.getProperty(key) != null) {
                    run.setProperty(key, System.getProperty(key));
                }
            }
        }
        RunConfig.write(run);
        Map<String, String> versions = new LinkedHashMap<>();
        for (String server : List.of("pg", "mariadb")) {
            if (dbs.contains(server)) {
                // the stream's million customers only where it runs: on PostgreSQL
                boolean stream = server.equals("pg") && !excludes.contains("StreamBench");
                versions.put(server, load(server, stream ? 1_000_000 : 100_000));
            }
        }
        if (streamDbs.contains("h2file") && !excludes.contains("StreamBench")) {
            long loadStart = System.nanoTime();
            // opened here first: this JVM serves the file to the forks (AUTO_SERVER)
            Db.open("h2file").ensure(Dataset.CUSTOMERS, 1_000_000);
            System.out.printf(Locale.ROOT, "# H2 file database for the stream loaded in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
        }

        Pattern includePattern = include == null ? null : Pattern.compile(include);
        final List<String> ex = excludes;
        System.out.println("# Count pass: statements and rows per operation");
        List<CountPass.Count> counted = CountPass.run(overrides, name -> (includePattern == null
                || includePattern.matcher(name).find()) && ex.stream().noneMatch(name::contains));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        json.writeValue(counts.toFile(), counted);
        for (CountPass.Count c : counted) {
            System.out.printf(Locale.ROOT, "#   %-60s %-30s %7d statements %9d rows%n",
                    c.benchmark().replace("dev.eagerdsl.bench.", ""), c.params(), c.statements(), c.rows());
        }
        if (countsOnly) {
            Db.closeAll();
            System.exit(0);
        }

        boolean stream = !excludes.contains("StreamBench")
                && (includePattern == null || includePattern.matcher("dev.eagerdsl.bench.StreamBench.relatedStream").find());
        ChainedOptionsBuilder opt = new OptionsBuilder()
                .include(include == null ? "dev\\.eagerdsl\\.bench\\..*Bench\\." : include)
                .exclude("StreamBench")
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(results.toString());
        for (String e : excludes) {
            opt.exclude(e);
        }
        opt.param("db", dbs.toArray(new String[0]));
        if (quick) {
            opt.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(500))
                    .param("owners", "1000").param("guard", "none");
        } else {
            // Hibernate's hot paths take about ten seconds of JIT to settle on two cores
            opt.forks(1).warmupIterations(10).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(8).measurementTime(TimeValue.seconds(1));
        }
        // nothing else to run when --include names the stream only
        boolean others = CountPass.SCENARIOS.stream().filter(c -> c != StreamBench.class)
                .flatMap(c -> java.util.Arrays.stream(c.getDeclaredMethods()).map(m -> c.getName() + "." + m.getName()))
                .anyMatch(name -> includePattern == null || includePattern.matcher(name).find());
        if (others) {
            new Runner(opt.build()).run();
        }
        Path streamResults = out.resolve("results-stream.json");
        Files.deleteIfExists(streamResults);
        if (stream) {
            // its own run: the annotations' single-shot mode, iterations and -Xmx256m fork stand
            new Runner(new OptionsBuilder().include("dev\\.eagerdsl\\.bench\\.StreamBench\\.")
                    .param("db", streamDbs.toArray(new String[0])).addProfiler(GCProfiler.class).shouldFailOnError(true)
                    .resultFormat(ResultFormatType.JSON).result(streamResults.toString()).build()).run();
        }

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", started.atOffset(ZoneOffset.UTC).toString());
        m.put("duration", Duration.between(started, Instant.now()).toSeconds());
        m.put("mode", quick ? "quick: 1 × 0.5 s warm-up, 1 × 0.5 s measurement, no fork, -prof gc"
                : "full: 1 fork per benchmark and parameter set, 10 × 1 s warm-up, 8 × 1 s measurement, -prof gc; "
                        + "the stream: single shot, 1 warm-up and 2 measured passes");
        m.put("cpu", cpu());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memoryGiB", memoryGiB());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("hibernate", org.hibernate.Version.getVersionString());
        m.put("h2", org.h2.engine.Constants.FULL_VERSION);
        m.put("postgres", versions.get("pg"));
        if (versions.containsKey("mariadb")) {
            m.put("mariadb", versions.get("mariadb"));
        }
        m.put("jmh", "1.37");
        json.writeValue(machine.toFile(), m);
        System.out.println("# Results in " + out.toAbsolutePath());
        if (report != null) {
            Report.write(out, report);
            System.out.println("# Report written to " + report.toAbsolutePath());
        }
        Db.closeAll();
        System.exit(0);
    }

    /** Loads the data sets into a server database; @return its version */
    private static String load(String kind, long customers) throws Exception {
        long loadStart = System.nanoTime();
        Db db = Db.open(kind);
        for (Dataset d : List.of(Dataset.AUTHORS, Dataset.COURSES, Dataset.CATALOG)) {
            db.ensure(d, 0);
        }
        db.ensure(Dataset.CUSTOMERS, customers);
        Connection c = db.connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            System.out.printf(Locale.ROOT, "# %s at %s, data loaded in %.1f s%n", rs.getString(1),
                    kind.equals("pg") ? Db.pgUrl() : EmbeddedMariaDb.url(), (System.nanoTime() - loadStart) / 1e9);
            return rs.getString(1);
        } finally {
            db.release(c);
        }
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static long memoryGiB() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
