package io.sweeper.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.sweeper.store.MirroredSweep;
import io.sweeper.store.OutboxEntry;
import io.sweeper.store.OutboxKind;
import io.sweeper.store.Store;
import io.sweeper.store.SweepRow;
import io.sweeper.store.TrackedRun;
import io.sweeper.store.TrackingOutbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;
import org.mlflow.api.proto.Service.ViewType;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Delivers one mirrored sweep's outbox to MLflow, in order, marking each write delivered once
 * the server has it. Every write is idempotent, so a write delivered again after an uncertain
 * failure (the server got it, the answer was lost) changes nothing:
 * <ul>
 * <li>runs are created once: the run id is recorded in the store as soon as it is known, and
 *     before creating a run the server is searched for one with the run's {@code sweeper.run_key};
 * <li>metric points carry the timestamp the store recorded, and MLflow's SQL store keeps a
 *     point (key, value, timestamp, step) only once;
 * <li>params are logged with the same values, tags and artifacts are overwritten.
 * </ul>
 * Consecutive epoch writes are sent together, one {@code logBatch} per run of up to 1000 points.
 */
final class OutboxDelivery implements AutoCloseable {
    /** MLflow's per-request limits on log-batch (mlflow/utils/validation.py). */
    static final int MAX_METRICS_PER_BATCH = 1000;
    static final int MAX_PARAMS_OR_TAGS_PER_BATCH = 100;
    /** Outbox rows read at a time. */
    static final int PAGE = 500;
    static final String RUN_KEY_TAG = "sweeper.run_key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TrackingOutbox outbox;
    private final SweepRow sweep;
    private final MirroredSweep mirroring;
    private final TrackingServer server;
    private final MlflowClient client;
    /** The tag MLflow 3's UI reads to pick an experiment's first view, and the value for training runs. */
    static final String EXPERIMENT_KIND_TAG = "mlflow.experimentKind";
    static final String EXPERIMENT_KIND = "custom_model_development";

    private final ArtifactUpload artifacts;
    private final Consumer<String> notices;
    private final Map<String, TrackedRun> runs = new HashMap<>();
    private final Map<String, String> artifactUris = new HashMap<>();

    /** How long one HTTP request to the server may take before the write counts as failed. */
    private static final java.time.Duration REQUEST_TIMEOUT = java.time.Duration.ofSeconds(60);

    /** Delivery of {@code sweep}'s outbox to {@code server}; the sweep must be mirrored. */
    static OutboxDelivery open(Store store, SweepRow sweep, TrackingServer server, Consumer<String> notices) {
        MirroredSweep mirroring = store.trackingOutbox().mirroring(sweep.id())
                .orElseThrow(() -> new io.sweeper.SweeperException("sweep " + sweep.id() + " (" + sweep.name()
                        + ") is not mirrored to MLflow: it was created without --mlflow or " + TrackingServer.URI_VARIABLE));
        return new OutboxDelivery(store, sweep, mirroring, server, new MlflowClient(server.hostCreds()),
                new ArtifactUpload(server, REQUEST_TIMEOUT), notices);
    }

    OutboxDelivery(Store store, SweepRow sweep, MirroredSweep mirroring, TrackingServer server, MlflowClient client,
            ArtifactUpload artifacts, Consumer<String> notices) {
        this.outbox = store.trackingOutbox();
        this.sweep = sweep;
        this.mirroring = mirroring;
        this.server = server;
        this.client = client;
        this.artifacts = artifacts;
        this.notices = notices;
    }

