package io.sweeper.report;

import io.sweeper.report.TextTable.Column;
import io.sweeper.sweep.Goal;
import io.sweeper.store.ProcessSeen;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code sweeper show} prints: the sweep's header (with the processes working on it, for
 * agents on several machines) and its trials, the ones that ran to an
 * end first, best first by the sweep's goal (finished and pruned together, as both compete for
 * best), then running trials (best so far first), queued, failed and cancelled ones.
 *
 * <p>Only the trials shown are fetched: the database ranks each state's trials by their kept best
 * value (no metric rows are read) and returns the first N, and states with no trials are not
 * asked, so showing 50 of 10,000 trials fetches about 50 rows.
 */
public final class TrialLeaderboard {
    /** The order of the groups shown; the states within a group are ranked together. */
    private static final List<List<TrialState>> GROUPS = List.of(
            List.of(TrialState.FINISHED, TrialState.PRUNED),
            List.of(TrialState.RUNNING),
            List.of(TrialState.QUEUED),
            List.of(TrialState.FAILED),
            List.of(TrialState.CANCELLED));

    private final SweepOverview overview;
    private final List<ProcessSeen> processes;
    private final List<TrialRow> trials;

    private TrialLeaderboard(SweepOverview overview, List<ProcessSeen> processes, List<TrialRow> trials) {
        this.overview = overview;
        this.processes = List.copyOf(processes);
        this.trials = List.copyOf(trials);
    }

    /**
     * The sweep {@code idOrName} (an unknown one is the store's SweeperException) and its first
     * {@code limit} trials in leaderboard order.
     */
    public static TrialLeaderboard read(Store store, String idOrName, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        SweepOverview overview = SweepOverview.read(store, store.findSweep(idOrName));
        long sweepId = overview.sweep().id();
        Comparator<TrialRow> ranking = ranking(overview.sweep().goal());
        List<TrialRow> shown = new ArrayList<>();
        for (List<TrialState> group : GROUPS) {
            int room = limit - shown.size();
            if (room == 0) {
                break;
            }
            group.stream()
                    .filter(state -> overview.count(state) > 0)
                    .flatMap(state -> store.topTrials(sweepId, state, room).stream())
                    .sorted(ranking)
                    .limit(room)
                    .forEach(shown::add);
        }
        return new TrialLeaderboard(overview, store.processes(sweepId), shown);
    }

    /**
     * The store's ranking ({@link Store#trials}), to merge the states of a group the way the store
     * ranks each: trials with a value first, by value in the goal's direction (NaN as the largest
     * number, like the databases), then by number.
     */
    static Comparator<TrialRow> ranking(Goal goal) {
        int direction = goal == Goal.MAXIMIZE ? -1 : 1;
        return Comparator.<TrialRow, Boolean>comparing(t -> t.bestValue().isEmpty())
                .thenComparing((a, b) -> direction * Double.compare(a.bestValue().orElse(0), b.bestValue().orElse(0)))
                .thenComparingInt(TrialRow::number);
    }

    /** Header, a blank line, the table, and a note when trials were left out; {@code now} times running trials. */
    public List<String> lines(Instant now) {
        Objects.requireNonNull(now, "now");
        SweepRow sweep = overview.sweep();
        List<String> lines = new ArrayList<>();
        lines.add("sweep " + sweep.name() + " (id " + sweep.id() + "): " + sweep.method() + ", "
                + sweep.goal().word() + " " + sweep.metricName() + ", " + sweep.state().word()
                + ", created " + Cells.time(sweep.createdAt()));
        lines.add("trials: " + overview.total() + " (" + overview.countsByState() + ")");
        lines.add(overview.best()
                .map(best -> "best: trial " + best.number() + ", " + sweep.metricName() + " "
                        + Cells.metric(best.bestValue()) + " at epoch " + Cells.integer(best.bestEpoch()))
                .orElse("best: none yet (no finished trial has a value of " + sweep.metricName() + ")"));
        if (!processes.isEmpty()) {
            // a killed process's row stays until a process on its machine resumes: its age says so
            lines.add("processes: " + processes.stream()
                    .map(p -> p.process().replaceFirst(":$", "") + " (seen " + Cells.ago(p.seenAt(), now) + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (trials.isEmpty()) {
            return lines;
        }
        lines.add("");
        TextTable table = new TextTable(List.of(Column.right("#"), Column.left("state"),
                Column.right(sweep.metricName()), Column.right("at epoch"), Column.right("epochs"),
                Column.right("time"), Column.left("parameters")));
        for (TrialRow trial : trials) {
            table.add(List.of(
                    Integer.toString(trial.number()),
                    trial.state().word(),
                    Cells.metric(trial.bestValue()),
                    Cells.integer(trial.bestEpoch()),
                    Cells.integer(trial.lastEpoch()),
                    Cells.duration(trial.startedAt(), trial.endedAt(), now),
                    TrialParams.compact(TrialParams.parse(trial.paramsJson()))));
        }
        lines.addAll(table.lines());
        int hidden = overview.total() - trials.size();
        if (hidden > 0) {
            lines.add("… and " + hidden + " more trials (--limit N or --all shows them)");
        }
        return lines;
    }
}
