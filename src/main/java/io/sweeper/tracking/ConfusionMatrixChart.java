package io.sweeper.tracking;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A confusion matrix as a heat map PNG: actual label down, predicted label across, every label
 * written on both axes, and each cell coloured by its share of the row (the class's images), so
 * rare and common classes read alike and the diagonal is the per-class accuracy.
 */
public final class ConfusionMatrixChart {
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 1150;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private ConfusionMatrixChart() {
    }

    /** Writes the heat map of {@code matrix} to {@code file}, {@link #WIDTH}×{@link #HEIGHT}. */
    public static void writePng(String title, ConfusionMatrix matrix, Path file) throws IOException {
        if (matrix.size() == 0) {
            throw new IllegalArgumentException("no classes to plot for " + title);
        }
        HeadlessPng.write(() -> chart(title, matrix), WIDTH, HEIGHT, file);
    }

    private static JFreeChart chart(String title, ConfusionMatrix matrix) {
        int n = matrix.size();
        double[][] cells = new double[3][n * n];
        for (int actual = 0; actual < n; actual++) {
            for (int predicted = 0; predicted < n; predicted++) {
                int i = actual * n + predicted;
                cells[0][i] = predicted;
                cells[1][i] = actual;
                cells[2][i] = matrix.rowFraction(actual, predicted);
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("share of row", cells);

        String[] labels = matrix.labels().toArray(String[]::new);
        SymbolAxis predictedAxis = labelAxis("predicted", labels);
        SymbolAxis actualAxis = labelAxis("actual", labels);
        actualAxis.setInverted(true); // first class at the top, as a matrix is read

        RowShareScale scale = new RowShareScale();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, predictedAxis, actualAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(title + " — share of each actual class", JFreeChart.DEFAULT_TITLE_FONT,
                plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("share of the row");
        legendAxis.setRange(0, 1);
        legendAxis.setTickUnit(new NumberTickUnit(0.1));
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 10, 10, 10));
        legend.setFrame(new BlockBorder(Color.WHITE));
        legend.setStripWidth(16);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Every label shown, one per cell, however many classes (the default skips to avoid overlap). */
    private static SymbolAxis labelAxis(String name, String[] labels) {
        SymbolAxis axis = new SymbolAxis(name, labels);
        axis.setGridBandsVisible(false);
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setTickLabelFont(LABEL_FONT);
        axis.setRange(-0.5, labels.length - 0.5);
        return axis;
    }

    /**
     * White (none of the row) to dark blue (all of it), on a square-root scale so that the few
     * percent a confusion usually takes is still visible; a warm grey (no neutral grey of the text's
     * anti-aliasing) for a class with no images.
     */
    static final class RowShareScale implements PaintScale {
        private static final Color EMPTY_ROW = new Color(0xe0d4bc);

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return 1;
        }

        @Override
        public Paint getPaint(double share) {
            if (Double.isNaN(share)) {
                return EMPTY_ROW;
            }
            double t = Math.sqrt(Math.max(0, Math.min(1, share)));
            return new Color(mix(255, 8, t), mix(255, 48, t), mix(255, 107, t));
        }

        private static int mix(int from, int to, double t) {
            return (int) Math.round(from + (to - from) * t);
        }
    }
}
