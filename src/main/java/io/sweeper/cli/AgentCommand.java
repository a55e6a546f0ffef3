package io.sweeper.cli;

import io.sweeper.report.TerminalText;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sweeper agent SWEEP}: one more process running trials of a sweep that {@code run} created
 * in a shared database, on this machine or another. It runs the sweep file stored with the sweep,
 * so every agent runs the same one; it ends (exit 0) once the sweep has nothing left to run.
 */
@Command(name = "agent", description = "Join a sweep in a shared database (PostgreSQL) and run its trials, with the sweep file"
        + " stored with it, until nothing is left to run. Start one per machine; `sweeper run` with the same --db is one more.")
final class AgentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", description = "Sweep id or name, as `sweeper ls` shows them.")
    String sweep;

    @Mixin
    StoreOptions store;

    @Mixin
    SweepExecution execution;

    @Override
    public Integer call() throws Exception {
        try (Store s = store.open()) {
            SweepRow row = s.findSweep(sweep);
            if (row.state() != SweepState.RUNNING) {
                String next = row.state() == SweepState.FINISHED ? "`sweeper show " + row.id() + "` lists its trials"
                        : "`sweeper resume " + row.id() + "` continues it, and agents can then join";
                System.out.println(TerminalText.escape("sweep " + row.id() + " (" + row.name() + ") is "
                        + row.state().word() + ": nothing to run; " + next));
                return 0;
            }
            return execution.executeStored(s, row);
        }
    }
}
