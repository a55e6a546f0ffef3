package io.sweeper.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrialRow;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code sweeper best} writes: the best trial's configuration, exactly the parameters it ran
 * with, as a file {@code sweeper train --config FILE} reads ({@code key: value} lines) — YAML with
 * a comment saying where it came from, or JSON, which has no comments. A sweep of another program
 * gets the same file, its nested groups as nested mappings.
 */
public final class BestConfig {
    /** The two file formats; YAML is what sweep files and trial configs are written in. */
    public enum Format {
        YAML, JSON;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SweepRow sweep;
    private final TrialRow trial;
    private final Map<String, Object> params;

    private BestConfig(SweepRow sweep, TrialRow trial) {
        this.sweep = sweep;
        this.trial = trial;
        this.params = TrialParams.parse(trial.paramsJson());
    }

    /**
     * The best finished or pruned trial of the sweep {@code idOrName}; a SweeperException when the
     * sweep is unknown or none of its trials has ended with a value yet.
     */
    public static BestConfig read(Store store, String idOrName) {
        SweepRow sweep = store.findSweep(idOrName);
        TrialRow best = store.bestTrial(sweep.id()).orElseThrow(() -> new SweeperException("sweep " + sweep.name()
                + " (id " + sweep.id() + ") has no finished trial with a value of " + sweep.metricName()
                + " yet: `sweeper show " + sweep.id() + "` lists its trials"));
        return new BestConfig(sweep, best);
    }

    /** The configuration of {@code trial}, a trial of {@code sweep} that has a value (the dashboard's best). */
    public static BestConfig of(SweepRow sweep, TrialRow trial) {
        if (trial.bestValue().isEmpty()) {
            throw new IllegalArgumentException("trial " + trial.number() + " has no value of " + sweep.metricName());
        }
        return new BestConfig(sweep, trial);
    }

    /** {@code trial 17 of sweep mish-temperature (id 3): val_accuracy 0.9312 (maximize) at epoch 42}, exact value. */
    public String summary() {
        return "trial " + trial.number() + " of sweep " + sweep.name() + " (id " + sweep.id() + "): "
                + sweep.metricName() + " " + trial.bestValue().orElseThrow() + " (" + sweep.goal().word() + ")"
                + " at epoch " + trial.bestEpoch().orElseThrow();
    }

    /** The file's text in {@code format}. */
    public String render(Format format) {
        Objects.requireNonNull(format, "format");
        return format == Format.YAML ? yaml() : json();
    }

    /**
     * Block-style YAML written by SnakeYAML's emitter, which quotes whatever would otherwise read
     * back as another type (a string {@code 'true'} or {@code '1e-3'}), so the file reads back as
     * the same values.
     */
    private String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(Integer.MAX_VALUE); // a long path stays on its line
        // escaped: a newline in the sweep's name would end the comment and put the rest into the YAML
        return "# best configuration: " + TerminalText.escape(summary()) + "\n"
                + "# the built-in trainer reads it with: sweeper train --config FILE --out DIR\n"
                + new Yaml(options).dump(params);
    }

    private String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(params) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("trial parameters that cannot be written as JSON: " + params, e);
        }
    }
}
