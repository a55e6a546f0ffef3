#!/usr/bin/env bash
# show/best on a store of 10,000 trials x 100 epochs (see ShowBestBench). The H2 file is filled
# once into bench/out/ and reused; pass a JDBC URL to measure another database (e.g. PostgreSQL).
# Each operation runs in its own JVM, as a one-shot CLI command would.
set -euo pipefail
cd "$(dirname "$0")/.."
url="${1:-jdbc:h2:file:$PWD/bench/out/store-bench}"
mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
for operation in fill best top show ls curve; do
  java -Xmx2g -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true \
    -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
    io.sweeper.store.ShowBestBench "$url" "$operation"
done
