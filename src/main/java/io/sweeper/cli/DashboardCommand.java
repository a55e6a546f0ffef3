package io.sweeper.cli;

import io.sweeper.dashboard.Dashboard;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeper dashboard SWEEP [SWEEP…] [-o FILE]}: one self-contained HTML page of the sweeps. */
@Command(name = "dashboard", description = {"Write one self-contained HTML page (no server, no network) of a sweep:",
        "what won, how the search converged, which parameters mattered. Several sweeps are compared on one page."})
final class DashboardCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SWEEP", arity = "1..*", description = "The sweeps' ids or names (a name: the newest sweep of that name).")
    List<String> sweeps;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Where to write the page (default: ~/.sweeper/dashboards/NAME-ID.html of the first sweep).")
    Optional<Path> out = Optional.empty();

    @Mixin
    StoreOptions store;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Store opened = store.open()) {
            List<SweepRow> rows = sweeps.stream().map(opened::findSweep).distinct().toList();
            Path file = out.orElseGet(() -> Dashboard.defaultFile(rows.get(0)));
            long bytes = Dashboard.write(opened, rows, file, Optional.of(data.loadOptions()));
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%,d kB)%n", file.toAbsolutePath(), (bytes + 1023) / 1024);
        }
        return 0;
    }
}
