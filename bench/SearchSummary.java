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
 * Summarises bench/search-methods over several seeds and budgets (rows on standard input; a row's
 * budget is its epochs column over 12). A random trial is a draw from the sweep's distributions
 * whatever its number and seed, so every random run's trials together are one sample of what random
 * search gives. GP and TPE begin with the same random start-up trials (GP: 2, TPE: 4); what tells
 * them apart is the trials they suggest after those: how many reach the notebook's 71.43 % and a
 * high bar of 83 % (Fisher's exact test against the random sample) and how good they are
 * (Mann–Whitney U). Trials
 * to a target: the first trial number (1-based) whose best reached it, budget + 1 if none did.
 */
public class SearchSummary {
    private static final double[] TARGETS = {0.7143, 0.80, 0.83};
    private static final Map<String, Integer> STARTUP = Map.of("random", 0, "gp", 2, "tpe", 4);
    private static final int EPOCHS_PER_TRIAL = 12;

    record Run(String method, int budget, long seed, double best, int[] firstAt, double[] trials) {
        String group() {
            return method + " × " + budget;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, Map<Long, Run>> runs = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
                if (cells.length < 10 || !STARTUP.containsKey(cells[1])) {
                    continue;
                }
                double[] trials = Arrays.stream(cells[9].split("\\s+")).mapToDouble(Double::parseDouble).toArray();
                int budget = Integer.parseInt(cells[4].replaceAll(".* of ", "")) / EPOCHS_PER_TRIAL;
                int[] firstAt = Arrays.stream(TARGETS).mapToInt(t -> firstAt(trials, t)).toArray();
                Run run = new Run(cells[1], budget, Long.parseLong(cells[2]), Double.parseDouble(cells[3]), firstAt, trials);
                runs.computeIfAbsent(run.group(), g -> new TreeMap<>()).put(run.seed(), run);
            }
        }
        double[] random = runs.values().stream().flatMap(m -> m.values().stream())
                .filter(r -> r.method().equals("random")).flatMapToDouble(r -> Arrays.stream(r.trials())).toArray();
        int randomHits = hits(random, TARGETS[0]);
        int randomHigh = hits(random, TARGETS[2]);
        System.out.println("| method × trials | seeds | mean best | trials to 71.43 % (per seed; mean) | to 80 % | to 83 % "
                + "| trials ≥ 71.43 % (after start-up) | Fisher p | trials ≥ 83 % (Fisher p) | mean accuracy (after start-up) | Mann–Whitney p |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (var entry : runs.entrySet()) {
            List<Run> mine = new ArrayList<>(entry.getValue().values());
            StringBuilder row = new StringBuilder("| " + entry.getKey() + " | "
                    + mine.stream().map(r -> Long.toString(r.seed())).collect(Collectors.joining(" ")) + " | "
                    + f3(mine.stream().mapToDouble(Run::best).average().orElse(Double.NaN)) + " | ");
            for (int t = 0; t < TARGETS.length; t++) {
                int target = t;
                row.append(mine.stream().map(r -> r.firstAt()[target] > r.budget() ? "–" : Integer.toString(r.firstAt()[target]))
                                .collect(Collectors.joining(" ")))
                        .append("; ").append(f1(mine.stream().mapToInt(r -> r.firstAt()[target]).average().orElse(Double.NaN)))
                        .append(" | ");
            }
            Run first = mine.get(0);
            if (first.method().equals("random")) {
                System.out.println(row.append(randomHits).append("/").append(random.length).append(" (all random trials) | – | ")
                        .append(randomHigh).append("/").append(random.length).append(" | ")
                        .append(f3(Arrays.stream(random).average().orElse(Double.NaN))).append(" | – |"));
                continue;
            }
            int startup = STARTUP.get(first.method());
            double[] model = mine.stream().flatMapToDouble(r -> Arrays.stream(r.trials(), startup, r.trials().length)).toArray();
            int hits = hits(model, TARGETS[0]);
            int high = hits(model, TARGETS[2]);
            row.append(hits).append("/").append(model.length).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2g", fisherGreater(hits, model.length, randomHits, random.length)))
                    .append(" | ").append(high).append("/").append(model.length).append(" (")
                    .append(String.format(Locale.ROOT, "%.2g", fisherGreater(high, model.length, randomHigh, random.length)))
                    .append(") | ").append(f3(Arrays.stream(model).average().orElse(Double.NaN))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2g", new MannWhitneyUTest().mannWhitneyUTest(model, random)))
                    .append(" |");
            System.out.println(row);
        }
        System.out.println();
        System.out.println("– : not reached within the budget (counted as budget + 1 in the mean). Tests against all "
                + random.length + " random trials; p values are one-sided for Fisher (more trials over the bar than"
                + " random) and two-sided for Mann–Whitney.");
    }

    private static int firstAt(double[] trials, double target) {
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] >= target) {
                return i + 1;
            }
        }
        return trials.length + 1;
    }

    private static int hits(double[] values, double target) {
        return (int) Arrays.stream(values).filter(v -> v >= target).count();
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
