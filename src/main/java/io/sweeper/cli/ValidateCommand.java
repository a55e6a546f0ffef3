package io.sweeper.cli;

import io.sweeper.exec.SweepSession;
import io.sweeper.report.TerminalText;
import io.sweeper.sweep.LoadedSweep;
import io.sweeper.sweep.SweepDescription;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.TrialCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sweeper validate FILE}: reads a sweep file as {@code run} would, and describes it. */
@Command(name = "validate", description = "Check a sweep file and describe its search space, without running it.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A sweep file (W&B sweep format, YAML).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LoadedSweep loaded = SweepFiles.load(file);
        BuiltInTrainerCheck.check(loaded);
        PrintWriter out = spec.commandLine().getOut();
        SweepDescription.lines(loaded).forEach(line -> out.println(TerminalText.escape(line)));
        if (loaded.spec().command().lacksProgram()) {
            out.println(TerminalText.escape("note: " + TrialCommand.HOW_TO_RUN.replace("FILE", file.toString())));
        }
        out.println(SweepSession.usesBuiltInTrainer(loaded.spec())
                ? "valid: the built-in trainer accepts every parameter and reports the metric"
                : "valid");
        return 0;
    }
}
