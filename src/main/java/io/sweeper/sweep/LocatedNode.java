package io.sweeper.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import io.sweeper.SweeperException;

/**
 * A YAML node together with the key path that leads to it ({@code parameters.lr.max},
 * {@code command[2]}) and the line to blame for it: the line of its key, since that is where a
 * reader looks for a mapping entry. Its typed accessors refuse a wrong type with a
 * {@link SweeperException} that names {@code file:line: key.path:}.
 */
final class LocatedNode {
    private final String source;
    private final String path;
    private final int line;
    private final Node node;
    private final YamlValueConstructor values;

    private LocatedNode(String source, String path, int line, Node node, YamlValueConstructor values) {
        this.source = source;
        this.path = path;
        this.line = line;
        this.node = node;
        this.values = values;
    }

    static LocatedNode root(String source, Node node, YamlValueConstructor values) {
        return new LocatedNode(source, "", node.getStartMark().getLine() + 1, node, values);
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The entries of a mapping in file order, keyed by their text. */
    Map<String, LocatedNode> mapping() {
        if (!(node instanceof MappingNode mappingNode)) {
            throw error("must be a mapping of keys to values, got " + describe());
        }
        Map<String, LocatedNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new LocatedNode(source, path, lineOf(tuple.getKeyNode()), tuple.getKeyNode(), values)
                        .error("keys must be plain names, got a list or mapping as a key");
            }
            String key = keyNode.getValue();
            LocatedNode entry = new LocatedNode(source, childPath(key), lineOf(keyNode), tuple.getValueNode(), values);
            LocatedNode earlier = entries.putIfAbsent(key, entry);
            if (earlier != null) {
                throw entry.error("appears twice (first on line " + earlier.line + "); keep one");
            }
        }
        return entries;
    }

    /** The items of a list, each blamed on its own line. */
    List<LocatedNode> sequence() {
        if (!(node instanceof SequenceNode sequenceNode)) {
            throw error("must be a list, e.g. [a, b], got " + describe());
        }
        List<LocatedNode> items = new ArrayList<>();
        List<Node> nodes = sequenceNode.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            items.add(new LocatedNode(source, path + "[" + i + "]", lineOf(nodes.get(i)), nodes.get(i), values));
        }
        return items;
    }

    String text() {
        if (!isScalarTagged(Tag.STR)) {
            boolean quotable = node instanceof ScalarNode && !node.getTag().equals(Tag.NULL);
            throw error("must be text, got " + describe() + (quotable ? "; put it in quotes" : ""));
        }
        return ((ScalarNode) node).getValue();
    }

    boolean isIntegerLiteral() {
        return isScalarTagged(Tag.INT);
    }

    double number() {
        if (!isScalarTagged(Tag.INT) && !isScalarTagged(Tag.FLOAT)) {
            throw error("must be a number, got " + describe());
        }
        return ((Number) value()).doubleValue();
    }

    long integer() {
        if (!isIntegerLiteral()) {
            throw error("must be an integer, got " + describe());
        }
        return (Long) value();
    }

    int smallInteger() {
        long value = integer();
        if (value != (int) value) {
            throw error("must be at most " + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    boolean bool() {
        if (!isScalarTagged(Tag.BOOL)) {
            throw error("must be true or false, got " + describe());
        }
        return (Boolean) value();
    }

    /** Any YAML value as a configuration value ({@link ConfigValues}); null is refused. */
    Object value() {
        try {
            return ConfigValues.normalize(values.construct(node));
        } catch (MarkedYAMLException e) {
            int problemLine = e.getProblemMark() == null ? line : e.getProblemMark().getLine() + 1;
            throw new SweeperException(source + ":" + problemLine + ": " + prefix()
                    + (e.getProblem() == null ? e.getMessage() : e.getProblem()));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** A problem with this node: {@code file:line: path: message}. */
    SweeperException error(String message) {
        return new SweeperException(located(message));
    }

    /** A problem with the entry {@code key} of this mapping, blamed on this node's line if the key is absent. */
    SweeperException errorAt(String key, String message) {
        LocatedNode child = isMapping() ? mapping().get(key) : null;
        if (child != null) {
            return child.error(message);
        }
        return new LocatedNode(source, childPath(key), line, node, values).error(message);
    }

    /** A note about this node, worded like an error. */
    String warning(String message) {
        return located(message);
    }

    private String located(String message) {
        return source + ":" + line + ": " + prefix() + message;
    }

    private String prefix() {
        return path.isEmpty() ? "" : path + ": ";
    }

    /** How the node reads to a person: "the number 5", "the text 'abc'", "a list". */
    String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + scalar.getValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return "the boolean " + scalar.getValue();
        }
        if (tag.equals(Tag.NULL)) {
            return "nothing (null)";
        }
        return "the text '" + scalar.getValue() + "'";
    }

    private boolean isScalarTagged(Tag tag) {
        return node instanceof ScalarNode && node.getTag().equals(tag);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
