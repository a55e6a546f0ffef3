import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.sweeper.search.BayesSearch;
import io.sweeper.search.BenchmarkProblem;
import io.sweeper.search.RandomSearch;
import io.sweeper.search.SearchMethod;
import io.sweeper.sweep.SweepSpec;

/**
 * sweeper's side of bench/peers search: each search method driven in process, one trial after the
 * other, on the test functions of {@link BenchmarkProblem} (bench/peers_search.py defines the same
 * for Optuna) with seeds 0 … SEEDS−1. Prints one JSON line per (method, problem, seed): the simple
 * regret after each trial.
 * Usage: java -cp target/classes:target/test-classes:DEPS bench/PeersSearch.java SEEDS TRIALS [METHOD ...]
 */
public class PeersSearch {
    /** Each method's {@code bayes:} key, as a sweep file would say it. */
    private static final Map<String, String> BAYES_KEYS = new LinkedHashMap<>();

    static {
        BAYES_KEYS.put("gp", "bayes: {engine: gp}");
        BAYES_KEYS.put("tpe-default", "bayes: {engine: tpe}"); // multivariate
        BAYES_KEYS.put("tpe-independent", "bayes: {engine: tpe, multivariate: false}");
        BAYES_KEYS.put("random", "bayes: {engine: gp}");
    }

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        int trials = Integer.parseInt(args[1]);
        List<String> methods = args.length > 2 ? List.of(args).subList(2, args.length) : List.copyOf(BAYES_KEYS.keySet());
        for (String method : methods) {
            if (!BAYES_KEYS.containsKey(method)) {
                throw new IllegalArgumentException("unknown method " + method + ", known: " + BAYES_KEYS.keySet());
            }
        }
        for (BenchmarkProblem problem : BenchmarkProblem.values()) {
            for (String method : methods) {
                SweepSpec spec = problem.spec(BAYES_KEYS.get(method));
                for (long seed = 0; seed < seeds; seed++) {
                    SearchMethod search = method.equals("random") ? new RandomSearch(seed) : new BayesSearch(seed, spec.bayes());
                    double[] regret = problem.regret(spec, search, trials);
                    System.out.printf("{\"tool\": \"sweeper\", \"method\": \"%s\", \"problem\": \"%s\", \"seed\": %d, "
                                    + "\"regret\": [%s]}%n", method, problem.name().toLowerCase(), seed,
                            Arrays.stream(regret).mapToObj(Double::toString).collect(Collectors.joining(", ")));
                }
            }
        }
    }
}
