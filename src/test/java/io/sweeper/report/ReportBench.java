package io.sweeper.report;

import io.sweeper.store.ShowBestBench;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * How long what {@code sweeper show}, {@code best} and {@code ls} compute takes on the store of
 * {@link ShowBestBench} (10,000 finished trials × 100 epochs × 2 metrics), from rows to printed
 * lines. Run by bench/report-show-best.sh, each operation in a fresh JVM, which also times the
 * whole command as a user runs it. Usage: ReportBench JDBC_URL show|show-all|best|ls.
 */
public final class ReportBench {
    private static final String SWEEP = "bench-10k-trials";
    private static final int RUNS = 30;

    private ReportBench() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String operation = args[1];
        try (Store store = Store.open(url)) {
            if (store.listSweeps().stream().map(SweepRow::name).noneMatch(SWEEP::equals)) {
                throw new IllegalStateException("no sweep " + SWEEP + " in " + store.url() + ": run bench/store-show-best.sh first");
            }
            switch (operation) {
                case "show" -> time("show SWEEP (first 50 trials)",
                        () -> TrialLeaderboard.read(store, SWEEP, 50).lines(Instant.now()).size());
                case "show-all" -> time("show SWEEP --all (10,000 trials)",
                        () -> TrialLeaderboard.read(store, SWEEP, Integer.MAX_VALUE).lines(Instant.now()).size());
                case "best" -> time("best SWEEP (YAML)",
                        () -> BestConfig.read(store, SWEEP).render(BestConfig.Format.YAML).length());
                case "ls" -> time("ls",
                        () -> SweepTable.lines(store.listSweeps().stream().map(s -> SweepOverview.read(store, s)).toList()).size());
                default -> throw new IllegalArgumentException("unknown operation " + operation);
            }
        }
    }

    /** The first call is what a one-shot command pays after opening the store; the rest are warm. */
    private static void time(String what, IntSupplier call) {
        long firstStart = System.nanoTime();
        call.getAsInt();
        double first = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < 4; i++) {
            call.getAsInt();
        }
        double[] millis = new double[RUNS];
        int result = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            result = call.getAsInt();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-34s first %6.1f ms   then median %6.1f ms, p90 %6.1f ms   (%d)%n",
                what, first, millis[RUNS / 2], millis[RUNS * 9 / 10], result);
    }
}
