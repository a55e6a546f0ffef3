package io.sweeper.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sweeper.AtomicFile;
import io.sweeper.SweeperException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends each epoch's metrics as one JSON line to a file (the trial's {@code metrics.jsonl}). */
public final class MetricsLog implements EpochListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** A new log: what {@code file} held is dropped. */
    public MetricsLog(Path file) {
        this(file, 0);
    }

    /**
     * The log of a trial that continues after {@code epoch} (see {@link ResumeState}): the lines
     * of epochs up to it stay, later ones (of a run that went further before it was killed) go.
     */
    public MetricsLog(Path file, int epoch) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            List<String> kept = new ArrayList<>();
            if (epoch > 0 && Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (epochOf(line).filter(e -> e <= epoch).isPresent()) {
                        kept.add(line);
                    }
                }
            }
            AtomicFile.replace(file, tmp -> Files.write(tmp, kept, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SweeperException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The epoch of a line, if it is a whole JSON line with one (a kill may have cut the last line). */
    private static Optional<Integer> epochOf(String line) {
        try {
            JsonNode epoch = JSON.readTree(line).get("epoch");
            return epoch != null && epoch.isInt() ? Optional.of(epoch.asInt()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
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
