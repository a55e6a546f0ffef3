package io.sweeper.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The 18 distributions of the W&amp;B sweep format, with the keys each one takes. The keys and
 * defaults follow W&amp;B's schema: {@code mu}=0, {@code sigma}=1, {@code a}=1, {@code b}=1,
 * {@code q}=1.0 when omitted.
 */
public enum DistributionKind {
    CONSTANT("constant", List.of("value"), List.of()),
    CATEGORICAL("categorical", List.of("values"), List.of()),
    CATEGORICAL_W_PROBABILITIES("categorical_w_probabilities", List.of("values", "probabilities"), List.of()),
    INT_UNIFORM("int_uniform", List.of("min", "max"), List.of()),
    UNIFORM("uniform", List.of("min", "max"), List.of()),
    Q_UNIFORM("q_uniform", List.of("min", "max"), List.of("q")),
    LOG_UNIFORM("log_uniform", List.of("min", "max"), List.of()),
    LOG_UNIFORM_VALUES("log_uniform_values", List.of("min", "max"), List.of()),
    Q_LOG_UNIFORM("q_log_uniform", List.of("min", "max"), List.of("q")),
    Q_LOG_UNIFORM_VALUES("q_log_uniform_values", List.of("min", "max"), List.of("q")),
    INV_LOG_UNIFORM("inv_log_uniform", List.of("min", "max"), List.of()),
    INV_LOG_UNIFORM_VALUES("inv_log_uniform_values", List.of("min", "max"), List.of()),
    NORMAL("normal", List.of(), List.of("mu", "sigma")),
    Q_NORMAL("q_normal", List.of(), List.of("mu", "sigma", "q")),
    LOG_NORMAL("log_normal", List.of(), List.of("mu", "sigma")),
    Q_LOG_NORMAL("q_log_normal", List.of(), List.of("mu", "sigma", "q")),
    BETA("beta", List.of(), List.of("a", "b")),
    Q_BETA("q_beta", List.of(), List.of("a", "b", "q"));

    private final String yamlName;
    private final List<String> requiredKeys;
    private final List<String> optionalKeys;

    DistributionKind(String yamlName, List<String> requiredKeys, List<String> optionalKeys) {
        this.yamlName = yamlName;
        this.requiredKeys = requiredKeys;
        this.optionalKeys = optionalKeys;
    }

    /** The name a sweep file gives it after {@code distribution:}. */
    public String yamlName() {
        return yamlName;
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }

    /** Every key the distribution takes besides {@code distribution}, required ones first. */
    public List<String> keys() {
        return Stream.concat(requiredKeys.stream(), optionalKeys.stream()).toList();
    }

    /** The {@code q_} distributions, whose samples are rounded to multiples of {@code q}. */
    public boolean quantized() {
        return yamlName.startsWith("q_");
    }

    public static Optional<DistributionKind> byYamlName(String name) {
        return Arrays.stream(values()).filter(k -> k.yamlName.equals(name)).findFirst();
    }

    static List<String> yamlNames() {
        return Arrays.stream(values()).map(DistributionKind::yamlName).toList();
    }
}
