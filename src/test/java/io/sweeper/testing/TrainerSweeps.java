package io.sweeper.testing;

import java.nio.file.Path;

/** Sweep files for the built-in trainer on a test's own small copy of the images: a lenet grid maximising val_accuracy. */
public final class TrainerSweeps {
    private TrainerSweeps() {
    }

    /**
     * A grid sweep of lenet on {@code data} ({@code program: train}).
     *
     * @param parameters further lines under {@code parameters:}, each indented by two spaces
     */
    public static String lenetGrid(String name, Path data, String parameters) {
        return """
                name: %s
                program: train
                method: grid
                metric: {name: val_accuracy, goal: maximize}
                parameters:
                  data: {value: %s}
                  model: {value: lenet}
                %s""".formatted(name, data, parameters.stripTrailing() + "\n");
    }
}
