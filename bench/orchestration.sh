#!/usr/bin/env bash
# Orchestration overhead per trial (see OrchestrationBench): N trials with a runner that trains
# nothing, through the real H2 file store. Prints Markdown rows: trials | workers | total | per trial.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
for workers in 1 2; do
  java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    io.sweeper.exec.OrchestrationBench "${1:-500}" "$workers" 2>/dev/null
done
