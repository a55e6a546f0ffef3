#!/usr/bin/env bash
# show/best/ls of the report package on the 10,000-trial store of bench/store-show-best.sh (run
# that first: it fills bench/out/store-bench once). Each operation runs in its own JVM; then each
# command is timed whole, as a user runs it (JVM start, opening the store, printing).
set -euo pipefail
cd "$(dirname "$0")/.."
url="${1:-jdbc:h2:file:$PWD/bench/out/store-bench}"
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
for operation in show show-all best ls; do
  java -Xmx2g -cp "$classpath" io.sweeper.report.ReportBench "$url" "$operation"
done
TIMEFORMAT='%R s'
for command in "ls" "show bench-10k-trials" "show bench-10k-trials --all" "best bench-10k-trials"; do
  printf '%-40s' "sweeper $command:"
  # shellcheck disable=SC2086
  { time java -Xmx2g -cp "$classpath" io.sweeper.cli.Main $command --db "$url" > /dev/null; } 2>&1
done
