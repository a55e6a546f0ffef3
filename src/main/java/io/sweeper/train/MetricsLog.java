package io.sweeper.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.SweeperException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends each epoch's metrics as one JSON line to a file (the trial's {@code metrics.jsonl}). */
public final class MetricsLog implements EpochListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public MetricsLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SweeperException("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public Verdict onEpoch(EpochMetrics metrics) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("epoch", metrics.epoch());
        row.putAll(metrics.byName());
        try {
            Files.writeString(file, JSON.writeValueAsString(row) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SweeperException("cannot write " + file + ": " + e.getMessage() + " (disk full?)", e);
        }
        return Verdict.CONTINUE;
    }
}
