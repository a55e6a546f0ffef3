package io.sweeper.sweep;

import io.sweeper.DidYouMean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import io.sweeper.SweeperException;

/**
 * Reads the top level of a sweep file into a {@link SweepSpec}. Keys fall in three groups: the
 * W&amp;B keys sweeper acts on, sweeper's additive keys ({@code seed}, {@code workers}, {@code bayes}), and W&amp;B
 * keys accepted with a warning because sweeper has nothing to do with them (entity, project,
 * Launch and scheduler settings). Any other key is an error: in W&amp;B's schema it would be one too.
 */
final class SweepSpecParser {
    private static final Set<String> ACTED_ON = Set.of("program", "command", "method", "metric", "run_cap",
            "name", "description", "parameters", "early_terminate");
    private static final Set<String> SWEEPER_KEYS = Set.of("seed", "workers", "max_attempts", "bayes",
            "trial_timeout", "sweep_timeout", "retry");
    private static final Set<String> RETRY_KEYS = Set.of("on", "max_attempts");
    /** Attempts per trial under {@code retry:} without {@code max_attempts}, as without {@code retry:}. */
    private static final int DEFAULT_RETRY_ATTEMPTS = 3;
    private static final Set<String> BAYES_KEYS = Set.of("engine", "startup_trials", "multivariate");
    /** W&amp;B keys sweeper accepts and ignores, with the reason it gives. */
    private static final Map<String, String> NOT_ACTED_ON = Map.of(
            "entity", "a W&B account setting",
            "project", "a W&B account setting",
            "controller", "sweeper's controller always runs locally",
            "job", "a W&B Launch setting",
            "image_uri", "a W&B Launch setting",
            "apiVersion", "a W&B file-format marker",
            "kind", "a W&B file-format marker",
            "scheduler", "W&B custom schedulers (Optuna, Ax) are not supported",
            "metrics", "multi-objective search is not supported; sweeper optimises `metric`");
    private static final Set<String> METRIC_KEYS = Set.of("name", "goal", "target", "impute", "impute_while_running");
    /** The keys each {@code early_terminate.type} takes: W&amp;B's for hyperband, sweeper's for the others. */
    private static final Map<EarlyTerminate.Type, Set<String>> EARLY_TERMINATE_KEYS = Map.of(
            EarlyTerminate.Type.HYPERBAND, Set.of("type", "min_iter", "max_iter", "s", "eta", "strict"),
            EarlyTerminate.Type.ASHA, Set.of("type", "min_iter", "max_iter", "eta"),
            EarlyTerminate.Type.MEDIAN, Set.of("type", "min_iter", "min_trials"));

    private final String text;
    private final List<String> warnings = new ArrayList<>();

    private SweepSpecParser(String text) {
        this.text = text;
    }

    static LoadedSweep parse(String text, String source) {
        return new SweepSpecParser(text).parse(YamlDocument.read(text, source), source);
    }

