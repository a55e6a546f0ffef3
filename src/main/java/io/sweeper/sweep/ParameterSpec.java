package io.sweeper.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One entry under {@code parameters:}: a {@link Leaf} with a distribution, or a {@link Nested}
 * group with parameters of its own (W&amp;B's nested parameters), which becomes a nested map in a
 * trial's configuration.
 */
public sealed interface ParameterSpec permits ParameterSpec.Leaf, ParameterSpec.Nested {

    /** The names from the top-level parameter down to this one, e.g. {@code [optimizer, lr]}. */
    List<String> path();

    /** The parameter's own name, the last element of {@link #path()}. */
    default String name() {
        return path().get(path().size() - 1);
    }

    /** The path joined with dots, for messages ({@code optimizer.lr}). */
    default String dottedPath() {
        return String.join(".", path());
    }

    record Leaf(List<String> path, Distribution distribution) implements ParameterSpec {
        public Leaf {
            path = List.copyOf(path);
            Objects.requireNonNull(distribution, "distribution");
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a parameter needs a name");
            }
        }
    }

    record Nested(List<String> path, List<ParameterSpec> parameters) implements ParameterSpec {
        public Nested {
            path = List.copyOf(path);
            parameters = List.copyOf(parameters);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("a parameter needs a name");
            }
        }
    }

    /** Every leaf under {@code parameters}, depth first in file order: the order grid axes take. */
    static List<Leaf> leaves(List<ParameterSpec> parameters) {
        List<Leaf> leaves = new ArrayList<>();
        for (ParameterSpec parameter : parameters) {
            if (parameter instanceof Leaf leaf) {
                leaves.add(leaf);
            } else {
                leaves.addAll(leaves(((Nested) parameter).parameters()));
            }
        }
        return leaves;
    }

    /**
     * A trial configuration: each leaf's value from {@code valueOf}, nested groups as nested maps,
     * keys in file order. Immutable.
     */
    static Map<String, Object> configuration(List<ParameterSpec> parameters, Function<Leaf, Object> valueOf) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (ParameterSpec parameter : parameters) {
            Object value = parameter instanceof Leaf leaf
                    ? ConfigValues.normalize(valueOf.apply(leaf))
                    : configuration(((Nested) parameter).parameters(), valueOf);
            config.put(parameter.name(), value);
        }
        return Collections.unmodifiableMap(config);
    }
}
