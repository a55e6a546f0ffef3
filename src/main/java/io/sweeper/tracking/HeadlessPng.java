package io.sweeper.tracking;

import io.sweeper.AtomicFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Writes a chart as a PNG without a display (sweeps run on servers and in CI). */
final class HeadlessPng {
    static {
        // Before any AWT class loads; a JVM started with a display would otherwise try to use it.
        System.setProperty("java.awt.headless", "true");
    }

    private HeadlessPng() {
    }

    /**
     * Builds the chart (only now, once headless mode is set) and replaces {@code file} with it
     * atomically, so an uploader never reads half a PNG.
     */
    static void write(Supplier<JFreeChart> chart, int width, int height, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFile.replace(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, chart.get(), width, height);
            }
        });
    }
}