    private LoadedSweep parse(LocatedNode root, String source) {
        if (!root.isMapping()) {
            throw root.error("a sweep file is a mapping of keys (method, parameters, ...), got " + root.describe());
        }
        Map<String, LocatedNode> keys = root.mapping();
        keys.forEach(this::checkKnown);
        SweepMethod method = method(Optional.ofNullable(keys.get("method")).orElseThrow(
                () -> root.errorAt("method", "is missing; choose grid, random or bayes")));
        LocatedNode parameters = Optional.ofNullable(keys.get("parameters")).orElseThrow(
                () -> root.errorAt("parameters", "is missing; list the parameters to sweep"));
        List<ParameterSpec> parameterSpecs = new ParameterParser(method, warnings).parameters(parameters);
        if (method == SweepMethod.GRID) {
            checkGridSize(parameters, parameterSpecs);
        }
        try {
            SweepSpec spec = new SweepSpec(source, text,
                    optional(keys, "name", LocatedNode::text),
                    optional(keys, "description", LocatedNode::text),
                    method,
                    optional(keys, "metric", this::metric),
                    parameterSpecs,
                    new CommandLine(optional(keys, "command", this::command).orElse(CommandLine.DEFAULT_TEMPLATE),
                            optional(keys, "program", LocatedNode::text)),
                    optional(keys, "run_cap", LocatedNode::smallInteger),
                    optional(keys, "early_terminate", this::earlyTerminate),
                    optional(keys, "seed", LocatedNode::integer),
                    optional(keys, "workers", LocatedNode::smallInteger),
                    optional(keys, "max_attempts", LocatedNode::smallInteger),
                    bayesSettings(keys.get("bayes"), method),
                    optional(keys, "trial_timeout", SweepSpecParser::seconds),
                    optional(keys, "sweep_timeout", SweepSpecParser::seconds),
                    optional(keys, "retry", this::retry));
            return new LoadedSweep(spec, warnings);
        } catch (InvalidSpecException e) {
            throw root.errorAt(e.key(), e.problem());
        }
    }

    private void checkKnown(String key, LocatedNode node) {
        if (ACTED_ON.contains(key) || SWEEPER_KEYS.contains(key)) {
            return;
        }
        if (NOT_ACTED_ON.containsKey(key)) {
            warnings.add(node.warning("accepted for W&B compatibility but not acted on (" + NOT_ACTED_ON.get(key) + ")"));
            return;
        }
        List<String> known = Stream.of(ACTED_ON, SWEEPER_KEYS, NOT_ACTED_ON.keySet()).flatMap(Set::stream).sorted().toList();
        throw node.error("unknown key '" + key + "'" + DidYouMean.suffix(key, known)
                + "; a sweep file's keys are " + String.join(", ", known));
    }

    private static <T> Optional<T> optional(Map<String, LocatedNode> keys, String key, Function<LocatedNode, T> read) {
        return Optional.ofNullable(keys.get(key)).map(read);
    }

    private static SweepMethod method(LocatedNode node) {
        String name = node.text();
        SweepMethod method = SweepMethod.byYamlName(name).orElseThrow(() -> node.error(name.equals("custom")
                ? "custom (W&B's Optuna and Ax schedulers) is not supported; use grid, random or bayes"
                : "unknown method '" + name + "'" + DidYouMean.suffix(name, SweepMethod.yamlNames()) + "; use grid, random or bayes"));
        return method;
    }

    private MetricGoal metric(LocatedNode node) {
        Map<String, LocatedNode> keys = node.mapping();
        keys.forEach((key, entry) -> requireKnown(entry, key, METRIC_KEYS));
        LocatedNode name = Optional.ofNullable(keys.get("name")).orElseThrow(
                () -> node.errorAt("name", "is missing; name the metric the trials log, e.g. name: val_loss"));
        Optional.ofNullable(keys.get("impute_while_running")).ifPresent(entry ->
                warnings.add(entry.warning("accepted for W&B compatibility but not acted on")));
        try {
            return new MetricGoal(name.text(),
                    optional(keys, "goal", g -> choice(g, Goal.values(), Goal::word))
                            .orElse(Goal.MINIMIZE),
                    optional(keys, "target", LocatedNode::number),
                    optional(keys, "impute", i -> choice(i, MetricGoal.Impute.values(), MetricGoal.Impute::yamlName))
                            .orElse(MetricGoal.Impute.WORST));
        } catch (InvalidSpecException e) {
            throw node.errorAt(e.key(), e.problem());
        }
    }

