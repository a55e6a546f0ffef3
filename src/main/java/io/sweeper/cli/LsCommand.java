package io.sweeper.cli;

import io.sweeper.report.SweepOverview;
import io.sweeper.report.SweepTable;
import io.sweeper.report.TerminalText;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sweeper ls}: the sweeps in the store, newest first. */
@Command(name = "ls", description = "List the sweeps in the store, newest first.")
final class LsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store opened = store.openReadOnly()) {
            List<SweepRow> sweeps = opened.listSweeps();
            if (sweeps.isEmpty()) {
                out.println(TerminalText.escape("no sweeps in " + opened.url() + " yet: `sweeper run SWEEP_FILE` starts one"));
                return 0;
            }
            SweepTable.lines(sweeps.stream().map(sweep -> SweepOverview.read(opened, sweep)).toList())
                    .forEach(line -> out.println(TerminalText.escape(line)));
        }
        return 0;
    }
}
