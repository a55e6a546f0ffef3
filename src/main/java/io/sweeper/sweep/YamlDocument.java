package io.sweeper.sweep;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import io.sweeper.SweeperException;

/**
 * Reads a sweep file's text into a tree of {@link LocatedNode}s (SnakeYAML's node API, which keeps
 * line numbers) and refuses what no sweep file needs: more than one document, inputs over a
 * megabyte, alias bombs ("billion laughs") and absurd nesting. A refusal names the file and line
 * like any other error and nothing is expanded first.
 */
final class YamlDocument {
    /** A sweep file is a few hundred lines; a megabyte is a mistake or an attack. */
    static final int MAX_CODE_POINTS = 1 << 20;
    /**
     * Aliases to lists or mappings multiply when a value is walked; a sweep file may share a few
     * blocks by anchor (or merge them with {@code <<}), never this many.
     */
    static final int MAX_COLLECTION_ALIASES = 25;
    static final int MAX_NESTING_DEPTH = 40;

    private YamlDocument() {
    }

    static LocatedNode read(String text, String source) {
        long codePoints = text.codePoints().count();
        if (codePoints > MAX_CODE_POINTS) {
            throw new SweeperException(source + ":1: the file has " + codePoints + " characters; sweep files are"
                    + " limited to " + MAX_CODE_POINTS + " (is this the right file?)");
        }
        LoaderOptions options = loaderOptions();
        MarkTrackingParser parser = new MarkTrackingParser(new ParserImpl(new StreamReader(text), options));
        Node root;
        try {
            root = new Composer(parser, new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            throw new SweeperException(source + ":" + lineOf(e) + ": invalid YAML: " + problemOf(e));
        } catch (YAMLException e) {
            throw new SweeperException(source + ":" + parser.lastLine() + ": " + refusalOf(e));
        }
        if (root == null) {
            throw new SweeperException(source + ":1: the file is empty; a sweep file needs at least method and parameters");
        }
        return LocatedNode.root(source, root, new YamlValueConstructor(options));
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        // Merge keys (<<: *defaults) are resolved while composing, so the node tree the parser walks is already merged.
        options.setMergeOnCompose(true);
        return options;
    }

    private static int lineOf(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static String problemOf(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        return e.getContext() == null ? problem : e.getContext() + ", " + problem;
    }

    /** SnakeYAML's position-less refusals, reworded; the caller supplies the line. */
    private static String refusalOf(YAMLException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Number of aliases")) {
            return "more than " + MAX_COLLECTION_ALIASES + " aliases to lists or mappings; refusing what looks like"
                    + " a YAML alias bomb (billion laughs) — write the values out instead";
        }
        if (message.startsWith("Nesting Depth")) {
            return "nested more than " + MAX_NESTING_DEPTH + " levels deep; refusing it";
        }
        return "invalid YAML: " + message;
    }
}
