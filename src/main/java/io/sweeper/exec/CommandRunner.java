package io.sweeper.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import io.sweeper.sweep.CommandEnvironment;
import io.sweeper.sweep.CommandLine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code command:} — any program. The contract (README, "Any program"): the command line is the
 * sweep file's {@code command} with W&B's macros expanded; the program prints one JSON object per
 * epoch on standard output, e.g. {@code {"epoch": 3, "val_accuracy": 0.61}} (every numeric field
 * is a metric; {@code epoch} counts up by itself when absent; a {@code checkpoint} field names a
 * file it wrote); other output lines are kept in {@code stdout.log}; exit code 0 means finished.
 * Environment: {@code SWEEPER_TRIAL_DIR} (its folder, the same for every attempt of the trial),
 * {@code SWEEPER_RESUME_EPOCH} (the last epoch earlier attempts recorded, 0 on the first: a program
 * that saved its own state in its folder after an epoch up to this one may continue after it,
 * printing the epochs that follow; the first epoch it prints replaces what was recorded from
 * there on) and {@code OMP_NUM_THREADS} (its thread share). At the sweep's {@code trial_timeout},
 * and when the trial is stopped, the program and every process it started get SIGTERM, then
 * SIGKILL after {@link ProcessTree#GRACE}.
 */
public final class CommandRunner implements TrialRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Threads that stop trials at their {@code trial_timeout}; each waits out a grace period, so they are not shared with other work. */
    private static final ExecutorService WATCHDOGS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sweeper-trial-timeout");
        t.setDaemon(true);
        return t;
    });
    private final CommandLine command;
    private final Path workingDir;

    public CommandRunner(CommandLine command, Path workingDir) {
        this.command = command;
        this.workingDir = workingDir;
    }

    @Override
    public End run(Map<String, Object> params, TrialContext context) throws Exception {
        Path dir = Files.createDirectories(context.outDir());
        Path argsFile = dir.resolve("args.json");
        if (command.usesArgsJsonFile()) {
            Files.writeString(argsFile, CommandLine.argsJson(params));
        }
        List<String> argv = command.expand(params, CommandEnvironment.ofThisProcess(Optional.of(argsFile)));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        builder.environment().put("SWEEPER_TRIAL_DIR", dir.toAbsolutePath().toString());
        builder.environment().put("SWEEPER_RESUME_EPOCH", Integer.toString(context.lastRecordedEpoch()));
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(context.threads()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SweeperException("cannot start `" + String.join(" ", argv) + "`: " + e.getMessage());
        }
        AtomicBoolean ended = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        context.deadline().ifPresent(deadline -> CompletableFuture.runAsync(() -> {
            if (!ended.get()) {
                timedOut.set(true);
                terminate(process);
            }
        }, CompletableFuture.delayedExecutor(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                TimeUnit.MILLISECONDS, WATCHDOGS)));
        boolean stopped = false;
        int epoch = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             // a Writer, not a PrintWriter, which would swallow a full disk's IOException
             BufferedWriter log = Files.newBufferedWriter(dir.resolve("stdout.log"))) {
            String line;
            while ((line = out.readLine()) != null) {
                Optional<JsonNode> json = metricsLine(line);
                if (json.isEmpty()) {
                    log.write(line);
                    log.newLine();
                    continue;
                }
                JsonNode node = json.get();
                epoch = node.has("epoch") ? node.get("epoch").asInt() : epoch + 1;
                if (!context.reportEpoch(epoch, numbers(node))) {
                    stopped = true;
                    terminate(process);
                    break;
                }
                if (node.hasNonNull("checkpoint")) {
                    context.reportCheckpoint(epoch, workingDir.resolve(node.get("checkpoint").asText()));
                }
            }
        }
        int code = process.waitFor();
        ended.set(true);
        if (timedOut.get()) {
            throw new TrialTimedOut();
        }
        if (stopped) {
            return End.STOPPED;
        }
        if (code != 0) {
            throw new SweeperException("`" + String.join(" ", argv) + "` exited with code " + code
                    + lastLines(dir.resolve("stderr.log")) + fullDisk(dir));
        }
        return End.FINISHED;
    }

    /** The whole process tree, so no child the program started outlives its trial. */
    private static void terminate(Process process) {
        try {
            ProcessTree.terminate(process, ProcessTree.GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<JsonNode> metricsLine(String line) {
        String t = line.trim();
        if (!t.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(t);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber() && !field.getKey().equals("epoch")) {
                metrics.put(field.getKey(), field.getValue().asDouble());
            }
        }
        return metrics;
    }

    /**
     * Says so when the trial's folder is on a full disk: a program that failed then most likely
     * failed to write, and its stderr.log, on the same disk, could not tell why.
     */
    private static String fullDisk(Path dir) throws IOException {
        return Files.getFileStore(dir).getUsableSpace() == 0 ? " (No space left on device in " + dir + ")" : "";
    }

    private static String lastLines(Path stderr) throws IOException {
        Deque<String> tail = new ArrayDeque<>();
        for (String l : Files.readAllLines(stderr)) {
            if (!l.isBlank()) {
                tail.addLast(l.trim());
                if (tail.size() > 2) {
                    tail.removeFirst();
                }
            }
        }
        return tail.isEmpty() ? "" : ": " + String.join(" / ", tail);
    }
}
