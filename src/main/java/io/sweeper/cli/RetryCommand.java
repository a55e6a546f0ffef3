package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.sweep.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweeper retry SWEEP [--state failed]}: W&amp;B's "rerun crashed runs". The chosen ended
 * trials go back to the queue and the sweep runs again; it does not run them itself, so the
 * sweep's own workers do — `resume` (or `agent`, or ask/tell for a function-based sweep).
 */
@Command(name = "retry", description = "Queue a sweep's failed (or pruned, cancelled) trials again and set the sweep running;"
        + " `sweeper resume SWEEP` (or agents, or ask/tell) then runs them. Each keeps its number and parameters; its attempt grows.")
final class RetryCommand implements Callable<Integer> {
    private static final Set<TrialState> RETRYABLE = EnumSet.of(TrialState.FAILED, TrialState.PRUNED, TrialState.CANCELLED);

    @Parameters(paramLabel = "SWEEP", description = "Sweep id or name.")
    String sweep;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
            description = "Which trials: failed (default), pruned, cancelled; repeat or separate with commas.")
    List<String> states = List.of("failed");

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        Set<TrialState> chosen = EnumSet.noneOf(TrialState.class);
        for (String word : states) {
            TrialState state = RETRYABLE.stream().filter(s -> s.word().equals(word)).findFirst().orElseThrow(() ->
                    new SweeperException("--state " + word + ": retry takes failed, pruned or cancelled trials"));
            chosen.add(state);
        }
        String which = chosen.stream().map(TrialState::word).collect(Collectors.joining(" or "));
        try (Store s = store.open()) {
            SweepRow row = s.findSweep(sweep);
            int requeued = s.requeueEnded(row.id(), chosen);
            if (requeued == 0) {
                System.out.println("sweep " + row.id() + " (" + row.name() + ") has no " + which + " trials: nothing queued");
                return 0;
            }
            System.out.println(requeued + " " + which + " trial(s) of sweep " + row.id() + " (" + row.name()
                    + ") queued again; `sweeper resume " + row.id() + "` runs them (or agents, or `sweeper ask`)");
        }
        return 0;
    }
}
