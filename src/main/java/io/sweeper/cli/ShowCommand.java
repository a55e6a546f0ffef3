package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.report.TerminalText;
import io.sweeper.report.TrialLeaderboard;
import io.sweeper.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeper show SWEEP}: one sweep's state and its trials, best first. */
@Command(name = "show", description = "Show a sweep and its trials, best first by the sweep's metric.")
final class ShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", description = "The sweep's id, or its name (the newest sweep of that name).")
    String sweep;

    @ArgGroup(exclusive = true)
    HowMany howMany = new HowMany();

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    static final class HowMany {
        @Option(names = "--limit", paramLabel = "N", description = "Show the first N trials (default: ${DEFAULT-VALUE}).")
        int limit = 50;

        @Option(names = "--all", description = "Show every trial.")
        boolean all;
    }

    @Override
    public Integer call() {
        if (howMany.limit < 1) {
            throw new SweeperException("--limit must be at least 1, got " + howMany.limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store opened = store.openReadOnly()) {
            TrialLeaderboard.read(opened, sweep, howMany.all ? Integer.MAX_VALUE : howMany.limit)
                    .lines(Instant.now())
                    .forEach(line -> out.println(TerminalText.escape(line)));
            MirrorStatus.line(opened, opened.findSweep(sweep)).ifPresent(line -> out.println(TerminalText.escape(line)));
        }
        return 0;
    }
}
