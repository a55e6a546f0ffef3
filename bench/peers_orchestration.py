"""Orchestration overhead, Optuna's side (run by bench/peers orchestration).

  python peers_orchestration.py TRIALS DIR   Markdown rows: storage | sampler | ms per trial

The same no-op trial as sweeper's OrchestrationBench: three parameters (x uniform, lr log-uniform,
act categorical), one intermediate value reported, the objective x; so all the time is Optuna's
own (sampling, storage writes, bookkeeping). Storages: in memory, and an SQLite file in DIR.
"""
import os
import sys
import time

import optuna


def objective(trial):
    x = trial.suggest_float("x", 0.0, 1.0)
    trial.suggest_float("lr", 1e-4, 0.1, log=True)
    trial.suggest_categorical("act", ["relu", "mish"])
    trial.report(x, 1)
    return x


def main(trials, directory):
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    samplers = {"random": lambda: optuna.samplers.RandomSampler(seed=1),
                "tpe": lambda: optuna.samplers.TPESampler(seed=1)}
    storages = {"in memory": lambda name: None,
                "SQLite file": lambda name: f"sqlite:///{os.path.join(directory, name)}.db"}
    for storage_name, storage in storages.items():
        for sampler_name, sampler in samplers.items():
            study = optuna.create_study(direction="maximize", sampler=sampler(),
                                        storage=storage(f"{sampler_name}-{trials}"))
            start = time.perf_counter()
            study.optimize(objective, n_trials=trials)
            ms = (time.perf_counter() - start) * 1000 / trials
            assert len(study.trials) == trials
            print(f"| Optuna {optuna.__version__} | {storage_name} | {sampler_name} | {trials} | {ms:.2f} ms |", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
