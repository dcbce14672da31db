package dev.eagerdsl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eagerdsl.bench.support.Dataset;
import dev.eagerdsl.bench.support.Db;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * (g) the guard's cost as a ratio with its error: {@link GuardBench}'s three modes (never installed, OFF, WARN) side by
 * side in one run. Instrumentation is JVM-wide, so each mode needs a JVM of its own; to keep a slow drift of the
 * machine (another process, the VM's neighbours) out of the ratio, the modes take turns: every round runs one fork
 * of each mode, in a rotated order, and the ratio is taken per round (WARN ÷ none of the same round), then averaged
 * over the rounds with a 95% confidence interval (Student's t). Each fork warms up long enough for the JIT to settle
 * on one core (about 20 s for Hibernate's hot paths), has a fixed heap, and measures allocation per operation
 * ({@code -prof gc}, which load does not change). Several jars (a before and an after) can take turns the same way.
 *
 * <pre>
 * flock /tmp/bench.lock taskset -c 1 java -cp benchmarks/target/benchmarks.jar dev.eagerdsl.bench.GuardCompare \
 *     --db h2,pg --rounds 3 [--jar before=/tmp/a.jar,after=benchmarks/target/benchmarks.jar] [--methods selectPlan,prefetchPlan]
 *     [--cells after:none,after:off,before:warn,after:warn] [--warmup 20] [--iterations 10] [--out benchmarks/target/guard]
 *     [--split] [--extra benchmarks/target/bench/extra.jsonl]
 * </pre>
 *
 * With {@code --split}, each round also runs {@link GuardSplit} once per jar: WARN and OFF alternating operation by
 * operation in one JVM, the most precise reading of WARN's own cost (OFF against "not installed" comes from the rounds).
 *
 * With {@code --extra} (the full run's extra file), the last jar's paired figures go to the report: the (g) goals
 * then quote WARN and OFF over "not installed" with their 95% intervals
 * ({@code java -jar benchmarks/target/benchmarks.jar --report-only --report docs/benchmarks.md}).
 */
public final class GuardCompare {

    private static final String[] MODES = {"none", "off", "warn"};

    /** One fork's figures for one benchmark. */
    private record Fork(String jar, String db, String method, String mode, int round, double ms, double allocBytes) {
    }

    /** One {@link GuardSplit} fork: WARN ÷ OFF over its iterations, and the 95% interval of the per-iteration ratios. */
    private record Split(String jar, String db, String method, int round, double ratio, double iterationCi) {
    }

    private GuardCompare() {
    }

    private static String splitTable(List<Split> splits, Iterable<String> jars, List<String> dbs, List<String> methods) {
        if (splits.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nWARN ÷ OFF alternating operation by operation in one JVM (GuardSplit): per round the"
                + " ratio of the summed times (± the 95% interval of its iterations), then the mean over rounds ± 95% CI\n\n");
        md.append("| db | benchmark | jar | per round | WARN ÷ OFF |\n|---|---|---|---|--:|\n");
        for (String db : dbs) {
            for (String method : methods) {
                for (String jar : jars) {
                    List<Split> mine = splits.stream().filter(x -> x.jar().equals(jar) && x.db().equals(db) && x.method().equals(method))
                            .toList();
                    if (mine.isEmpty()) {
                        continue;
                    }
                    StringBuilder rounds = new StringBuilder();
                    for (Split x : mine) {
                        rounds.append(rounds.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f ± %.3f", x.ratio(),
                                x.iterationCi()));
                    }
                    double[] r = mine.stream().mapToDouble(Split::ratio).toArray();
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", db, method, jar, rounds, ratio(r)));
                }
            }
        }
        return md.toString();
    }

    public static void main(String[] args) throws Exception {
        List<String> dbs = List.of("h2");
        int rounds = 3;
        int warmup = 20;
        int iterations = 10;
        String methods = "selectPlan,prefetchPlan,nPlusOne";
        String cellSpec = null;
        Path extra = null;
        boolean split = false;
        Map<String, String> jars = new LinkedHashMap<>();
        Path out = Path.of("benchmarks", "target", "guard");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> dbs = List.of(args[++i].split(","));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--methods" -> methods = args[++i];
                case "--cells" -> cellSpec = args[++i];
                case "--extra" -> extra = Path.of(args[++i]);
                case "--split" -> split = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--jar" -> {
                    for (String j : args[++i].split(",")) {
                        int eq = j.indexOf('=');
                        jars.put(eq < 0 ? Path.of(j).getFileName().toString() : j.substring(0, eq), eq < 0 ? j : j.substring(eq + 1));
                    }
                }
                default -> {
                    System.err.println("Unknown option " + args[i] + ". Options: --db h2,pg  --rounds N  --warmup SECONDS  --iterations N"
                            + "  --methods selectPlan,prefetchPlan,nPlusOne  --jar label=classpath,...  --cells label:mode,...  --split  --out DIR  --extra FILE");
                    System.exit(2);
                }
            }
        }
        if (jars.isEmpty()) {
            jars.put("this", System.getProperty("java.class.path"));
        }
        Files.createDirectories(out);
        String pgUrl = null;
        if (dbs.contains("pg")) {
            // a PostgreSQL of our own (a URL left in the shared run file may be another run's): started once, loaded once
            System.setProperty(Db.PG_URL, "");
            pgUrl = Db.pgUrl();
            Db pg = Db.open("pg");
            pg.ensure(Dataset.AUTHORS, 0);
            pg.ensure(Dataset.COURSES, 0);
        }
        String include = "dev\\.eagerdsl\\.bench\\.GuardBench\\.(" + methods.replace(',', '|') + ")$";
        List<String[]> cells = new ArrayList<>();
        if (cellSpec != null) {
            // e.g. after:none,after:off,before:warn,after:warn (the code of "none" and "off" did not change: one jar runs them)
            for (String c : cellSpec.split(",")) {
                if (!c.isBlank()) {
                    cells.add(c.split(":", 2));
                }
            }
        } else {
            for (String jar : jars.keySet()) {
                for (String mode : MODES) {
                    cells.add(new String[] {jar, mode});
                }
            }
        }
        List<Fork> forks = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        long started = System.nanoTime();
        for (int round = 1; round <= rounds; round++) {
            for (String db : dbs) {
                for (int k = 0; k < cells.size(); k++) {
                    // rotated each round: no mode always runs first (after the database was idle) or last
                    String[] cell = cells.get((k + round - 1) % cells.size());
                    String jar = cell[0];
                    String mode = cell[1];
                    Path result = out.resolve("round" + round + "-" + db + "-" + jar + "-" + mode + ".json");
                    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-cp", jars.get(jar), "org.openjdk.jmh.Main", include,
                            "-f", "1", "-wi", String.valueOf(warmup), "-w", "1s", "-i", String.valueOf(iterations), "-r", "1s",
                            "-bm", "avgt", "-tu", "ms", "-prof", "gc", "-p", "db=" + db, "-p", "guard=" + mode,
                            "-rf", "json", "-rff", result.toString(),
                            "-jvmArgsAppend", "-Xms1g -Xmx1g -XX:+AlwaysPreTouch" + (pgUrl == null ? "" : " -D" + Db.PG_URL + "=" + pgUrl)));
                    System.out.printf(Locale.ROOT, "# round %d/%d, %s, %s, guard=%s (%.0f s so far)%n", round, rounds, db, jar, mode,
                            (System.nanoTime() - started) / 1e9);
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                            .redirectOutput(out.resolve("round" + round + "-" + db + "-" + jar + "-" + mode + ".log").toFile()).start();
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("JMH failed: see " + out.resolve("round" + round + "-" + db + "-" + jar + "-"
                                + mode + ".log"));
                    }
                    for (JsonNode b : json.readTree(result.toFile())) {
                        String name = b.get("benchmark").asText();
                        JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
                        forks.add(new Fork(jar, db, name.substring(name.lastIndexOf('.') + 1), mode, round,
                                b.get("primaryMetric").get("score").asDouble(), alloc.isMissingNode() ? Double.NaN : alloc.asDouble()));
                    }
                }
                if (split) {
                    for (String jar : jars.keySet()) {
                        String tag = "round" + round + "-" + db + "-" + jar + "-split";
                        Path result = out.resolve(tag + ".json");
                        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp", jars.get(jar), "org.openjdk.jmh.Main",
                                "dev\\.eagerdsl\\.bench\\.GuardSplit\\.(" + methods.replace(',', '|') + ")$",
                                "-f", "1", "-wi", String.valueOf(warmup), "-w", "1s", "-i", String.valueOf(iterations), "-r", "1s",
                                "-bm", "avgt", "-tu", "ms", "-p", "db=" + db, "-rf", "json", "-rff", result.toString(),
                                "-jvmArgsAppend", "-Xms1g -Xmx1g -XX:+AlwaysPreTouch" + (pgUrl == null ? "" : " -D" + Db.PG_URL + "=" + pgUrl)));
                        System.out.printf(Locale.ROOT, "# round %d/%d, %s, %s, WARN and OFF alternating in one JVM (%.0f s so far)%n", round,
                                rounds, db, jar, (System.nanoTime() - started) / 1e9);
                        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.resolve(tag + ".log").toFile()).start();
                        if (p.waitFor() != 0) {
                            throw new IllegalStateException("JMH failed: see " + out.resolve(tag + ".log"));
                        }
                        for (JsonNode b : json.readTree(result.toFile())) {
                            String name = b.get("benchmark").asText();
                            JsonNode warn = b.path("secondaryMetrics").path("warnNs").path("rawData").path(0);
                            JsonNode off = b.path("secondaryMetrics").path("offNs").path("rawData").path(0);
                            double[] perIteration = new double[warn.size()];
                            double w = 0;
                            double o = 0;
                            for (int i = 0; i < warn.size(); i++) {
                                perIteration[i] = warn.get(i).asDouble() / off.get(i).asDouble();
                                w += warn.get(i).asDouble();
                                o += off.get(i).asDouble();
                            }
                            splits.add(new Split(jar, db, name.substring(name.lastIndexOf('.') + 1), round, w / o, ci(perIteration)));
                        }
                    }
                }
            }
        }
        String table = table(forks, jars.keySet(), dbs, List.of(methods.split(",")), rounds, warmup, iterations)
                + splitTable(splits, jars.keySet(), dbs, List.of(methods.split(",")));
        System.out.println(table);
        Files.writeString(out.resolve("guard-compare.md"), table);
        json.writerWithDefaultPrettyPrinter().writeValue(new File(out.resolve("guard-compare.json").toString()), forks);
        json.writerWithDefaultPrettyPrinter().writeValue(new File(out.resolve("guard-split.json").toString()), splits);
        if (extra != null) {
            // for the report's (g) goals: the last jar's paired figures, as extra figures of GuardBench (see Goals)
            String jar = new ArrayList<>(jars.keySet()).get(jars.size() - 1);
            StringBuilder lines = new StringBuilder();
            for (String db : dbs) {
                for (String method : methods.split(",")) {
                    for (String mode : List.of("off", "warn")) {
                        double[] r = ratios(forks, jar, db, method, mode, false);
                        double[] a = ratios(forks, jar, db, method, mode, true);
                        if (r.length == 0) {
                            continue;
                        }
                        String name = GuardBench.class.getName() + "." + method;
                        List<Object[]> figures = new ArrayList<>(List.of(new Object[][] {{"overPct", 100 * (mean(r) - 1)},
                                {"overPctCi", 100 * ci(r)}, {"allocOverPct", 100 * (mean(a) - 1)}, {"rounds", (double) r.length}}));
                        double[] sp = splits.stream().filter(x -> x.jar().equals(jar) && x.db().equals(db) && x.method().equals(method))
                                .mapToDouble(Split::ratio).toArray();
                        if (mode.equals("warn") && sp.length > 0) {
                            figures.add(new Object[] {"overOffPct", 100 * (mean(sp) - 1)});
                            figures.add(new Object[] {"overOffPctCi", 100 * ci(sp)});
                        }
                        for (Object[] m : figures) {
                            lines.append(String.format(Locale.ROOT, "{\"benchmark\":\"%s\",\"db\":\"%s\",\"metric\":\"%s.guard=%s\","
                                    + "\"value\":%.3f}%n", name, db, m[0], mode, (Double) m[1]));
                        }
                    }
                }
            }
            Files.writeString(extra, lines, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        Db.closeAll();
        System.exit(0);
    }

    private static String table(List<Fork> forks, Iterable<String> jars, List<String> dbs, List<String> methods, int rounds, int warmup,
                                int iterations) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%d rounds, one fork per jar and mode in each, their order rotated per round; "
                + "%d × 1 s warm-up, %d × 1 s measured; ratio = mode ÷ none of the same round, mean ± 95%% CI over rounds%n%n",
                rounds, warmup, iterations));
        md.append("| db | benchmark | jar | guard | ms/op (mean of rounds) | time ÷ none | alloc B/op | alloc ÷ none |\n");
        md.append("|---|---|---|---|--:|--:|--:|--:|\n");
        for (String db : dbs) {
            for (String method : methods) {
                for (String jar : jars) {
                    for (String mode : MODES) {
                        List<Fork> mine = select(forks, jar, db, method, mode);
                        if (mine.isEmpty()) {
                            continue;
                        }
                        double[] ms = mine.stream().mapToDouble(Fork::ms).toArray();
                        double[] alloc = mine.stream().mapToDouble(Fork::allocBytes).toArray();
                        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.3f ± %.3f | %s | %,.0f | %s |%n", db, method, jar, mode,
                                mean(ms), ci(ms), ratio(ratios(forks, jar, db, method, mode, false)), mean(alloc),
                                ratio(ratios(forks, jar, db, method, mode, true))));
                    }
                }
            }
        }
        return md.toString();
    }

    private static List<Fork> select(List<Fork> forks, String jar, String db, String method, String mode) {
        return forks.stream().filter(f -> f.jar().equals(jar) && f.db().equals(db) && f.method().equals(method) && f.mode().equals(mode))
                .toList();
    }

    /** @return per round: the mode's time (or allocation) ÷ that of "none" in the same round (of the same jar if it ran one) */
    private static double[] ratios(List<Fork> forks, String jar, String db, String method, String mode, boolean alloc) {
        List<Double> out = new ArrayList<>();
        for (Fork f : select(forks, jar, db, method, mode)) {
            Fork base = forks.stream().filter(x -> x.round() == f.round() && x.db().equals(db) && x.method().equals(method)
                    && x.mode().equals("none")).min((x, y) -> Boolean.compare(!x.jar().equals(jar), !y.jar().equals(jar))).orElse(null);
            if (base != null) {
                out.add(alloc ? f.allocBytes() / base.allocBytes() : f.ms() / base.ms());
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String ratio(double[] r) {
        return r.length == 0 ? "?" : String.format(Locale.ROOT, "%.3f ± %.3f", mean(r), ci(r));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** @return the half width of the 95% confidence interval of the mean (Student's t), NaN for fewer than 2 values */
    private static double ci(double[] v) {
        int n = v.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double[] t = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262};
        double tq = n - 2 < t.length ? t[n - 2] : 1.96;
        return tq * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
    }
}
