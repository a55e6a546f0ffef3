package io.sweeper.sweep;

import io.sweeper.InputFile;
import io.sweeper.SweeperException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A flat trial configuration file ({@code key: value} per line, YAML or JSON), as
 * {@code sweeper train --config} reads and {@code sweeper best} writes. Values stay raw; the
 * trainer's vocabulary validates them.
 */
public final class ConfigFile {
    private static final int MAX_BYTES = 1 << 20;

    private ConfigFile() {
    }

    public static Map<String, Object> read(Path file) {
        String text = InputFile.readUtf8(file, MAX_BYTES, "trial configurations");
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new SweeperException(file + ":" + line + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SweeperException(file + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new SweeperException(file + ": expected `key: value` lines, found " + root.getClass().getSimpleName().toLowerCase());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map || v instanceof Iterable || v == null) {
                throw new SweeperException(file + ": " + k + ": expected a single value");
            }
            out.put(String.valueOf(k), v);
        });
        return out;
    }
}