    /**
     * Delivers the next page of pending writes; returns how many rows it settled (0: none were
     * pending). A temporary failure is thrown as {@link TrackingFailure} after what went through
     * was marked delivered; a write the server refuses for good is marked refused, with a notice.
     */
    int deliverNext() {
        List<OutboxEntry> page = outbox.pending(sweep.id(), PAGE);
        MetricBatch batch = new MetricBatch();
        for (int i = 0; i < page.size(); i++) {
            OutboxEntry entry = page.get(i);
            boolean batched = entry.kind() == OutboxKind.EPOCH || entry.kind() == OutboxKind.SWEEP_BEST;
            if (!batched) {
                batch.send();
            }
            try {
                if (entry.kind() == OutboxKind.EPOCH) {
                    batch.add(entry, trialRun(entry));
                    continue;
                }
                if (entry.kind() == OutboxKind.SWEEP_BEST) {
                    batch.addBest(entry, trialRun(entry));
                    continue;
                }
                if (!(entry.kind() == OutboxKind.CHECKPOINT && laterCheckpoint(page, i))) {
                    deliver(entry);
                }
                outbox.delivered(List.of(entry.id()));
            } catch (RuntimeException e) {
                settle(List.of(entry.id()), entry.kind(), e);
            }
        }
        batch.send();
        return page.size();
    }

    /**
     * After a failed write: a temporary failure is counted on the rows and thrown (they stay
     * pending, later rows wait behind them); a refusal marks the rows done with the reason.
     */
    private void settle(List<Long> ids, OutboxKind kind, RuntimeException e) {
        TrackingFailure failure = TrackingFailure.of(e, server);
        if (failure.temporary()) {
            ids.forEach(id -> outbox.failed(id, failure.getMessage()));
            throw failure;
        }
        ids.forEach(id -> outbox.refused(id, failure.getMessage()));
        notices.accept("MLflow write skipped (" + kind.word() + " of sweep " + sweep.id() + "): " + failure.getMessage());
    }

    @Override
    public void close() {
        client.close();
    }

    /** A checkpoint upload reads the folder as it is now: a later one in the page makes it redundant. */
    private static boolean laterCheckpoint(List<OutboxEntry> page, int index) {
        OutboxEntry entry = page.get(index);
        return page.subList(index + 1, page.size()).stream()
                .anyMatch(e -> e.kind() == OutboxKind.CHECKPOINT && e.trialId().equals(entry.trialId()));
    }

    private void deliver(OutboxEntry entry) {
        JsonNode payload = payload(entry);
        long at = payload.get("at").asLong();
        switch (entry.kind()) {
            case SWEEP_CREATED -> sweepCreated(payload, at);
            case SWEEP_STATE -> setStatus(sweepRun(), payload.get("state").asText(), at);
            case TRIAL_STARTED -> trialStarted(entry, payload, at);
            case CHECKPOINT -> checkpoint(entry, payload);
            case TRIAL_ENDED -> trialEnded(entry, payload, at);
            case FILES -> files(entry, payload);
            case EPOCH, SWEEP_BEST -> throw new IllegalStateException(entry.kind() + " is delivered in batches");
        }
    }

    private void sweepCreated(JsonNode payload, long at) {
        String experimentId = experiment(sweep.name());
        // MLflow 3 opens an experiment without this tag on its GenAI overview, not on the runs
        client.setExperimentTag(experimentId, EXPERIMENT_KIND_TAG, EXPERIMENT_KIND);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("sweeper.sweep_id", Long.toString(sweep.id()));
        tags.put("sweeper.method", payload.get("method").asText());
        tags.put("sweeper.metric", payload.get("metric").asText());
        tags.put("sweeper.goal", payload.get("goal").asText());
        TrackedRun run = ensureRun(mirroring.sweepRunKey(), Optional.empty(), experimentId, sweep.name(), at, tags);
        Map<String, String> params = new LinkedHashMap<>();
        payload.get("params").fields().forEachRemaining(f -> params.put(MlflowNames.key(f.getKey()),
                MlflowNames.paramValue(f.getValue().asText())));
        logParamsAndTags(run, params, tags);
        artifacts.uploadText(artifactUri(run), "sweep.yaml", payload.get("spec_yaml").asText());
    }

