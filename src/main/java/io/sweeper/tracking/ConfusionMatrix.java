package io.sweeper.tracking;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.sweeper.SweeperException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (actual, predicted) label pairs over an evaluated image set, as the trainer writes
 * them to {@code confusion.csv}: a header row of predicted labels, then one row per actual label.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final long[][] counts;

    /** {@code counts[actual][predicted]}, square, one row and column per label. */
    public ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = List.copyOf(labels);
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + counts.length + " rows");
        }
        this.counts = new long[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            if (counts[a].length != labels.size()) {
                throw new IllegalArgumentException("row " + labels.get(a) + " has " + counts[a].length
                        + " counts, expected " + labels.size());
            }
            for (long n : counts[a]) {
                if (n < 0) {
                    throw new IllegalArgumentException("negative count in row " + labels.get(a));
                }
            }
            this.counts[a] = counts[a].clone();
        }
    }

    /** Reads the CSV that {@code train} writes (labels may be quoted). */
    public static ConfusionMatrix readCsv(Path file) {
        List<List<String>> rows = new ArrayList<>();
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = csv.readerForListOf(String.class).readValues(file.toFile())) {
            it.forEachRemaining(rows::add);
        } catch (IOException | RuntimeException e) {
            throw new SweeperException(file + ": not a readable confusion-matrix CSV (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) {
            throw new SweeperException(file + ": empty; expected a header row of labels");
        }
        List<String> labels = rows.get(0).subList(1, rows.get(0).size());
        if (rows.size() != labels.size() + 1) {
            throw new SweeperException(file + ": " + labels.size() + " labels in the header but "
                    + (rows.size() - 1) + " rows");
        }
        long[][] counts = new long[labels.size()][];
        for (int a = 0; a < labels.size(); a++) {
            List<String> row = rows.get(a + 1);
            if (row.size() != labels.size() + 1 || !row.get(0).equals(labels.get(a))) {
                throw new SweeperException(file + ": line " + (a + 2) + " should be label " + labels.get(a)
                        + " and " + labels.size() + " counts");
            }
            try {
                counts[a] = row.subList(1, row.size()).stream().mapToLong(Long::parseLong).toArray();
            } catch (NumberFormatException e) {
                throw new SweeperException(file + ": line " + (a + 2) + " has a count that is not a whole number");
            }
        }
        return new ConfusionMatrix(labels, counts);
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long rowTotal(int actual) {
        long total = 0;
        for (long n : counts[actual]) {
            total += n;
        }
        return total;
    }

    /** The share of class {@code actual}'s images predicted as {@code predicted}; NaN for a class with none. */
    public double rowFraction(int actual, int predicted) {
        return (double) counts[actual][predicted] / rowTotal(actual);
    }
}
