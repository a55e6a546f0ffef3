package io.sweeper.cli;

import io.sweeper.exec.AskTell;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sweeper ask SWEEP}: claims the sweep's next trial for the caller's own code and prints it
 * as one JSON object. Exit codes: 0 a trial, {@value #NOTHING_LEFT} the sweep has nothing left
 * (it is finished now, or was cancelled), {@value #ASK_LATER} nothing to run now but trials still
 * run elsewhere and may come back if their worker dies.
 */
@Command(name = "ask", description = {"Claim the sweep's next trial for your own code; prints JSON: sweep, trial, attempt,"
        + " params, lease {token, until}, trial_dir, resume_epoch. Pass lease.token to `report` and `tell`"
        + " (--lease-token or SWEEPER_LEASE).",
        "Exit 0: a trial; 4: the sweep has nothing left (finished, or cancelled); 5: nothing now, trials still run elsewhere: ask again later."})
final class AskCommand implements Callable<Integer> {
    static final int NOTHING_LEFT = 4;
    static final int ASK_LATER = 5;

    @Parameters(paramLabel = "SWEEP", description = "Sweep id or name.")
    String sweep;

    @Option(names = "--worker", paramLabel = "NAME",
            description = "A name for the caller, shown by `show` (a random suffix keeps it unique; default ask).")
    String worker = "ask";

    @Option(names = "--runs", paramLabel = "DIR", description = "Where trial folders are (default: ${DEFAULT-VALUE}).")
    Path runs = Path.of(System.getProperty("user.home"), ".sweeper", "runs");

    @Mixin
    StoreOptions store;

    @Mixin
    AskTellOptions options;

    @Override
    public Integer call() throws InterruptedException {
        try (Store s = AskTellOptions.open(store)) {
            SweepRow row = s.findSweep(sweep);
            AskTell.Asked asked = options.askTell(s, row).ask(uniqueName(), runs);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("sweep", row.id());
            if (asked instanceof AskTell.Claimed claimed) {
                answer.put("trial", claimed.trial().number());
                answer.put("attempt", claimed.trial().lease().attempt());
                answer.put("params", claimed.params());
                Map<String, Object> lease = new LinkedHashMap<>();
                lease.put("token", AskTell.token(claimed.trial().lease()));
                lease.put("until", claimed.trial().lease().until().toString());
                answer.put("lease", lease);
                answer.put("trial_dir", claimed.trialDir().toAbsolutePath().toString());
                answer.put("resume_epoch", claimed.trial().lastEpoch());
                answer.put("metric", row.metricName());
                answer.put("goal", row.goal().word());
                System.out.println(AskTellOptions.json(answer));
                return 0;
            }
            if (asked instanceof AskTell.Busy busy) {
                answer.put("wait", true);
                answer.put("running", busy.running());
                System.out.println(AskTellOptions.json(answer));
                return ASK_LATER;
            }
            answer.put("done", true);
            answer.put("state", ((AskTell.Done) asked).state());
            System.out.println(AskTellOptions.json(answer));
            return NOTHING_LEFT;
        }
    }

    /** The caller's worker name: its label, this host and a random part no other caller has. */
    private String uniqueName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String name = worker + "@" + host + "#" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }
}