    private void trialStarted(OutboxEntry entry, JsonNode payload, long at) {
        int number = payload.get("number").asInt();
        TrackedRun parent = sweepRun();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.parentRunId", parent.runId());
        tags.put("sweeper.sweep_id", Long.toString(sweep.id()));
        tags.put("sweeper.trial", Integer.toString(number));
        tags.put("sweeper.trial_id", Long.toString(entry.trialId().orElseThrow()));
        tags.put("sweeper.state", "running");
        tags.put("sweeper.worker", payload.get("worker").asText());
        tags.put("sweeper.attempt", payload.get("attempt").asText());
        String key = mirroring.trialRunKey(entry.trialId().orElseThrow());
        boolean existed = knownRun(key).isPresent();
        TrackedRun run = ensureRun(key, entry.trialId(), parent.experimentId(), sweep.name() + "-trial-" + number, at, tags);
        if (existed) {
            // a later attempt (the trial was retried or resumed): the run is running again
            client.sendPost("runs/update", json(Map.of("run_id", run.runId(), "status", RunStatus.RUNNING.name())));
        }
        logParamsAndTags(run, MlflowNames.flatten(params(payload.get("params_json").asText())), tags);
    }

    private void checkpoint(OutboxEntry entry, JsonNode payload) {
        TrackedRun run = trialRun(entry);
        Path folder = Path.of(payload.get("path").asText());
        if (!Files.exists(folder)) {
            throw new TrackingFailure(TrackingFailure.Kind.REFUSED, "checkpoint " + folder + " no longer exists");
        }
        artifacts.upload(artifactUri(run), folder, "checkpoint");
        client.setTag(run.runId(), "sweeper.checkpoint_epoch", payload.get("epoch").asText());
    }

    private void trialEnded(OutboxEntry entry, JsonNode payload, long at) {
        TrackedRun run = trialRun(entry);
        String state = payload.get("state").asText();
        List<RunTag> tags = new ArrayList<>();
        tags.add(tag("sweeper.state", state));
        Optional.ofNullable(payload.get("error")).ifPresent(e -> tags.add(tag("sweeper.error", e.asText())));
        List<Metric> metrics = new ArrayList<>();
        if (payload.hasNonNull("best_value")) {
            metrics.add(Metric.newBuilder().setKey(MlflowNames.key("best_" + sweep.metricName()))
                    .setValue(payload.get("best_value").asDouble()).setTimestamp(at)
                    .setStep(payload.path("best_epoch").asInt(0)).build());
        }
        client.logBatch(run.runId(), metrics, List.of(), tags);
        setStatus(run, state, at);
    }

    private void files(OutboxEntry entry, JsonNode payload) {
        TrackedRun run = entry.trialId().isPresent() ? trialRun(entry) : sweepRun();
        String dir = payload.get("artifact_dir").asText();
        List<String> missing = new ArrayList<>();
        for (JsonNode file : payload.get("files")) {
            Path path = Path.of(file.asText());
            if (Files.exists(path)) {
                artifacts.upload(artifactUri(run), path, dir);
            } else {
                missing.add(path.toString());
            }
        }
        if (!missing.isEmpty()) {
            notices.accept("MLflow: not uploaded, no longer there: " + String.join(", ", missing));
        }
    }

    /**
     * Store states to MLflow statuses. A pruned trial is FINISHED (with the tag
     * {@code sweeper.state=pruned}): early termination is the sweep working as planned and its
     * metrics are valid as far as they go (Optuna's and Ray Tune's MLflow integrations do the
     * same); KILLED is kept for what a user stopped (Ctrl-C), as MLflow means it.
     */
    private void setStatus(TrackedRun run, String state, long at) {
        switch (state) {
            case "running" -> client.sendPost("runs/update",
                    json(Map.of("run_id", run.runId(), "status", RunStatus.RUNNING.name())));
            case "finished", "pruned" -> client.setTerminated(run.runId(), RunStatus.FINISHED, at);
            case "failed" -> client.setTerminated(run.runId(), RunStatus.FAILED, at);
            case "cancelled" -> client.setTerminated(run.runId(), RunStatus.KILLED, at);
            default -> throw new IllegalArgumentException("no MLflow status for state '" + state + "'");
        }
    }

