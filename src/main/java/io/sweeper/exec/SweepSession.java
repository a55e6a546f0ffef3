package io.sweeper.exec;

import io.sweeper.search.SearchMethods;
import io.sweeper.store.Store;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.train.Datasets;
import io.sweeper.train.Threads;
import io.sweeper.train.data.LoadOptions;
import java.nio.file.Path;

/**
 * Puts a sweep's pieces together for one process: the search method (seeded by the file, or by
 * the sweep's id so a resumed sweep suggests the same configurations), the trial runner the file
 * asks for, and the pool.
 */
public final class SweepSession {
    private SweepSession() {
    }

    /** True when the sweep runs the built-in DL4J trainer ({@code program: train}, no {@code command:}). */
    public static boolean usesBuiltInTrainer(SweepSpec spec) {
        return spec.command().isDefault() && spec.command().program().map("train"::equals).orElse(false);
    }

    public static SweepRunner runner(Store store, long sweepId, SweepSpec spec, SweepRunner.Settings settings,
            LoadOptions data, Path workingDir, SweepProgress progress) {
        TrialRunner runner;
        if (usesBuiltInTrainer(spec)) {
            Threads.use(settings.budget().threadsPerTrial());
            runner = new BuiltInTrainerRunner(new Datasets(data));
        } else {
            runner = new CommandRunner(spec.command(), workingDir);
        }
        return new SweepRunner(store, sweepId, spec, SearchMethods.forSpec(spec, sweepId), runner, settings, progress);
    }
}
