#!/usr/bin/env bash
# Benchmark of `guide serve` (not part of mvn verify): over 20 edits each, the median and worst time from a file
# write to the reload event reaching an open page, for a one-section edit and a template edit, and the rebuild
# time (new page ready). Runs on a temp copy of content/ and templates/, with the JVM flags ./guide uses.
# Usage: bench/serve-reload.sh [EDITS] [WARM_UP_EDITS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

edits="${1:-20}"
warm_up="${2:-10}"
classpath_file="$PWD/generator/target/bench-classpath.txt"

mvn -q -B -ntp -Dstyle.color=never -pl generator test-compile 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
mvn -q -B -ntp -Dstyle.color=never -pl generator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null

echo "serve-reload benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
# --add-opens as the jar's manifest opens it to ./guide (content.UnixStat).
exec java ${GUIDE_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -Xshare:auto} --add-opens java.base/sun.nio.fs=ALL-UNNAMED \
  -cp "generator/target/test-classes:generator/target/classes:$(cat "$classpath_file")" \
  org.healthguides.serve.ServeReloadBenchmark content templates "$edits" "$warm_up"
