import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * Summarises bench/search-methods over several seeds (rows on standard input, the last row of a
 * method and seed wins). With the same seed every method starts from the same random trials (GP: 2,
 * TPE: 4), so the comparison that can tell the methods apart is on the trials after those: how many
 * reach the notebook's 71.43 % (Fisher's exact test against random's trials of the same numbers
 * and seeds) and how good they are (Mann–Whitney U). Trials to a target: the first trial number
 * (1-based) whose best reached it, 13 meaning not within the 12.
 */
public class SearchSummary {
    private static final double[] TARGETS = {0.7143, 0.80, 0.83};
    private static final Map<String, Integer> STARTUP = Map.of("gp", 2, "tpe", 4);

    record Run(String method, long seed, double best, int[] firstAt, double[] trials) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Map<Long, Run>> runs = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                if (cells.length < 10 || !STARTUP.containsKey(cells[1]) && !cells[1].equals("random")) {
                    continue;
                }
                double[] trials = Arrays.stream(cells[9].split("\\s+")).mapToDouble(Double::parseDouble).toArray();
                int[] firstAt = Arrays.stream(TARGETS).mapToInt(t -> firstAt(trials, t)).toArray();
                Run run = new Run(cells[1], Long.parseLong(cells[2]), Double.parseDouble(cells[3]), firstAt, trials);
                runs.computeIfAbsent(run.method(), m -> new TreeMap<>()).put(run.seed(), run);
            }
        }
        Map<Long, Run> random = runs.getOrDefault("random", Map.of());
        System.out.println("| method | seeds | mean best | trials to 71.43 % (per seed; mean) | to 80 % | to 83 % "
                + "| after start-up: trials ≥ 71.43 % (random's same) | Fisher p | mean accuracy (random's same) | Mann–Whitney p |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (var entry : runs.entrySet()) {
            String method = entry.getKey();
            List<Run> mine = new ArrayList<>(entry.getValue().values());
            StringBuilder row = new StringBuilder("| " + method + " | "
                    + mine.stream().map(r -> Long.toString(r.seed())).collect(Collectors.joining(" ")) + " | "
                    + f3(mine.stream().mapToDouble(Run::best).average().orElse(Double.NaN)) + " | ");
            for (int t = 0; t < TARGETS.length; t++) {
                int target = t;
                row.append(mine.stream().map(r -> trialText(r.firstAt()[target])).collect(Collectors.joining(" ")))
                        .append("; ").append(f1(mine.stream().mapToInt(r -> r.firstAt()[target]).average().orElse(Double.NaN)))
                        .append(" | ");
            }
            int startup = STARTUP.getOrDefault(method, 0);
            List<Run> paired = mine.stream().filter(r -> random.containsKey(r.seed())).toList();
            if (startup == 0 || paired.isEmpty()) {
                System.out.println(row.append("– | – | – | – |"));
                continue;
            }
            double[] model = after(paired, startup);
            double[] baseline = after(paired.stream().map(r -> random.get(r.seed())).toList(), startup);
            int hits = hits(model);
            int baselineHits = hits(baseline);
            row.append(hits).append("/").append(model.length).append(" (").append(baselineHits).append("/")
                    .append(baseline.length).append(") | ")
                    .append(String.format(Locale.ROOT, "%.2g", fisherGreater(hits, model.length, baselineHits, baseline.length)))
                    .append(" | ").append(f3(Arrays.stream(model).average().orElse(Double.NaN))).append(" (")
                    .append(f3(Arrays.stream(baseline).average().orElse(Double.NaN))).append(") | ")
                    .append(String.format(Locale.ROOT, "%.2g", new MannWhitneyUTest().mannWhitneyUTest(model, baseline)))
                    .append(" |");
            System.out.println(row);
        }
        System.out.println();
        System.out.println("– : not reached within the 12 trials (counted as 13 in the mean). p values are one-sided"
                + " for Fisher (more trials ≥ 71.43 % than random) and two-sided for Mann–Whitney.");
    }

    private static int firstAt(double[] trials, double target) {
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] >= target) {
                return i + 1;
            }
        }
        return trials.length + 1;
    }

    private static String trialText(int trial) {
        return trial > 12 ? "–" : Integer.toString(trial);
    }

    /** The values of every run's trials after its start-up ones, pooled. */
    private static double[] after(List<Run> runs, int startup) {
        return runs.stream().flatMapToDouble(r -> Arrays.stream(r.trials(), startup, r.trials().length)).toArray();
    }

    private static int hits(double[] values) {
        return (int) Arrays.stream(values).filter(v -> v >= TARGETS[0]).count();
    }

    /**
     * One-sided Fisher's exact test that the first group's rate of hits is greater: the chance,
     * with the margins fixed, of the first group having at least {@code a} of all the hits.
     */
    private static double fisherGreater(int a, int n1, int b, int n2) {
        HypergeometricDistribution draw = new HypergeometricDistribution(null, n1 + n2, a + b, n1);
        return draw.upperCumulativeProbability(a);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
