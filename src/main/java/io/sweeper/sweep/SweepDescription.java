package io.sweeper.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code sweeper validate FILE} prints: the sweep's settings, each parameter with its
 * distribution and range or values (nested ones indented), the grid's size for a grid sweep, and
 * the warnings. Plain lines, so the CLI decides how to print them.
 */
public final class SweepDescription {
    private static final int NAME_COLUMN = 24;

    private SweepDescription() {
    }

    public static List<String> lines(LoadedSweep loaded) {
        SweepSpec spec = loaded.spec();
        List<String> lines = new ArrayList<>();
        lines.add("sweep " + spec.name().orElse("(unnamed)") + " from " + spec.source());
        spec.description().ifPresent(d -> lines.add("  " + d));
        lines.add("method: " + spec.method().yamlName()
                + (spec.method() == SweepMethod.BAYES ? bayes(spec.bayes()) : "")
                + spec.seed().map(s -> ", seed " + s).orElse(""));
        lines.add("metric: " + spec.metric()
                .map(m -> m.name() + " (" + m.goal().word() + m.target().map(t -> ", target " + PythonText.number(t)).orElse("") + ")")
                .orElse("none"));
        lines.add("run_cap: " + spec.runCap().map(String::valueOf).orElse("none")
                + spec.workers().map(w -> ", workers: " + w).orElse("")
                + spec.maxAttempts().map(n -> ", max_attempts: " + n).orElse(""));
        spec.earlyTerminate().ifPresent(e -> lines.add(earlyTerminate(e)));
        lines.add("command: " + String.join(" ", spec.command().template())
                + spec.command().program().map(p -> "  (program: " + p + ")").orElse(""));
        lines.add("parameters:");
        addParameters(lines, spec.parameters(), "  ");
        if (spec.method() == SweepMethod.GRID) {
            lines.add(gridSize(GridSpace.of(spec.parameters())));
        }
        if (!loaded.warnings().isEmpty()) {
            lines.add("warnings:");
            loaded.warnings().forEach(w -> lines.add("  " + w));
        }
        return List.copyOf(lines);
    }

    private static String bayes(BayesSettings settings) {
        return " (engine " + settings.engine().yamlName() + (settings.multivariate() ? ", multivariate" : "")
                + ", random until " + settings.effectiveStartupTrials() + " trials have values)";
    }

    private static void addParameters(List<String> lines, List<ParameterSpec> parameters, String indent) {
        for (ParameterSpec parameter : parameters) {
            if (parameter instanceof ParameterSpec.Leaf leaf) {
                String name = indent + leaf.name();
                lines.add(name + " ".repeat(Math.max(1, NAME_COLUMN - name.length())) + leaf.distribution().describe());
            } else {
                lines.add(indent + parameter.name() + ":");
                addParameters(lines, ((ParameterSpec.Nested) parameter).parameters(), indent + "  ");
            }
        }
    }

    private static String earlyTerminate(EarlyTerminate e) {
        String settings;
        if (e instanceof EarlyTerminate.Hyperband h) {
            settings = h.maxIter().map(m -> "max_iter " + m + ", s " + h.s().orElseThrow())
                    .orElseGet(() -> "min_iter " + h.minIter().orElseThrow())
                    + ", eta " + PythonText.number(h.eta()) + (h.strict() ? ", strict" : "")
                    + "; trials compared at iterations " + firstFew(h.bands());
        } else if (e instanceof EarlyTerminate.Asha a) {
            settings = "min_iter " + a.minIter() + a.maxIter().map(m -> ", max_iter " + m).orElse("")
                    + ", eta " + PythonText.number(a.eta()) + "; rungs at iterations " + firstFew(a.rungs());
        } else {
            EarlyTerminate.Median m = (EarlyTerminate.Median) e;
            settings = "min_iter " + m.minIter() + ", min_trials " + m.minTrials()
                    + "; trials compared with the median of finished ones";
        }
        return "early_terminate: " + e.type().yamlName() + ", " + settings;
    }

    private static String firstFew(List<Integer> iterations) {
        return iterations.stream().limit(6).map(String::valueOf).collect(Collectors.joining(", "))
                + (iterations.size() > 6 ? ", …" : "");
    }

    private static String gridSize(GridSpace grid) {
        String factors = grid.axisSizes().stream().map(String::valueOf).collect(Collectors.joining(" × "));
        return "grid: " + factors + " = " + grid.size() + (grid.size() == 1 ? " point" : " points");
    }
}
