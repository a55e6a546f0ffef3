package io.sweeper.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sweep of a tiny real program ({@code command:}): each trial prints {@code epochs} epochs of
 * {@code score = epoch × x} and {@code loss}, sleeping {@code sleepSeconds} after each, and keeps a
 * best checkpoint folder (weights.bin + model.json) it reports, like the built-in trainer does.
 */
final class SyntheticTrainer {
    private SyntheticTrainer() {
    }

    static Path sweep(Path dir, String name, String xs, int epochs, double sleepSeconds) throws IOException {
        Path script = dir.resolve("train.sh");
        Files.writeString(script, """
                x=${1#--x=}
                mkdir -p "$SWEEPER_TRIAL_DIR/best"
                for e in $(seq 1 %d); do
                  echo "w$e" > "$SWEEPER_TRIAL_DIR/best/weights.bin"
                  echo "{\\"epoch\\": $e}" > "$SWEEPER_TRIAL_DIR/best/model.json"
                  echo "{\\"epoch\\": $e, \\"score\\": $((e * x)), \\"loss\\": 0.$x$e, \\"checkpoint\\": \\"$SWEEPER_TRIAL_DIR/best\\"}"
                  sleep %s
                done
                """.formatted(epochs, sleepSeconds));
        Path sweep = dir.resolve(name + ".yaml");
        Files.writeString(sweep, """
                name: %s
                method: grid
                metric: {name: score, goal: maximize}
                command: [bash, %s, "${args}"]
                parameters:
                  x: {values: %s}
                  lr: {value: 0.1}
                  opt:
                    parameters:
                      momentum: {value: 0.9}
                      kind: {values: [sgd]}
                """.formatted(name, script, xs));
        return sweep;
    }
}
