"""What MLflow's own Python client sees of a mirrored sweep (experiment tags, runs), printed as JSON for the Java tests.

usage: python inspect_sweep.py TRACKING_URI EXPERIMENT_NAME
"""
import json
import sys

import mlflow
from mlflow.tracking import MlflowClient


def artifacts(client, run_id, path=None):
    found = []
    for info in client.list_artifacts(run_id, path):
        if info.is_dir:
            found.extend(artifacts(client, run_id, info.path))
        else:
            found.append(info.path)
    return found


def describe(client, run):
    return {
        "run_id": run.info.run_id,
        "name": run.info.run_name,
        "status": run.info.status,
        "params": run.data.params,
        "tags": {k: v for k, v in run.data.tags.items()},
        "metrics": {
            key: [{"step": m.step, "value": m.value, "timestamp": m.timestamp}
                  for m in client.get_metric_history(run.info.run_id, key)]
            for key in run.data.metrics
        },
        "artifacts": sorted(artifacts(client, run.info.run_id)),
    }


def main():
    uri, name = sys.argv[1], sys.argv[2]
    mlflow.set_tracking_uri(uri)  # artifact listing resolves mlflow-artifacts:/ against it
    client = MlflowClient(tracking_uri=uri)
    experiment = client.get_experiment_by_name(name)
    if experiment is None:
        print(json.dumps({"experiment_id": None, "runs": []}))
        return
    runs = client.search_runs([experiment.experiment_id], max_results=1000)
    print(json.dumps({
        "experiment_id": experiment.experiment_id,
        "experiment_tags": dict(experiment.tags),
        "runs": [describe(client, run) for run in runs],
    }))


if __name__ == "__main__":
    main()
