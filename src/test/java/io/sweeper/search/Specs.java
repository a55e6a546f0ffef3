package io.sweeper.search;

import io.sweeper.sweep.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sweeper.sweep.BayesSettings;
import io.sweeper.sweep.CommandLine;
import io.sweeper.sweep.Distribution;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepMethod;
import io.sweeper.sweep.SweepSpec;

/** Sweep specs and histories for search tests. */
final class Specs {
    private Specs() {
    }

    /** A sweep file's {@code parameters:} block (indented by two) with the given method. */
    static SweepSpec parse(String method, String parametersAndMore) {
        return SweepFiles.parse("program: train.py\nmethod: " + method + "\n" + parametersAndMore, "test.yaml").spec();
    }

    /** A random-search spec with the single parameter {@code x}. */
    static SweepSpec withOnly(Distribution distribution) {
        return new SweepSpec("test", "", Optional.empty(), Optional.empty(), SweepMethod.RANDOM, Optional.empty(),
                List.of(new ParameterSpec.Leaf(List.of("x"), distribution)),
                new CommandLine(List.of("run"), Optional.empty()),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), BayesSettings.DEFAULT,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Asks {@code method} for suggestions, recording each as a finished trial, until it stops or {@code limit}. */
    static List<Map<String, Object>> run(SearchMethod method, SweepSpec spec, int limit) {
        List<TrialRecord> history = new ArrayList<>();
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            Optional<Map<String, Object>> next = method.suggest(spec, history);
            if (next.isEmpty()) {
                break;
            }
            suggestions.add(next.get());
            history.add(finished(i, next.get()));
        }
        return suggestions;
    }

    static TrialRecord finished(int number, Map<String, Object> params) {
        return new TrialRecord(number, params, TrialState.FINISHED, Optional.empty());
    }
}
