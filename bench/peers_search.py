"""Search quality, Optuna's side and the summary of both sides (run by bench/peers search).

  python peers_search.py run SEEDS TRIALS [SAMPLER ...]  one JSON line per (sampler, problem, seed):
                                                         the simple regret after each trial
  python peers_search.py summary FILE ...                Markdown tables of the lines in FILEs

The functions are the same as bench/PeersSearch.java's (sweeper's side), and so are the seeds.
"""
import json
import math
import sys
import warnings

import numpy as np

HARTMANN_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                       [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
HARTMANN_P = np.array([[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
                       [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
                       [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
                       [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]])
HARTMANN_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
OFFSETS = {"a": 0.5, "b": 0.0, "c": 1.0, "d": 0.3}


def branin(trial):
    x1 = trial.suggest_float("x1", -5.0, 10.0)
    x2 = trial.suggest_float("x2", 0.0, 15.0)
    b = 5.1 / (4 * math.pi ** 2)
    return (x2 - b * x1 ** 2 + 5 / math.pi * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * math.pi)) * math.cos(x1) + 10


def hartmann6(trial):
    x = np.array([trial.suggest_float(f"x{j + 1}", 0.0, 1.0) for j in range(6)])
    return float(-np.sum(HARTMANN_ALPHA * np.exp(-np.sum(HARTMANN_A * (x - HARTMANN_P) ** 2, axis=1))))


def mixed4(trial):
    a = (trial.suggest_float("x", -5.0, 5.0) - 1.5) / 3
    b = (math.log10(trial.suggest_float("lr", 1e-4, 1.0, log=True)) + 2.5) / 1.5
    n = (trial.suggest_int("n", 1, 20) - 7) / 6
    return a * a + b * b + 0.5 * a * b + n * n + OFFSETS[trial.suggest_categorical("kind", list(OFFSETS))]


PROBLEMS = {"branin": (branin, 0.397887357729738), "hartmann6": (hartmann6, -3.32236801141551),
            "mixed4": (mixed4, 0.0)}


def samplers():
    import optuna
    return {
        "tpe-default": lambda seed: optuna.samplers.TPESampler(seed=seed),
        "tpe-independent": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=False),
        "gp": lambda seed: optuna.samplers.GPSampler(seed=seed),
        "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    }


def run(seeds, trials, names):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    factories = samplers()
    for problem, (objective, optimum) in PROBLEMS.items():
        for name in names:
            for seed in range(seeds):
                study = optuna.create_study(sampler=factories[name](seed))
                study.optimize(objective, n_trials=trials)
                best = np.minimum.accumulate([t.value for t in study.trials])
                regret = np.maximum(0.0, best - optimum)
                print(json.dumps({"tool": "optuna", "method": name, "problem": problem, "seed": seed,
                                  "regret": regret.tolist()}), flush=True)


# The comparisons the issue sets targets for: (sweeper's method, Optuna's sampler).
PAIRS = [("tpe-default", "tpe-default"), ("tpe-independent", "tpe-independent"),
         ("tpe-independent", "tpe-default"), ("gp", "gp")]
BUDGETS = (10, 25, 50)


def summary(files):
    from scipy.stats import mannwhitneyu
    runs = {}
    for path in files:
        with open(path) as f:
            for line in f:
                row = json.loads(line)
                runs.setdefault((row["problem"], row["tool"] + " " + row["method"]), []).append(row["regret"])
    problems = sorted({p for p, _ in runs})
    trials = max((len(r) for rows in runs.values() for r in rows), default=0)
    broken = [key for key, rows in runs.items()
              if not all(len(r) == trials and np.all(np.isfinite(r)) for r in rows)]
    if broken or not runs:
        sys.exit(f"peers_search.py: missing or non-finite regrets in {broken or files}")
    budgets = [b for b in BUDGETS if b <= trials] or [trials]
    seeds = min(len(rows) for rows in runs.values())

    def at(key, budget):
        return np.array([r[budget - 1] for r in runs[key]])

    print(f"Simple regret (best value found minus the optimum), median [quartiles] over {seeds} seeds:\n")
    print("| problem | method | " + " | ".join(f"{b} trials" for b in budgets) + " |")
    print("|---|---|" + "---|" * len(budgets))
    for problem in problems:
        for method in sorted(m for p, m in runs if p == problem):
            cells = []
            for b in budgets:
                q1, med, q3 = np.percentile(at((problem, method), b), [25, 50, 75])
                cells.append(f"{med:.3g} [{q1:.3g}, {q3:.3g}]")
            print(f"| {problem} | {method} | " + " | ".join(cells) + " |")
    print("\nOne-sided Mann–Whitney U, sweeper against Optuna: p(sweeper worse) / p(sweeper better);"
          " p(sweeper worse) < 0.05 misses the target \"no worse\":\n")
    print("| problem | sweeper vs Optuna | " + " | ".join(f"{b} trials" for b in budgets) + " |")
    print("|---|---|" + "---|" * len(budgets))
    for problem in problems:
        for mine, theirs in PAIRS:
            a, b = (problem, "sweeper " + mine), (problem, "optuna " + theirs)
            if a not in runs or b not in runs:
                continue
            cells = []
            for budget in budgets:
                x, y = at(a, budget), at(b, budget)
                worse = mannwhitneyu(x, y, alternative="greater").pvalue
                better = mannwhitneyu(x, y, alternative="less").pvalue
                cells.append(("**" if worse < 0.05 else "") + f"{worse:.3f}" + ("**" if worse < 0.05 else "")
                             + f" / {better:.3f}")
            print(f"| {problem} | {mine} vs {theirs} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if sys.argv[1] == "run":
        run(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:] or list(samplers()))
    elif sys.argv[1] == "summary":
        summary(sys.argv[2:])
    else:
        sys.exit(f"peers_search.py: unknown command {sys.argv[1]} (run | summary)")
