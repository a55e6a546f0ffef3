package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.sweep.ConfigFile;
import io.sweeper.train.Datasets;
import io.sweeper.train.ResumeState;
import io.sweeper.train.TrialConfig;
import io.sweeper.train.TrialParameter;
import io.sweeper.train.TrialResult;
import io.sweeper.train.Trainer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweeper train}: one trial of the built-in DL4J workload, with a progress bar per epoch. */
@Command(name = "train", description = "Train one model: the built-in DL4J trainer on a folder of images.",
        footerHeading = "%nTrial parameters (--config file keys and --set keys):%n")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Trial parameters as `key: value` lines (YAML).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A trial parameter; repeatable; overrides --config.")
    List<String> sets = List.of();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the checkpoint (DIR/checkpoint) and per-epoch metrics (DIR/metrics.jsonl) go.")
    Path out;

    @Mixin
    DataOptions data;

    @Option(names = "--resume", description = "Continue the training stopped or killed in --out DIR after its last"
            + " epoch (from DIR/" + ResumeState.FILE + "; the same parameters, but `epochs` may grow); without a usable state it starts over.")
    boolean resume;

    @Option(names = "--no-progress", description = "No progress bar (one line per epoch only).")
    boolean noProgress;

    static String parameterHelp() {
        // picocli formats the footer: a literal % (as in "20%") must be written %%
        return String.join("%n", Arrays.stream(TrialParameter.values()).map(p -> "  " + p.describe().replace("%", "%%")).toList());
    }

    @Override
    public Integer call() throws Exception {
        TrialConfig trial = TrialConfig.of(config == null ? Map.of() : ConfigFile.read(config),
                config == null ? "defaults" : config.toString()).with(parseSets(sets), "--set");
        Trainer trainer = new Trainer(new Datasets(data.loadOptions()));
        Optional<ResumeState> state = resume ? ResumeState.read(out, trial) : Optional.empty();
        if (resume) {
            System.out.println(state.map(s -> "continuing after epoch " + s.epoch())
                    .orElse("no usable resume state in " + out + "; training from epoch 1"));
        }
        try (EpochPrinter printer = new EpochPrinter(trial.epochs(), !noProgress, out, state.map(ResumeState::epoch).orElse(0))) {
            TrialResult result = trainer.run(trial, out, printer, state);
            printer.finish(result);
        }
        return 0;
    }

    static Map<String, String> parseSets(List<String> sets) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new SweeperException("--set " + s + ": expected KEY=VALUE, e.g. --set dropout=0.3");
            }
            out.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return out;
    }
}