    // ---- runs and experiments

    /**
     * The experiment named after the sweep, created if absent. Looked up by search rather than
     * get-by-name, whose "not found" is an HTTP error the Java client retries with sleeps.
     */
    private String experiment(String name) {
        Optional<String> existing = findExperiment(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return client.createExperiment(name);
        } catch (MlflowHttpException e) {
            // another sweeper created it between the two calls
            if (String.valueOf(e.getBodyMessage()).contains("RESOURCE_ALREADY_EXISTS")) {
                return findExperiment(name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<String> findExperiment(String name) {
        // MLflow's filter strings take either quote; a name with both cannot be looked up (and is rare)
        String filter = name.contains("'") ? "name = \"" + name + "\"" : "name = '" + name + "'";
        return client.searchExperiments(filter, ViewType.ALL, 1, List.of()).getItems().stream()
                .findFirst().map(e -> e.getExperimentId());
    }

    private TrackedRun sweepRun() {
        return knownRun(mirroring.sweepRunKey()).orElseThrow(() -> new TrackingFailure(TrackingFailure.Kind.REFUSED,
                "sweep " + sweep.id() + " has no MLflow run (its creation was refused earlier)"));
    }

    private TrackedRun trialRun(OutboxEntry entry) {
        String key = mirroring.trialRunKey(entry.trialId().orElseThrow());
        return knownRun(key).orElseThrow(() -> new TrackingFailure(TrackingFailure.Kind.REFUSED,
                "trial " + entry.trialId().orElseThrow() + " has no MLflow run (its creation was refused earlier)"));
    }

    private Optional<TrackedRun> knownRun(String key) {
        TrackedRun cached = runs.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TrackedRun> stored = outbox.run(key);
        stored.ifPresent(r -> runs.put(key, r));
        return stored;
    }

    /**
     * The run recorded under {@code key}; else the one on the server tagged with it (created by a
     * delivery whose answer was lost); else a new one. Its id is recorded at once.
     */
    private TrackedRun ensureRun(String key, Optional<Long> trialId, String experimentId, String runName, long startTime,
            Map<String, String> tags) {
        Optional<TrackedRun> known = knownRun(key);
        if (known.isPresent()) {
            return known.get();
        }
        String filter = "tags.`" + RUN_KEY_TAG + "` = '" + key + "'";
        List<Run> found = client.searchRuns(List.of(experimentId), filter, ViewType.ALL, 1).getItems();
        String runId;
        if (!found.isEmpty()) {
            runId = found.get(0).getInfo().getRunId();
        } else {
            CreateRun.Builder create = CreateRun.newBuilder().setExperimentId(experimentId).setRunName(runName)
                    .setStartTime(startTime)
                    .addTags(tag(RUN_KEY_TAG, key))
                    .addTags(tag("mlflow.runName", runName));
            tags.forEach((k, v) -> create.addTags(tag(k, v)));
            runId = client.createRun(create.build()).getRunId();
        }
        TrackedRun run = new TrackedRun(key, experimentId, runId);
        outbox.saveRun(sweep.id(), trialId, run);
        runs.put(key, run);
        return run;
    }

    private String artifactUri(TrackedRun run) {
        return artifactUris.computeIfAbsent(run.runId(), id -> client.getRun(id).getInfo().getArtifactUri());
    }

    private void logParamsAndTags(TrackedRun run, Map<String, String> params, Map<String, String> tags) {
        List<Param> paramList = params.entrySet().stream()
                .map(p -> Param.newBuilder().setKey(p.getKey()).setValue(p.getValue()).build()).toList();
        List<RunTag> tagList = tags.entrySet().stream().map(t -> tag(t.getKey(), t.getValue())).toList();
        int rounds = Math.max(chunks(paramList.size(), MAX_PARAMS_OR_TAGS_PER_BATCH), chunks(tagList.size(), MAX_PARAMS_OR_TAGS_PER_BATCH));
        for (int i = 0; i < rounds; i++) {
            client.logBatch(run.runId(), List.of(), slice(paramList, i, MAX_PARAMS_OR_TAGS_PER_BATCH),
                    slice(tagList, i, MAX_PARAMS_OR_TAGS_PER_BATCH));
        }
    }

    /**
     * Epoch metrics and sweep bests of consecutive outbox rows, per run; sent (at most 1000 points
     * per request) before any other kind of write, so the outbox's order holds for everything but
     * points of different runs, which do not depend on each other.
     */
    private final class MetricBatch {
        private final Map<String, List<Metric>> points = new LinkedHashMap<>();
        /** The parent run's best-trial tags: only the latest matter. */
        private final Map<String, List<RunTag>> tags = new HashMap<>();
        private final List<Long> ids = new ArrayList<>();

        /** The sweep's best so far: a point of the parent run's best_METRIC (step 0, so the latest is the current best) and tags. */
        void addBest(OutboxEntry entry, TrackedRun trial) {
            JsonNode payload = payload(entry);
            TrackedRun parent = sweepRun();
            points.computeIfAbsent(parent.runId(), r -> new ArrayList<>()).add(Metric.newBuilder()
                    .setKey(MlflowNames.key("best_" + sweep.metricName())).setValue(payload.get("value").asDouble())
                    .setTimestamp(payload.get("at").asLong()).setStep(0).build());
            tags.put(parent.runId(), List.of(
                    tag("sweeper.best_trial", payload.get("number").asText()),
                    tag("sweeper.best_trial_id", Long.toString(entry.trialId().orElseThrow())),
                    tag("sweeper.best_run_id", trial.runId())));
            ids.add(entry.id());
        }

        void add(OutboxEntry entry, TrackedRun run) {
            JsonNode payload = payload(entry);
            long at = payload.get("at").asLong();
            List<Metric> runPoints = points.computeIfAbsent(run.runId(), r -> new ArrayList<>());
            for (JsonNode epoch : payload.get("epochs")) {
                int step = epoch.get("epoch").asInt();
                epoch.get("metrics").fields().forEachRemaining(m -> runPoints.add(Metric.newBuilder()
                        .setKey(MlflowNames.key(m.getKey())).setValue(m.getValue().asDouble())
                        .setTimestamp(at).setStep(step).build()));
            }
            ids.add(entry.id());
        }

        void send() {
            if (ids.isEmpty()) {
                return;
            }
            List<Long> sending = List.copyOf(ids);
            try {
                for (Map.Entry<String, List<Metric>> run : points.entrySet()) {
                    List<Metric> all = run.getValue();
                    for (int from = 0; from < all.size(); from += MAX_METRICS_PER_BATCH) {
                        boolean last = from + MAX_METRICS_PER_BATCH >= all.size();
                        client.logBatch(run.getKey(), all.subList(from, Math.min(all.size(), from + MAX_METRICS_PER_BATCH)),
                                List.of(), last ? tags.getOrDefault(run.getKey(), List.of()) : List.of());
                    }
                }
                outbox.delivered(sending);
            } catch (RuntimeException e) {
                settle(sending, OutboxKind.EPOCH, e);
            } finally {
                points.clear();
                tags.clear();
                ids.clear();
            }
        }
    }

    // ---- small things

    private static RunTag tag(String key, String value) {
        return RunTag.newBuilder().setKey(key).setValue(MlflowNames.tagValue(value)).build();
    }

    private static int chunks(int size, int chunk) {
        return (size + chunk - 1) / chunk;
    }

    private static <T> List<T> slice(List<T> list, int index, int chunk) {
        int from = Math.min(list.size(), index * chunk);
        return list.subList(from, Math.min(list.size(), from + chunk));
    }

    private static JsonNode payload(OutboxEntry entry) {
        try {
            return JSON.readTree(entry.payloadJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox row " + entry.id() + " is not JSON", e);
        }
    }

    private static Map<String, Object> params(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trial parameters are not JSON: " + json, e);
        }
    }

    private static String json(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
