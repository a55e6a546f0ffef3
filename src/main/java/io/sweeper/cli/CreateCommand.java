package io.sweeper.cli;

import io.sweeper.store.Store;
import io.sweeper.sweep.LoadedSweep;
import io.sweeper.sweep.SweepFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sweeper create FILE}: records a sweep without running it (W&amp;B's {@code wandb sweep}),
 * for trials run by the user's own code through ask/tell, or by `agent` processes.
 */
@Command(name = "create", description = "Record a sweep file as a new sweep without running trials, and print its id:"
        + " for `sweeper ask`/`report`/`tell` (or the Python client) and `sweeper agent`.")
final class CreateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The sweep file (W&B format; program and command are optional).")
    Path file;

    @Mixin
    StoreOptions store;

    @Mixin
    TrackingOptions tracking;

    @Override
    public Integer call() {
        LoadedSweep loaded = SweepFiles.load(file);
        loaded.warnings().forEach(w -> System.err.println("note: " + w));
        BuiltInTrainerCheck.check(loaded);
        try (Store s = store.open()) {
            System.out.println(RunCommand.create(s, loaded, file, tracking));
        }
        return 0;
    }
}