    /** A wall time in seconds (a number greater than 0, fractions allowed). */
    private static Duration seconds(LocatedNode node) {
        double seconds = node.number();
        if (!(seconds > 0) || seconds > Duration.ofDays(3650).toSeconds()) {
            throw node.error("must be a number of seconds greater than 0, got " + PythonText.str(node.value()));
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** {@code retry: {on: [crash, timeout, lease_expired], max_attempts: N}}; {@code on} defaults to every class. */
    private RetryPolicy retry(LocatedNode node) {
        if (!node.isMapping()) {
            throw node.error("must be a mapping, e.g. retry: {on: [crash, timeout], max_attempts: 3}, got " + node.describe());
        }
        Map<String, LocatedNode> keys = node.mapping();
        keys.forEach((key, entry) -> requireKnown(entry, key, RETRY_KEYS));
        Set<FailureClass> on = EnumSet.allOf(FailureClass.class);
        if (keys.containsKey("on")) {
            on = EnumSet.noneOf(FailureClass.class);
            for (LocatedNode item : keys.get("on").sequence()) {
                on.add(choice(item, FailureClass.values(), FailureClass::yamlName));
            }
        }
        try {
            return new RetryPolicy(on, optional(keys, "max_attempts", LocatedNode::smallInteger).orElse(DEFAULT_RETRY_ATTEMPTS));
        } catch (InvalidSpecException e) {
            throw node.errorAt(e.key(), e.problem());
        }
    }

    /**
     * The {@code bayes:} settings. With another method they are noted and ignored rather than
     * refused, so switching a sweep between bayes and random is a one-word edit.
     */
    private BayesSettings bayesSettings(LocatedNode node, SweepMethod method) {
        if (node == null) {
            return BayesSettings.DEFAULT;
        }
        if (method != SweepMethod.BAYES) {
            warnings.add(node.warning("is ignored with method: " + method.yamlName() + "; it configures method: bayes"));
            return BayesSettings.DEFAULT;
        }
        if (!node.isMapping()) {
            throw node.error("must be a mapping, e.g. bayes: {engine: tpe}, got " + node.describe());
        }
        Map<String, LocatedNode> keys = node.mapping();
        keys.forEach((key, entry) -> requireKnown(entry, key, BAYES_KEYS));
        try {
            BayesSettings.Engine engine = optional(keys, "engine",
                    e -> choice(e, BayesSettings.Engine.values(), BayesSettings.Engine::yamlName))
                    .orElse(BayesSettings.Engine.GP);
            // TPE models the parameters jointly unless told otherwise, as Optuna 5's TPESampler does by
            // default: it finds better configurations that way (bench/peers search).
            return new BayesSettings(engine,
                    optional(keys, "startup_trials", LocatedNode::smallInteger),
                    optional(keys, "multivariate", LocatedNode::bool).orElse(engine == BayesSettings.Engine.TPE));
        } catch (InvalidSpecException e) {
            throw node.errorAt(e.key(), e.problem());
        }
    }

    /**
     * {@code early_terminate}: its {@code type} first (W&amp;B's hyperband, or sweeper's asha and
     * median), then the keys that type takes, each checked against that type's own list.
     */
    private EarlyTerminate earlyTerminate(LocatedNode node) {
        Map<String, LocatedNode> keys = node.mapping();
        EarlyTerminate.Type type = choice(Optional.ofNullable(keys.get("type")).orElseThrow(
                        () -> node.errorAt("type", "is missing; sweeper knows type: hyperband, asha or median")),
                EarlyTerminate.Type.values(), EarlyTerminate.Type::yamlName);
        keys.forEach((key, entry) -> requireKnown(entry, key, EARLY_TERMINATE_KEYS.get(type)));
        try {
            return switch (type) {
                case HYPERBAND -> hyperband(keys);
                case ASHA -> new EarlyTerminate.Asha(
                        Optional.ofNullable(keys.get("min_iter")).orElseThrow(() -> node.errorAt("min_iter",
                                "is missing; asha needs the first rung, e.g. min_iter: 1")).smallInteger(),
                        optional(keys, "max_iter", LocatedNode::smallInteger),
                        optional(keys, "eta", LocatedNode::number).orElse(EarlyTerminate.Asha.DEFAULT_ETA));
                case MEDIAN -> new EarlyTerminate.Median(
                        optional(keys, "min_iter", LocatedNode::smallInteger).orElse(EarlyTerminate.Median.DEFAULT_MIN_ITER),
                        optional(keys, "min_trials", LocatedNode::smallInteger).orElse(EarlyTerminate.Median.DEFAULT_MIN_TRIALS));
            };
        } catch (InvalidSpecException e) {
            throw node.errorAt(e.key(), e.problem());
        }
    }

    private EarlyTerminate.Hyperband hyperband(Map<String, LocatedNode> keys) {
        if (keys.containsKey("min_iter") && keys.containsKey("max_iter")) {
            warnings.add(keys.get("min_iter").warning("is ignored when max_iter is given (as in W&B)"));
        }
        return new EarlyTerminate.Hyperband(
                optional(keys, "min_iter", LocatedNode::smallInteger),
                optional(keys, "max_iter", LocatedNode::smallInteger),
                optional(keys, "s", LocatedNode::smallInteger),
                optional(keys, "eta", LocatedNode::number).orElse(EarlyTerminate.Hyperband.DEFAULT_ETA),
                optional(keys, "strict", LocatedNode::bool).orElse(EarlyTerminate.Hyperband.DEFAULT_STRICT));
    }

    /** The command's items as text, each whole-item macro checked against W&amp;B's list. */
    private List<String> command(LocatedNode node) {
        List<String> items = new ArrayList<>();
        for (LocatedNode itemNode : node.sequence()) {
            if (itemNode.isMapping() || itemNode.isSequence()) {
                throw itemNode.error("must be one argument (text), got " + itemNode.describe());
            }
            String item = PythonText.str(itemNode.value());
            checkMacros(itemNode, item);
            items.add(item);
        }
        return items;
    }

    private void checkMacros(LocatedNode node, String item) {
        Matcher macro = CommandMacro.ANY.matcher(item);
        while (macro.find()) {
            String token = macro.group();
            if (CommandMacro.ENVIRONMENT_VARIABLE.matcher(token).matches()) {
                continue;
            }
            if (token.startsWith("${envvar:")) {
                throw node.error(token + ": environment variable names are upper case, digits and _ (as W&B reads them)");
            }
            if (!CommandMacro.tokens().contains(token)) {
                throw node.error("unknown macro " + token + DidYouMean.suffix(token, CommandMacro.tokens())
                        + "; the macros are " + String.join(" ", CommandMacro.tokens()) + " ${envvar:NAME}");
            }
            if (!token.equals(item)) {
                warnings.add(node.warning(token + " inside a longer argument is left as text (as in W&B); give it an item of its own"));
            }
        }
    }

    private void checkGridSize(LocatedNode parametersNode, List<ParameterSpec> parameters) {
        try {
            GridSpace.of(parameters);
        } catch (IllegalArgumentException e) {
            throw parametersNode.error(e.getMessage());
        }
    }

    private static void requireKnown(LocatedNode entry, String key, Set<String> known) {
        if (!known.contains(key)) {
            List<String> sorted = known.stream().sorted().toList();
            throw entry.error("unknown key '" + key + "'" + DidYouMean.suffix(key, sorted) + "; the keys here are " + String.join(", ", sorted));
        }
    }

    /** The constant of {@code options} whose YAML name the node gives, or an error listing them. */
    private static <E> E choice(LocatedNode node, E[] options, Function<E, String> yamlName) {
        String given = node.text();
        List<String> names = Arrays.stream(options).map(yamlName).toList();
        return Arrays.stream(options).filter(o -> yamlName.apply(o).equals(given)).findFirst().orElseThrow(
                () -> node.error("must be " + String.join(", ", names.subList(0, names.size() - 1)) + " or "
                        + names.get(names.size() - 1) + ", got '" + given + "'" + DidYouMean.suffix(given, names)));
    }
}
