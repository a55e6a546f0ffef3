package io.sweeper.cli;

import io.sweeper.report.TerminalText;
import io.sweeper.sweep.Goal;
import io.sweeper.store.Store;
import io.sweeper.tracking.FixedParams;
import io.sweeper.sweep.LoadedSweep;
import io.sweeper.sweep.MetricGoal;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sweeper run FILE}: a new sweep from a W&B sweep file, run to the end on a worker pool. */
@Command(name = "run", description = "Run a sweep file (W&B format): trials on a worker pool, every epoch recorded in the store.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file.")
    Path file;

    @Option(names = "--program", paramLabel = "PROGRAM",
            description = "For a file that names no program (function-based): the program its command runs, e.g. train.py.")
    Optional<String> program = Optional.empty();

    @Parameters(index = "1..*", paramLabel = "COMMAND",
            description = "After --: for a file without program/command, the command each trial runs (W&B macros allowed;"
                    + " ${args} is appended unless it passes the parameters itself).")
    List<String> command = new ArrayList<>();

    @Mixin
    StoreOptions store;

    @Mixin
    SweepExecution execution;

    @Override
    public Integer call() throws Exception {
        LoadedSweep loaded = TrialCommand.apply(SweepFiles.load(file), program, command);
        loaded.warnings().forEach(w -> System.err.println(TerminalText.escape("note: " + w)));
        BuiltInTrainerCheck.check(loaded);
        try (Store s = store.open()) {
            long id = create(s, loaded, file, execution.tracking);
            return execution.execute(s, s.findSweep(Long.toString(id)), loaded.spec());
        }
    }

    /** Records a new running sweep for {@code loaded}, named by the file unless it names itself; returns its id. */
    static long create(Store s, LoadedSweep loaded, Path file, TrackingOptions tracking) {
        SweepSpec spec = loaded.spec();
        MetricGoal metric = spec.metric().orElse(null);
        String metricName = metric == null ? "val_loss" : metric.name();
        Goal goal = metric == null ? Goal.MINIMIZE : metric.goal();
        String name = spec.name().orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        return s.createSweep(name, spec.yamlText(), spec.method().yamlName(), metricName, goal,
                tracking.forNewSweep().map(server -> FixedParams.target(server, spec)));
    }
}
