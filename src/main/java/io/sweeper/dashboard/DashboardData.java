package io.sweeper.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweeper.SweeperException;
import io.sweeper.exec.SweepSession;
import io.sweeper.report.BestConfig;
import io.sweeper.report.TrialParams;
import io.sweeper.search.PedAnova;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.SweepState;
import io.sweeper.store.TrialRow;
import io.sweeper.sweep.Categorical;
import io.sweeper.sweep.DistributionKind;
import io.sweeper.sweep.EarlyTerminate;
import io.sweeper.sweep.ParameterSpec;
import io.sweeper.sweep.SweepFiles;
import io.sweeper.sweep.SweepSpec;
import io.sweeper.sweep.TrialState;
import io.sweeper.sweep.WeightedCategorical;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the page shows, as one JSON document: per sweep its header, every trial (state, value,
 * times, worker, parameters flattened to dotted names), which parameters vary and on what scale,
 * the learning curves, parameter importance and the best trial's panels. Reads through the
 * store's read API: the trial rows, one query for every trial's curve, and the best trial's rows.
 */
final class DashboardData {
    /** The trials highlighted among the learning curves. */
    static final int TOP_K = 10;
    private static final Set<DistributionKind> LOG = EnumSet.of(DistributionKind.LOG_UNIFORM,
            DistributionKind.LOG_UNIFORM_VALUES, DistributionKind.Q_LOG_UNIFORM, DistributionKind.Q_LOG_UNIFORM_VALUES,
            DistributionKind.INV_LOG_UNIFORM, DistributionKind.INV_LOG_UNIFORM_VALUES, DistributionKind.LOG_NORMAL,
            DistributionKind.Q_LOG_NORMAL);

    private DashboardData() {
    }

