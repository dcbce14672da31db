package dev.eagerdsl.bench.report;

import dev.eagerdsl.bench.support.Alternative.Role;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, drawn with JFreeChart from the same rows as its tables. */
final class Charts {

    private Charts() {
    }

    /** Bars: each scenario's plan time divided by its best hand-written alternative, per database. */
    static void ratios(List<Row> rows, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.scenario().equals("GuardBench") || r.scenario().equals("StreamBench")) {
                continue;
            }
            String category = Goals.title(r.scenario()) + (r.params().containsKey("owners")
                    ? " " + Long.parseLong(r.params().get("owners")) / 1000 + "k" : "");
            groups.computeIfAbsent(category + "|" + r.db(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            Row plan = Report.best(g.getValue(), r -> r.role() == Role.PLAN);
            Row hand = Report.best(g.getValue(), r -> r.role() == Role.HAND);
            if (plan != null && hand != null) {
                String[] k = g.getKey().split("\\|");
                data.addValue(plan.ms() / hand.ms(), Goals.name(k[1]), k[0]);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Plan time ÷ best hand-written alternative (lower is better)",
                "scenario", "ratio of mean times", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setSeriesPaint(0, new Color(0x4C72B0));
        renderer.setSeriesPaint(1, new Color(0xDD8452));
        ValueMarker goal = new ValueMarker(1.10, new Color(0xC44E52), new BasicStroke(2f));
        goal.setLabel("goal 1.10×");
        plot.addRangeMarker(goal);
        plot.addRangeMarker(new ValueMarker(1.0, Color.DARK_GRAY, new BasicStroke(1f)));
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 480);
    }

    /** Lines: time per owner as the number of owners grows, per alternative and database. */
    static void scale(List<Row> rows, Path png) throws IOException {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!r.scenario().equals("ScaleBench")) {
                continue;
            }
            long owners = Long.parseLong(r.params().get("owners"));
            String name = r.label().replaceAll(",.*|\\(\"orders\"\\)", "") + " · " + Goals.name(r.db());
            series.computeIfAbsent(name, XYSeries::new).add(owners, 1000 * r.ms() / owners);
        }
        if (series.isEmpty()) {
            return;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Time per owner (µs) as owners grow (flat is the goal)",
                "owners", "µs per owner", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setDomainAxis(new LogAxis("owners (log scale)"));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        var renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        plot.setRenderer(renderer);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 480);
    }
}
