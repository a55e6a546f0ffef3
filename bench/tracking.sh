#!/usr/bin/env bash
# MLflow mirroring overhead (see TrackingOverheadBench): the training thread's cost per epoch and
# per trial with and without the outbox, and the sender's throughput into a real MLflow server
# (scripts/mlflow-server start; pass its URL). Prints Markdown rows.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.sweeper.tracking.TrackingOverheadBench "${2:-20}" "${3:-50}" "${1:-http://127.0.0.1:5055}" 2>/dev/null
