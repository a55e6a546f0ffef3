package io.sweeper.cli;

import io.sweeper.exec.AskTell;
import io.sweeper.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweeper report SWEEP TRIAL --epoch N name=value…}: records an epoch of a trial the caller
 * holds and renews its lease; exit {@value #STOP} (and {@code "stop": true}) when early
 * termination stopped the trial, which is then recorded as pruned.
 */
@Command(name = "report", description = {"Record one epoch of a trial you hold (from `sweeper ask`) and renew its lease;"
        + " prints JSON {stop, reason}.",
        "Exit 0: go on; 3: early termination stopped the trial (recorded as pruned: stop, and do not `tell`)."})
final class ReportCommand implements Callable<Integer> {
    static final int STOP = 3;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep id or name.")
    String sweep;

    @Parameters(index = "1", paramLabel = "TRIAL", description = "The trial's number, as `ask` printed it.")
    int trial;

    @Parameters(index = "2..*", paramLabel = "NAME=VALUE", description = "The epoch's metrics, e.g. val/acc=0.91 loss=0.3.")
    List<String> metrics = List.of();

    @Option(names = "--epoch", required = true, paramLabel = "N", description = "The epoch (1, 2, …).")
    int epoch;

    @Mixin
    StoreOptions store;

    @Mixin
    AskTellOptions options;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Double> values = AskTellOptions.metrics(metrics);
        String token = options.token();
        try (Store s = AskTellOptions.open(store)) {
            AskTell.Reported reported = options.askTell(s, s.findSweep(sweep)).report(trial, token, epoch, values);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("stop", reported.stop().isPresent());
            reported.stop().ifPresent(why -> answer.put("reason", why));
            System.out.println(AskTellOptions.json(answer));
            return reported.stop().isPresent() ? STOP : 0;
        }
    }
}
