package io.sweeper.sweep;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a YAML node into plain Java values with SnakeYAML's safe rules (YAML 1.1 numbers,
 * booleans, merge keys, no arbitrary classes), so {@code 1_000}, {@code 0x1F} and {@code .inf} mean
 * what they mean to W&amp;B's PyYAML. One difference: a date such as {@code 2024-01-31} stays text,
 * since a trial configuration has no date type.
 */
final class YamlValueConstructor extends SafeConstructor {

    YamlValueConstructor(LoaderOptions options) {
        super(options);
        // The constructor keeps its own copy of this setting (SnakeYAML's Yaml class copies it over too).
        setAllowDuplicateKeys(options.isAllowDuplicateKeys());
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
    }

    Object construct(Node node) {
        return constructObject(node);
    }
}
