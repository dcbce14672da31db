package dev.eagerdsl.bench.report;

import dev.eagerdsl.bench.support.Alternative.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The goals, each with the figure this run measured and whether it was met. */
final class Goals {

    private Goals() {
    }

    static void write(StringBuilder md, List<Row> rows, Map<String, Double> extra) {
        md.append("| goal | measured | met |\n|---|---|:-:|\n");
        // 1. every plan within 1.10x of the best hand-written alternative of its shape
        for (String scenario : List.of("BooksAuthorBench", "BooksAuthorRootBench", "CoursesStudentsBench",
                "CourseShapesBench", "AuthorsTwoLevelsBench",
                "CategoryPageBench", "ScaleBench")) {
            for (List<Row> g : groups(rows, scenario)) {
                // every entry point a scenario runs the plan through must meet it: the slowest one is checked
                List<Row> plans = g.stream().filter(r -> r.role() == Role.PLAN).toList();
                Row plan = plans.stream().max(java.util.Comparator.comparingDouble(Row::ms)).orElse(null);
                Row hand = Report.best(g, r -> r.role() == Role.HAND);
                if (plan == null || hand == null) {
                    continue;
                }
                double ratio = plan.ms() / hand.ms();
                String goal = "plan ≤ 1.10× best hand-written: " + title(scenario) + ", " + where(plan);
                String jmh = String.format(Locale.ROOT, "%s ms%s vs %s ms (%s): ", Report.fmt(plan.ms()),
                        plans.size() > 1 ? " (" + plan.label() + ", the slowest of " + plans.size() + " entry points)" : "",
                        Report.fmt(hand.ms()), hand.label());
                // PlanSplit's reading (every entry point and the hand-written alternatives alternating in one JVM) decides
                // where it was taken: the upper 95% end of the highest entry point; JMH's forks, each a JVM of its own, drift more
                Row worst = null;
                double worstSplit = Double.NaN;
                double worstCi = Double.NaN;
                for (Row p : plans) {
                    String suffix = dev.eagerdsl.bench.PlanSplit.suffix(p.params());
                    Double split = extra.get(Report.extraKey(p, "splitRatio" + suffix));
                    Double ci = extra.get(Report.extraKey(p, "splitRatioCi" + suffix));
                    if (split == null || ci == null) {
                        worst = null;
                        break;
                    }
                    if (worst == null || split + ci > worstSplit + worstCi) {
                        worst = p;
                        worstSplit = split;
                        worstCi = ci;
                    }
                }
                if (worst != null) {
                    line(md, goal, String.format(Locale.ROOT, "JMH %s%.2f×; alternating in one JVM: **%.3f× ± %.3f**%s", jmh, ratio,
                            worstSplit, worstCi, plans.size() > 1 ? " (" + worst.label() + ", the highest of " + plans.size() + ")" : ""),
                            worstSplit + worstCi <= 1.10);
                } else {
                    line(md, goal, String.format(Locale.ROOT, "%s**%.2f×**", jmh, ratio), ratio <= 1.10);
                }
            }
        }
        // 2. (c) at least 2x faster than join fetch, with at least 10x fewer rows
        for (List<Row> g : groups(rows, "AuthorsTwoLevelsBench")) {
            Optional<Row> plan = find(g, "relatedPrefetch");
            Optional<Row> join = find(g, "joinFetchBoth");
            if (plan.isPresent() && join.isPresent()) {
                double speed = join.get().ms() / plan.get().ms();
                double fewer = plan.get().rows() > 0 ? (double) join.get().rows() / plan.get().rows() : Double.NaN;
                line(md, "(c) ≥ 2× faster than join fetch of both, ≥ 10× fewer rows, " + where(plan.get()),
                        String.format(Locale.ROOT, "**%.1f×** faster, **%.1f×** fewer rows (%,d vs %,d)", speed, fewer,
                                plan.get().rows(), join.get().rows()), speed >= 2 && fewer >= 10);
            }
        }
        // 3. vs N+1 at 1,000 roots: 10x on H2, 30x on PostgreSQL
        for (List<Row> g : groups(rows, "BooksAuthorBench")) {
            Optional<Row> plan = find(g, "relatedSelect");
            Optional<Row> naive = find(g, "nPlusOne");
            if (plan.isPresent() && naive.isPresent()) {
                double speed = naive.get().ms() / plan.get().ms();
                double goal = plan.get().db().equals("pg") ? 30 : 10;
                line(md, String.format(Locale.ROOT, "(a) ≥ %.0f× faster than N+1 at 1,000 roots, %s", goal, where(plan.get())),
                        String.format(Locale.ROOT, "%s ms vs %s ms: **%.1f×** (%,d statements vs %,d)",
                                Report.fmt(plan.get().ms()), Report.fmt(naive.get().ms()), speed,
                                plan.get().statements(), naive.get().statements()), speed >= goal);
            }
        }
        // 4. per-owner cost flat from 1k to 100k
        for (String db : List.of("h2", "pg")) {
            List<Row> scale = rows.stream().filter(r -> r.scenario().equals("ScaleBench") && r.db().equals(db)
                    && r.method().equals("relatedPrefetch")).sorted((x, y) -> Long.compare(owners(x), owners(y))).toList();
            if (scale.size() >= 2) {
                Row first = scale.get(0);
                Row last = scale.get(scale.size() - 1);
                StringBuilder m = new StringBuilder();
                for (Row r : scale) {
                    m.append(m.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d: %.2f µs",
                            owners(r), 1000 * r.ms() / owners(r)));
                }
                double growth = (last.ms() / owners(last)) / (first.ms() / owners(first));
                m.append(String.format(Locale.ROOT, "; %,d vs %,d: **%.2f×**", owners(last), owners(first), growth));
                line(md, "(e) time per owner flat from 1k to 100k (within 25%), " + name(db), m.toString(), growth <= 1.25);
            }
        }
        // 5. stream over 1,000,000 roots under -Xmx256m
        for (Row r : rows) {
            if (r.scenario().equals("StreamBench")) {
                Double peak = extra.get(Report.extraKey(r, "peakHeapMiB"));
                Double max = extra.get(Report.extraKey(r, "maxHeapMiB"));
                String guard = "guard " + r.params().getOrDefault("guard", "none").toUpperCase(Locale.ROOT);
                line(md, "stream over 1,000,000 roots with prefetch under -Xmx256m, " + name(r.db()) + ", " + guard,
                        String.format(Locale.ROOT, "completed in %.1f s per pass; peak heap %s MiB of %s MiB", r.ms() / 1000,
                                peak == null ? "?" : String.format(Locale.ROOT, "%.0f", peak),
                                max == null ? "?" : String.format(Locale.ROOT, "%.0f", max)),
                        max != null && max <= 260);
                // 5b. flat cost: the last ten chunks within 1.2x of the first ten
                Double first = extra.get(Report.extraKey(r, "firstChunksMs"));
                Double last = extra.get(Report.extraKey(r, "lastChunksMs"));
                if (first != null && last != null) {
                    line(md, "stream: last ten chunks ≤ 1.2× the first ten, " + name(r.db()) + ", " + guard,
                            String.format(Locale.ROOT, "%s ms vs %s ms per chunk of 1,000: **%.2f×**", Report.fmt(last),
                                    Report.fmt(first), last / first), last / first <= 1.2);
                }
            }
        }
        // 6. guard overhead: WARN <= 3%, OFF <= 1%
        for (String db : List.of("h2", "pg")) {
            for (String method : List.of("selectPlan", "prefetchPlan")) {
                Optional<Row> none = guard(rows, db, method, "none");
                for (String mode : List.of("off", "warn")) {
                    Optional<Row> with = guard(rows, db, method, mode);
                    if (none.isEmpty() || with.isEmpty()) {
                        continue;
                    }
                    double goal = mode.equals("warn") ? 0.03 : 0.01;
                    String paired = "GuardBench." + method + "|" + db + "|";
                    Double overPct = extra.get(paired + "overPct.guard=" + mode);
                    if (overPct != null) {
                        // GuardCompare's rounds: each mode in a JVM of its own, taking turns; the ratio per round, 95% interval
                        double ci = extra.getOrDefault(paired + "overPctCi.guard=" + mode, Double.NaN);
                        Double overOff = extra.get(paired + "overOffPct.guard=" + mode);
                        double overOffCi = extra.getOrDefault(paired + "overOffPctCi.guard=" + mode, Double.NaN);
                        // WARN's own cost is read where it is precise: against OFF, alternating in one JVM (OFF against
                        // "not installed" is the line above it); without that reading, the rounds' interval decides
                        boolean met = overOff != null ? overOff + overOffCi <= goal * 100 : overPct + ci <= goal * 100;
                        line(md, String.format(Locale.ROOT, "(g) guard %s costs ≤ %.0f%%: %s, %s", mode.toUpperCase(Locale.ROOT),
                                goal * 100, with.get().label(), name(db)),
                                String.format(Locale.ROOT, "%+.1f%% ± %.1f%% over not installed (%.0f rounds of separate JVMs, 95%% interval)%s; "
                                        + "allocation %+.1f%%", overPct, ci, extra.getOrDefault(paired + "rounds.guard=" + mode, Double.NaN),
                                        overOff == null ? "" : String.format(Locale.ROOT, "; **%+.1f%% ± %.1f%%** over OFF, alternating in one JVM",
                                                overOff, overOffCi),
                                        extra.getOrDefault(paired + "allocOverPct.guard=" + mode, Double.NaN)),
                                met);
                        continue;
                    }
                    double over = with.get().ms() / none.get().ms() - 1;
                    double noise = (with.get().error() / with.get().ms() + none.get().error() / none.get().ms());
                    line(md, String.format(Locale.ROOT, "(g) guard %s costs ≤ %.0f%%: %s, %s", mode.toUpperCase(Locale.ROOT),
                            goal * 100, with.get().label(), name(db)),
                            String.format(Locale.ROOT, "%s ms vs %s ms not installed: **%+.1f%%** (errors add up to ±%.1f%%)",
                                    Report.fmt(with.get().ms()), Report.fmt(none.get().ms()), over * 100, noise * 100),
                            over <= goal);
                }
            }
        }
    }

    private static Optional<Row> guard(List<Row> rows, String db, String method, String mode) {
        return rows.stream().filter(r -> r.scenario().equals("GuardBench") && r.db().equals(db) && r.method().equals(method)
                && mode.equals(r.params().get("guard"))).findFirst();
    }

    private static long owners(Row r) {
        return Long.parseLong(r.params().get("owners"));
    }

    private static List<List<Row>> groups(List<Row> rows, String scenario) {
        java.util.Map<String, List<Row>> g = new java.util.LinkedHashMap<>();
        for (Row r : rows) {
            if (r.scenario().equals(scenario)) {
                g.computeIfAbsent(r.params().toString(), k -> new ArrayList<>()).add(r);
            }
        }
        return new ArrayList<>(g.values());
    }

    private static Optional<Row> find(List<Row> g, String method) {
        return g.stream().filter(r -> r.method().equals(method)).findFirst();
    }

    static String title(String scenario) {
        return Report.SCENARIOS.get(scenario)[0].replaceAll("^(\\([a-g]′?\\)).*", "$1");
    }

    static String name(String db) {
        return switch (db) {
            case "pg" -> "PostgreSQL";
            case "h2file" -> "H2 (file)";
            case "mariadb" -> "MariaDB";
            default -> "H2";
        };
    }

    private static String where(Row r) {
        return name(r.db()) + (r.variant().isEmpty() ? "" : " " + r.variant());
    }

    private static void line(StringBuilder md, String goal, String measured, boolean met) {
        md.append("| ").append(goal).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }
}
