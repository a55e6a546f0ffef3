package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sweeper resume SWEEP}: continues a stopped or killed sweep from what the store recorded. */
@Command(name = "resume", description = "Continue a sweep: finished trials stay, cancelled and abandoned ones run again, the search goes on.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", description = "Sweep id or name.")
    String sweep;

    @Mixin
    StoreOptions store;

    @Mixin
    SweepExecution execution;

    @Override
    public Integer call() throws Exception {
        try (Store s = store.open()) {
            SweepRow row = s.findSweep(sweep);
            if (row.state() == SweepState.FINISHED) {
                throw new SweeperException("sweep " + row.id() + " (" + row.name() + ") already finished; `sweeper show "
                        + row.id() + "` lists its trials");
            }
            s.setSweepState(row.id(), SweepState.RUNNING);
            return execution.executeStored(s, row);
        }
    }
}
