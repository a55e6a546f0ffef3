package io.sweeper.sweep;

import io.sweeper.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code parameters:} — each entry a distribution, or nested {@code parameters:} of its own —
 * with W&amp;B's inference when {@code distribution} is absent: {@code value} → constant,
 * {@code values} → categorical ({@code categorical_w_probabilities} with {@code probabilities}),
 * integer {@code min} and {@code max} → int_uniform, any other bounds → uniform.
 */
final class ParameterParser {
    /** W&amp;B's schema's pattern for parameter names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final int MAX_NESTING = 10;

    private final SweepMethod method;
    private final List<String> warnings;

    ParameterParser(SweepMethod method, List<String> warnings) {
        this.method = method;
        this.warnings = warnings;
    }

    List<ParameterSpec> parameters(LocatedNode node) {
        return parameters(node, List.of());
    }

    private List<ParameterSpec> parameters(LocatedNode node, List<String> parentPath) {
        if (parentPath.size() > MAX_NESTING) {
            throw node.error("parameters are nested more than " + MAX_NESTING + " levels deep");
        }
        if (!node.isMapping()) {
            throw node.error("must map parameter names to their values or distributions, got " + node.describe());
        }
        Map<String, LocatedNode> entries = node.mapping();
        if (entries.isEmpty()) {
            throw node.error("must define at least one parameter");
        }
        List<ParameterSpec> parameters = new ArrayList<>();
        entries.forEach((name, entry) -> parameters.add(parameter(entry, append(parentPath, name))));
        return parameters;
    }

    private ParameterSpec parameter(LocatedNode node, List<String> path) {
        String name = path.get(path.size() - 1);
        if (!NAME.matcher(name).matches()) {
            throw node.error("is not a usable parameter name: start with a letter or _, then use letters, digits, _ . or -");
        }
        if (!node.isMapping()) {
            throw node.error("must be a mapping such as {value: 0.1}, {values: [a, b]}, {min: 0, max: 1} or"
                    + " {distribution: ...}, got " + node.describe());
        }
        Map<String, LocatedNode> keys = node.mapping();
        if (keys.containsKey("parameters")) {
            keys.keySet().stream().filter(k -> !k.equals("parameters")).findFirst().ifPresent(k -> {
                throw keys.get(k).error("cannot stand beside parameters: a parameter has either nested parameters"
                        + " or a value or distribution of its own");
            });
            return new ParameterSpec.Nested(path, parameters(keys.get("parameters"), path));
        }
        DistributionKind kind = kindOf(node, keys);
        keys.forEach((key, entry) -> {
            if (!key.equals("distribution") && !kind.keys().contains(key)) {
                throw entry.error(notAKeyOf(kind, key));
            }
        });
        for (String required : kind.requiredKeys()) {
            if (!keys.containsKey(required)) {
                throw node.errorAt(required, "is missing; " + kind.yamlName() + " needs " + String.join(" and ", kind.requiredKeys()));
            }
        }
        Distribution distribution;
        try {
            distribution = distribution(kind, keys);
        } catch (InvalidSpecException e) {
            throw node.errorAt(e.key(), e.problem());
        }
        if (method == SweepMethod.GRID && distribution.gridAxis().isEmpty()) {
            throw node.error(notGridable(kind));
        }
        warnAbout(node, distribution);
        return new ParameterSpec.Leaf(path, distribution);
    }

    private static DistributionKind kindOf(LocatedNode node, Map<String, LocatedNode> keys) {
        LocatedNode named = keys.get("distribution");
        if (named != null) {
            String name = named.text();
            return DistributionKind.byYamlName(name).orElseThrow(() -> named.error("unknown distribution '" + name + "'"
                    + DidYouMean.suffix(name, DistributionKind.yamlNames())
                    + "; the distributions are " + String.join(", ", DistributionKind.yamlNames())));
        }
        if (keys.containsKey("value")) {
            return DistributionKind.CONSTANT;
        }
        if (keys.containsKey("values")) {
            return keys.containsKey("probabilities")
                    ? DistributionKind.CATEGORICAL_W_PROBABILITIES : DistributionKind.CATEGORICAL;
        }
        if (keys.containsKey("min") || keys.containsKey("max")) {
            boolean integerBounds = Stream.of("min", "max").map(keys::get)
                    .allMatch(bound -> bound == null || bound.isIntegerLiteral());
            return integerBounds ? DistributionKind.INT_UNIFORM : DistributionKind.UNIFORM;
        }
        throw node.error("cannot tell the distribution: give value, values, min and max, or distribution"
                + " (e.g. distribution: normal)");
    }

    private static String notAKeyOf(DistributionKind kind, String key) {
        String suggestion = DidYouMean.suffix(key, Stream.concat(kind.keys().stream(), Stream.of("distribution")).toList());
        String rounding = suggestion.isEmpty() && key.equals("q")
                ? DistributionKind.byYamlName("q_" + kind.yamlName())
                        .map(q -> "; for values rounded to multiples of q use distribution: " + q.yamlName()).orElse("")
                : "";
        return "is not a key of " + kind.yamlName() + suggestion + "; it takes " + String.join(", ", kind.keys()) + rounding;
    }

    private static Distribution distribution(DistributionKind kind, Map<String, LocatedNode> keys) {
        return switch (kind) {
            case CONSTANT -> new Constant(keys.get("value").value());
            case CATEGORICAL -> new Categorical(values(keys.get("values")));
            case CATEGORICAL_W_PROBABILITIES ->
                    new WeightedCategorical(values(keys.get("values")), probabilities(keys.get("probabilities")));
            case INT_UNIFORM -> new IntUniform(keys.get("min").integer(), keys.get("max").integer());
            case UNIFORM, Q_UNIFORM, LOG_UNIFORM, LOG_UNIFORM_VALUES, Q_LOG_UNIFORM, Q_LOG_UNIFORM_VALUES,
                    INV_LOG_UNIFORM, INV_LOG_UNIFORM_VALUES ->
                    new UniformRange(kind, keys.get("min").number(), keys.get("max").number(), quantum(kind, keys));
            case NORMAL, Q_NORMAL, LOG_NORMAL, Q_LOG_NORMAL -> new Normal(kind,
                    numberOr(keys, "mu", Normal.DEFAULT_MU), numberOr(keys, "sigma", Normal.DEFAULT_SIGMA), quantum(kind, keys));
            case BETA, Q_BETA -> new Beta(kind,
                    numberOr(keys, "a", Beta.DEFAULT_A), numberOr(keys, "b", Beta.DEFAULT_B), quantum(kind, keys));
        };
    }

    private static List<Object> values(LocatedNode node) {
        return node.sequence().stream().map(LocatedNode::value).toList();
    }

    private static List<Double> probabilities(LocatedNode node) {
        return node.sequence().stream().map(LocatedNode::number).toList();
    }

    private static double numberOr(Map<String, LocatedNode> keys, String key, double fallback) {
        LocatedNode node = keys.get(key);
        return node == null ? fallback : node.number();
    }

    private static Optional<Quantum> quantum(DistributionKind kind, Map<String, LocatedNode> keys) {
        if (!kind.quantized()) {
            return Optional.empty();
        }
        LocatedNode q = keys.get("q");
        if (q == null) {
            return Optional.of(Quantum.DEFAULT);
        }
        return Optional.of(q.isIntegerLiteral() ? Quantum.ofInteger(q.integer()) : Quantum.of(q.number()));
    }

    private static String notGridable(DistributionKind kind) {
        if (kind == DistributionKind.CATEGORICAL_W_PROBABILITIES) {
            return "grid search takes every value in turn, so probabilities mean nothing to it (W&B refuses them"
                    + " too); drop probabilities, or use method: random";
        }
        return kind.yamlName() + " is continuous, so grid search cannot enumerate it (W&B refuses it too); use"
                + " values: [...], int_uniform or q_uniform, or method: random";
    }

    private void warnAbout(LocatedNode node, Distribution distribution) {
        if (!(distribution instanceof UniformRange range)) {
            return;
        }
        String kind = range.kind().yamlName();
        if (range.boundsAreExponents()) {
            warnings.add(node.warning(kind + " takes min and max as natural-log exponents (values in "
                    + range.valueRange() + "); W&B deprecates it — to give the values themselves use " + kind + "_values"));
        }
        range.q().ifPresent(q -> {
            if (range.boundsAreValues() && !(q.divides(range.min()) && q.divides(range.max()))) {
                warnings.add(node.warning("min and max are not both multiples of q (" + q + "); samples are rounded"
                        + " to multiples of q, so they can fall outside [min, max]"));
            }
        });
    }

    private static List<String> append(List<String> path, String name) {
        List<String> longer = new ArrayList<>(path);
        longer.add(name);
        return List.copyOf(longer);
    }
}
