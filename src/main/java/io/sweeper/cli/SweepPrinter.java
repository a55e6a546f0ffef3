package io.sweeper.cli;

import io.sweeper.exec.SweepProgress;
import io.sweeper.report.TerminalText;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The live display of {@code sweeper run}: on a terminal one status line, redrawn (trials done of
 * total, each running trial's epoch, best so far); always one line per finished trial.
 */
final class SweepPrinter implements SweepProgress {
    private final PrintStream out = System.out;
    private final boolean terminal = System.console() != null;
    private final String metric;
    private final boolean maximize;
    private final String total;
    private final Map<Integer, Integer> running = new TreeMap<>();
    private int done;
    private Double best;
    private int bestTrial = -1;

    SweepPrinter(String metric, boolean maximize, String total) {
        this.metric = metric;
        this.maximize = maximize;
        this.total = total;
    }

    @Override
    public synchronized void trialStarted(int number, Map<String, Object> params) {
        running.put(number, 0);
        clearStatus();
        out.println(TerminalText.escape("trial " + number + " started: " + params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))));
        drawStatus();
    }

    @Override
    public synchronized void epoch(int number, int epoch, Map<String, Double> metrics) {
        running.put(number, epoch);
        Double value = metrics.get(metric);
        if (value != null && !value.isNaN() && (best == null || (maximize ? value > best : value < best))) {
            best = value;
            bestTrial = number;
        }
        drawStatus();
    }

    @Override
    public synchronized void trialEnded(int number, String state, String detail) {
        running.remove(number);
        done++;
        clearStatus();
        out.println(TerminalText.escape("trial " + number + " " + state + (detail.isEmpty() ? "" : ": " + detail)));
        drawStatus();
    }

    /** The status as one line: what a terminal shows, redrawn in place. */
    synchronized String status() {
        String runningText = running.entrySet().stream().map(e -> "#" + e.getKey() + " epoch " + e.getValue())
                .collect(Collectors.joining(", "));
        return TerminalText.escape(String.format(Locale.ROOT, "trials %d/%s done%s%s", done, total,
                running.isEmpty() ? "" : " · running " + runningText,
                best == null ? "" : String.format(Locale.ROOT, " · best %s %.4f (#%d)", metric, best, bestTrial)));
    }

    private void drawStatus() {
        if (terminal) {
            out.print("\r\033[K" + status());
            out.flush();
        }
    }

    private void clearStatus() {
        if (terminal) {
            out.print("\r\033[K");
        }
    }
}
