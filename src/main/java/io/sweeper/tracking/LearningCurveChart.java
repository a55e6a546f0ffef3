package io.sweeper.tracking;

import io.sweeper.store.EpochMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A trial's learning curve as a PNG: one panel for loss and one for accuracy, training and
 * validation in each, against the epoch. Trials that report other metrics (a {@code command:}
 * program's own names) get one panel per metric instead. Missing and non-finite values are
 * left out (NaN marks divergence; it cannot be drawn).
 */
public final class LearningCurveChart {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 750;
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color VALIDATION = new Color(0xd62728);
    private static final List<Panel> STANDARD = List.of(
            new Panel("loss", List.of("loss", "val_loss")),
            new Panel("accuracy", List.of("accuracy", "val_accuracy")));

    /** One panel of the chart: its y-axis label and the metrics drawn in it. */
    record Panel(String axisLabel, List<String> metrics) {
    }

    private LearningCurveChart() {
    }

    /** Writes the learning curve of {@code epochs} to {@code file}, {@link #WIDTH}×{@link #HEIGHT}. */
    public static void writePng(String title, List<EpochMetrics> epochs, Path file) throws IOException {
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("no epochs to plot for " + title);
        }
        HeadlessPng.write(() -> chart(title, epochs), WIDTH, HEIGHT, file);
    }

    /** Loss and accuracy panels with the standard metrics present, or else one panel per metric. */
    static List<Panel> panels(Set<String> reported) {
        List<Panel> standard = new ArrayList<>();
        for (Panel panel : STANDARD) {
            List<String> present = panel.metrics().stream().filter(reported::contains).toList();
            if (!present.isEmpty()) {
                standard.add(new Panel(panel.axisLabel(), present));
            }
        }
        if (!standard.isEmpty()) {
            return standard;
        }
        return new TreeSet<>(reported).stream().map(name -> new Panel(name, List.of(name))).toList();
    }

    private static JFreeChart chart(String title, List<EpochMetrics> epochs) {
        Set<String> reported = new TreeSet<>();
        epochs.forEach(e -> reported.addAll(e.values().keySet()));
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        plot.setGap(12);
        for (Panel panel : panels(reported)) {
            plot.add(panelPlot(panel, epochs), 1);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYPlot panelPlot(Panel panel, List<EpochMetrics> epochs) {
        XYSeriesCollection series = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, epochs.size() <= 50);
        for (String metric : panel.metrics()) {
            XYSeries points = new XYSeries(metric);
            for (EpochMetrics epoch : epochs) {
                Double value = epoch.values().get(metric);
                if (value != null && Double.isFinite(value)) {
                    points.add(epoch.epoch(), value);
                }
            }
            int index = series.getSeriesCount();
            series.addSeries(points);
            renderer.setSeriesStroke(index, new BasicStroke(2f));
            if (STANDARD.stream().anyMatch(p -> p.metrics().contains(metric))) {
                renderer.setSeriesPaint(index, metric.startsWith("val_") ? VALIDATION : TRAIN);
            }
        }
        NumberAxis valueAxis = new NumberAxis(panel.axisLabel());
        valueAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(series, null, valueAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
