package io.sweeper.dashboard;

import io.sweeper.exec.SweepProgress;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.train.data.LoadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard of a running sweep ({@code run}, {@code resume}, {@code agent}): passes every
 * event on to the live display it wraps and rewrites the page when a trial ends, at most every
 * {@link #PERIOD} and at most {@value #MAX_SHARE_PERCENT} % of the time (a page that took 2 s to
 * write waits 200 s: a sweep of many thousand trials), on a thread of its own so no worker waits
 * for it; {@link #finish} writes the final page. A page that cannot be written costs a warning, never the sweep: it is all in the
 * store, and {@code sweeper dashboard} writes it again.
 */
public final class LiveDashboard implements SweepProgress, AutoCloseable {
    public static final Duration PERIOD = Duration.ofSeconds(30);
    /** The most of the wall time rewriting the page may take. */
    static final int MAX_SHARE_PERCENT = 1;
    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboard.class);

    private final Store store;
    private final long sweepId;
    private final Path file;
    private final SweepProgress display;
    private final Duration period;
    private final LoadOptions images;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "sweeper-dashboard");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicLong lastWrite = new AtomicLong(System.nanoTime());
    private final AtomicLong lastWriteNanos = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong writeNanos = new AtomicLong();

    /** @param images how to load the data set for the final page's sample predictions (see {@link Dashboard#html}) */
    public LiveDashboard(Store store, long sweepId, Path file, SweepProgress display, LoadOptions images) {
        this(store, sweepId, file, display, images, PERIOD);
    }

    LiveDashboard(Store store, long sweepId, Path file, SweepProgress display, LoadOptions images, Duration period) {
        this.store = store;
        this.images = images;
        this.sweepId = sweepId;
        this.file = file;
        this.display = display;
        this.period = period;
    }

    public Path file() {
        return file;
    }

    /** Writes the page now, before the first trial ends, so the file exists from the start. */
    public void start() {
        refresh(Optional.empty());
        lastWriteNanos.set(0); // the first page pays for loading classes and ECharts: it sets no pace
    }

    @Override
    public void trialStarted(int number, Map<String, Object> params) {
        display.trialStarted(number, params);
    }

    @Override
    public void epoch(int number, int epoch, Map<String, Double> metrics) {
        display.epoch(number, epoch, metrics);
    }

    @Override
    public void trialEnded(int number, String state, String detail) {
        display.trialEnded(number, state, detail);
        long wait = Math.max(period.toNanos(), lastWriteNanos.get() * (100 / MAX_SHARE_PERCENT));
        if (System.nanoTime() - lastWrite.get() >= wait && writing.compareAndSet(false, true)) {
            writer.execute(() -> {
                try {
                    refresh(Optional.empty());
                } finally {
                    writing.set(false);
                }
            });
        }
    }

    /** Waits for a refresh under way, then writes the final page; returns false when it could not be written. */
    public boolean finish() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(1, TimeUnit.MINUTES);
        return refresh(Optional.of(images));
    }

    /** How often the page was written and the time that took, for the last line of a run. */
    public String cost() {
        return writes.get() + (writes.get() == 1 ? " write, " : " writes, ")
                + String.format(java.util.Locale.ROOT, "%.1f s", writeNanos.get() / 1e9) + " in all";
    }

    private boolean refresh(Optional<LoadOptions> withImages) {
        long start = System.nanoTime();
        try {
            SweepRow sweep = store.findSweep(Long.toString(sweepId));
            Dashboard.write(store, List.of(sweep), file, withImages);
            writes.incrementAndGet();
            return true;
        } catch (RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("the dashboard {} was not written ({}); `sweeper dashboard {}` writes it later", file, e.getMessage(), sweepId);
            }
            return false;
        } finally {
            long end = System.nanoTime();
            lastWrite.set(end);
            lastWriteNanos.set(end - start);
            writeNanos.addAndGet(end - start);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }
}
