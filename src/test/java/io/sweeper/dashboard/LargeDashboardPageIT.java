package io.sweeper.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.testing.ChromiumPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guard against the hang of large pages, not a benchmark: the dashboard of 1,000 finished trials ×
 * 100 epochs (the size that hung) must finish drawing in headless Chromium within a generous minute.
 * Before chart data held only numbers, each history dot referenced its sweep (every trial and
 * curve), ECharts deep-copied the sweep once per dot, and such a page never finished loading.
 * bench/dashboard measures the times.
 */
class LargeDashboardPageIT {
    private static final int TRIALS = 1_000;
    private static final int EPOCHS = 100;

    @TempDir
    Path dir;

    @Test
    void aThousandTrialPageFinishesDrawingWithinAMinute() throws Exception {
        Path file = dir.resolve("page.html");
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("db"))) {
            SweepRow sweep = DashboardBench.fill(store, "large", TRIALS, EPOCHS);
            Dashboard.write(store, List.of(sweep), file, Optional.empty());
        }
        try (ChromiumPage page = ChromiumPage.start(1400, 900)) {
            page.navigate(file.toUri().toString(), Duration.ofSeconds(60));
            assertThat(page.evaluate("document.body.dataset.rendered").asText()).isEqualTo("true");
            assertThat(page.errors()).isEmpty();
            assertThat(page.evaluate("sweeperDashboard.charts['history-number'].getOption().series[0].data.length").asInt())
                    .isEqualTo(TRIALS);
            // a dot's tooltip finds its trial by index: the dot at x = n is trial n
            assertThat(page.evaluate("(c => c.getOption().tooltip[0].formatter({seriesIndex: 0, dataIndex: 500,"
                    + " value: c.getOption().series[0].data[500]}).startsWith('<b>trial ' + c.getOption().series[0].data[500][0] + '</b>'))"
                    + "(sweeperDashboard.charts['history-number'])").asBoolean()).isTrue();
            assertThat(page.evaluate("sweeperDashboard.charts['curves-1'].getOption().series.length").asInt())
                    .as("other trials, pruned, and the top 10").isEqualTo(12);
        }
    }
}
