package io.sweeper.cli;

import io.sweeper.SweeperException;
import io.sweeper.report.TerminalText;
import io.sweeper.train.Checkpoint;
import io.sweeper.train.Evaluation;
import io.sweeper.train.data.DatasetLoader;
import io.sweeper.train.data.ImageTensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweeper eval}: accuracy, per-class accuracy and a confusion matrix on a labelled folder. */
@Command(name = "eval", description = "Evaluate a checkpoint on a folder-per-class image set.")
final class EvalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "CKPT", description = "Checkpoint folder.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Images, one subfolder per class (same class folders as training).")
    Path data;

    @Option(names = "--confusion", paramLabel = "FILE", defaultValue = "confusion-matrix.csv",
            description = "Where to write the confusion matrix CSV (default ${DEFAULT-VALUE}).")
    Path confusion;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        Checkpoint.Loaded loaded = VerifiedCheckpoint.read(model, store);
        ImageTensors images = DatasetLoader.load(data, loaded.config().pipeline(), dataOptions.loadOptions()).tensors();
        Evaluation evaluation = Evaluation.of(loaded, images);
        System.out.printf(Locale.ROOT, "accuracy %.4f on %d images%n", evaluation.accuracy(), evaluation.total());
        System.out.println("per class (label: accuracy, images):");
        for (int c = 0; c < evaluation.classes(); c++) {
            System.out.println(TerminalText.escape(String.format(Locale.ROOT, "  %s: %.3f, %d",
                    loaded.labels().label(c), evaluation.classAccuracy(c), evaluation.classTotal(c))));
        }
        try {
            evaluation.writeConfusionCsv(confusion, loaded.labels());
        } catch (IOException e) {
            throw new SweeperException("cannot write " + confusion + ": " + e.getMessage());
        }
        System.out.println("confusion matrix: " + confusion);
        return 0;
    }
}
