package io.sweeper.report;

import io.sweeper.report.TextTable.Column;
import io.sweeper.store.TrialRow;
import java.util.List;

/** What {@code sweeper ls} prints: one line per sweep, newest first. */
public final class SweepTable {
    private SweepTable() {
    }

    public static List<String> lines(List<SweepOverview> sweeps) {
        TextTable table = new TextTable(List.of(Column.right("id"), Column.left("name"), Column.left("method"),
                Column.left("metric"), Column.left("state"), Column.right("done"), Column.right("best"),
                Column.left("created"), Column.left("trials")));
        for (SweepOverview sweep : sweeps) {
            table.add(List.of(
                    Long.toString(sweep.sweep().id()),
                    sweep.sweep().name(),
                    sweep.sweep().method(),
                    sweep.metric(),
                    sweep.sweep().state().word(),
                    sweep.done() + "/" + sweep.total(),
                    sweep.best().map(SweepTable::best).orElse(Cells.NONE),
                    Cells.time(sweep.sweep().createdAt()),
                    sweep.countsByState()));
        }
        return table.lines();
    }

    /** {@code 0.9312 #17}: the value and the trial that reached it. */
    private static String best(TrialRow trial) {
        return Cells.metric(trial.bestValue()) + " #" + trial.number();
    }
}
