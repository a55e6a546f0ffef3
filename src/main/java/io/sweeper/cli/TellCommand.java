package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.store.Store;
import io.sweeper.store.TrialOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweeper tell SWEEP TRIAL finished|failed|pruned [name=value…] [--reason TEXT]}: ends a trial the caller holds. */
@Command(name = "tell", description = "End a trial you hold (from `sweeper ask`): finished, failed or pruned, with final"
        + " metrics (recorded with its last epoch) and, for failed or pruned, a reason.")
final class TellCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep id or name.")
    String sweep;

    @Parameters(index = "1", paramLabel = "TRIAL", description = "The trial's number, as `ask` printed it.")
    int trial;

    @Parameters(index = "2", paramLabel = "STATE", description = "finished, failed or pruned.")
    String state;

    @Parameters(index = "3..*", paramLabel = "NAME=VALUE", description = "Final metrics, e.g. val/acc=0.93.")
    List<String> metrics = List.of();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it failed (its error) or was pruned.")
    Optional<String> reason = Optional.empty();

    @Mixin
    StoreOptions store;

    @Mixin
    AskTellOptions options;

    @Override
    public Integer call() throws InterruptedException {
        TrialOutcome outcome = switch (state) {
            case "finished" -> TrialOutcome.finished();
            case "failed" -> TrialOutcome.failed(reason.filter(r -> !r.isBlank()).orElse("failed (told by the caller)"));
            case "pruned" -> reason.map(TrialOutcome::pruned).orElseGet(TrialOutcome::pruned);
            default -> throw new SweeperException("'" + state + "': a trial ends finished, failed or pruned");
        };
        Map<String, Double> values = AskTellOptions.metrics(metrics);
        String token = options.token();
        try (Store s = AskTellOptions.open(store)) {
            options.askTell(s, s.findSweep(sweep)).tell(trial, token, outcome, values);
        }
        return 0;
    }
}