    static ObjectNode read(Store store, List<SweepRow> sweeps, Instant now, Optional<SamplePredictions> samples) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("generatedAt", now.toString());
        root.put("live", sweeps.stream().anyMatch(s -> s.state() == SweepState.RUNNING));
        ArrayNode out = root.putArray("sweeps");
        for (SweepRow sweep : sweeps) {
            out.add(sweep(store, sweep, now, samples));
        }
        return root;
    }

    private static ObjectNode sweep(Store store, SweepRow sweep, Instant now, Optional<SamplePredictions> samples) {
        SweepSpec spec = SweepFiles.parse(sweep.specYaml(), "sweep " + sweep.id()).spec();
        boolean builtIn = SweepSession.usesBuiltInTrainer(spec);
        List<TrialRow> trials = store.trials(sweep.id());
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", sweep.id());
        node.put("name", sweep.name());
        node.put("method", sweep.method());
        node.put("metric", sweep.metricName());
        node.put("goal", sweep.goal().word());
        node.put("state", sweep.state().word());
        node.put("program", builtIn ? "train" : "command");
        node.put("createdAt", sweep.createdAt().toString());
        node.put("wallSeconds", Duration.between(sweep.createdAt(), sweep.endedAt().orElse(now)).toMillis() / 1000.0);
        node.put("trialHours", trials.stream()
                .filter(t -> t.startedAt().isPresent())
                .mapToLong(t -> Duration.between(t.startedAt().get(), t.endedAt().orElse(now)).toMillis())
                .sum() / 3.6e6);
        ObjectNode counts = node.putObject("counts");
        store.trialCounts(sweep.id()).forEach((state, count) -> counts.put(state.word(), count));
        store.bestTrial(sweep.id()).ifPresent(best -> {
            ObjectNode b = node.putObject("best");
            b.put("number", best.number());
            Json.put(b, "value", best.bestValue());
            b.put("epoch", best.bestEpoch().orElse(0));
            b.put("yaml", BestConfig.of(sweep, best).render(BestConfig.Format.YAML));
            b.set("panel", BestTrialPanel.json(store, best, builtIn, samples));
        });
        spec.earlyTerminate().ifPresent(et -> node.set("earlyTerminate", earlyTerminate(et)));

        List<Map<String, Object>> params = trials.stream().map(t -> flatten(TrialParams.parse(t.paramsJson()))).toList();
        Map<String, ParameterSpec.Leaf> leaves = spec.leaves().stream()
                .collect(Collectors.toMap(ParameterSpec::dottedPath, l -> l, (a, b) -> a, LinkedHashMap::new));
        Set<String> names = new LinkedHashSet<>(leaves.keySet());
        params.forEach(p -> names.addAll(p.keySet()));
        ArrayNode varying = node.putArray("params");
        ObjectNode constants = node.putObject("constants");
        for (String name : names) {
            Set<Object> distinct = params.stream().map(p -> p.get(name)).collect(Collectors.toSet());
            if (distinct.size() > 1) {
                ObjectNode p = varying.addObject();
                p.put("name", name);
                p.put("scale", scale(Optional.ofNullable(leaves.get(name)), distinct));
            } else if (distinct.size() == 1 && distinct.iterator().next() != null) {
                Json.putValue(constants, name, distinct.iterator().next());
            }
        }
        ArrayNode rows = node.putArray("trials");
        for (int i = 0; i < trials.size(); i++) {
            rows.add(trial(trials.get(i), params.get(i), sweep.createdAt()));
        }
        Set<Integer> top = trials.stream().filter(t -> t.state().ranksForBest() && t.bestValue().isPresent())
                .limit(TOP_K).map(TrialRow::number).collect(Collectors.toSet());
        List<Integer> drawn = LearningCurves.chosen(trials, top);
        node.set("curves", LearningCurves.json(store.metricCurves(sweep.id(), sweep.metricName(), drawn), top,
                trials.stream().filter(t -> t.lastEpoch().isPresent()).count()));
        node.set("importance", importance(spec, sweep, trials, params, varying));
        return node;
    }

    private static ObjectNode trial(TrialRow t, Map<String, Object> params, Instant origin) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("n", t.number());
        row.put("state", t.state().word());
        Json.put(row, "value", t.bestValue());
        t.bestEpoch().ifPresent(e -> row.put("epoch", e));
        t.lastEpoch().ifPresent(e -> row.put("epochs", e));
        t.worker().ifPresent(w -> row.put("worker", w));
        t.startedAt().ifPresent(at -> row.put("start", seconds(origin, at)));
        t.endedAt().ifPresent(at -> row.put("end", seconds(origin, at)));
        t.error().ifPresent(e -> row.put("error", e));
        ObjectNode p = row.putObject("p");
        params.forEach((name, value) -> Json.putValue(p, name, value));
        return row;
    }

    private static double seconds(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis() / 1000.0;
    }

    private static ObjectNode importance(SweepSpec spec, SweepRow sweep, List<TrialRow> trials,
            List<Map<String, Object>> params, ArrayNode varying) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        List<PedAnova.Observation> observations = new ArrayList<>();
        List<Map<String, Object>> used = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            TrialRow t = trials.get(i);
            if (t.state() == TrialState.FINISHED && t.bestValue().isPresent() && Double.isFinite(t.bestValue().getAsDouble())) {
                observations.add(new PedAnova.Observation(TrialParams.parse(t.paramsJson()), t.bestValue().getAsDouble()));
                used.add(params.get(i));
            }
        }
        node.put("method", ParameterImportance.METHOD);
        node.put("trials", observations.size());
        node.put("minTrials", ParameterImportance.MIN_TRIALS);
        Map<String, double[]> numeric = new LinkedHashMap<>();
        varying.forEach(p -> {
            String name = p.get("name").asText();
            if (!"categorical".equals(p.get("scale").asText())) {
                numeric.put(name, used.stream().mapToDouble(u -> u.get(name) instanceof Number n ? n.doubleValue() : Double.NaN)
                        .toArray());
            }
        });
        numeric.values().removeIf(x -> Arrays.stream(x).anyMatch(Double::isNaN));
        ArrayNode rows = node.putArray("rows");
        for (ParameterImportance.Row row : ParameterImportance.rank(spec, sweep.goal(), observations, numeric)) {
            ObjectNode r = rows.addObject();
            r.put("param", row.parameter());
            Json.put(r, "importance", row.importance());
            Json.put(r, "correlation", row.correlation());
        }
        return node;
    }

    /** log, linear or categorical: how the page draws the parameter's axis. */
    private static String scale(Optional<ParameterSpec.Leaf> leaf, Set<Object> values) {
        if (leaf.isPresent()) {
            Object d = leaf.get().distribution();
            if (d instanceof Categorical || d instanceof WeightedCategorical) {
                return "categorical";
            }
            return LOG.contains(leaf.get().distribution().kind()) ? "log" : "linear";
        }
        return values.stream().filter(Objects::nonNull).allMatch(Number.class::isInstance) ? "linear" : "categorical";
    }

    private static ObjectNode earlyTerminate(EarlyTerminate et) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", et.type().yamlName());
        ArrayNode marks = node.putArray("marks");
        if (et instanceof EarlyTerminate.Hyperband h) {
            h.bands().forEach(marks::add);
        } else if (et instanceof EarlyTerminate.Asha a) {
            a.rungs().forEach(marks::add);
        } else if (et instanceof EarlyTerminate.Median m) {
            marks.add(m.minIter());
        }
        return node;
    }

    /** Nested groups ({@code optimizer: {lr: …}}) as dotted names, the way the leaderboard's columns read. */
    static Map<String, Object> flatten(Map<String, Object> params) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", params, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> params, Map<String, Object> flat) {
        params.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", (Map<String, Object>) nested, flat);
            } else {
                flat.put(prefix + key, value);
            }
        });
    }
}
