package io.sweeper.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How trials are chosen, as the sweep file's {@code method} key names it. */
public enum SweepMethod {
    GRID("grid"),
    RANDOM("random"),
    /** Bayesian optimisation; {@link BayesSettings} says with which model. */
    BAYES("bayes");

    private final String yamlName;

    SweepMethod(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<SweepMethod> byYamlName(String name) {
        return Arrays.stream(values()).filter(m -> m.yamlName.equals(name)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(SweepMethod::yamlName).toList();
    }
}
