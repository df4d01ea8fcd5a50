#!/usr/bin/env bash
# Start-up cost of declaring the command line with picocli instead of our own parser (cli/Arguments): the same
# packaged generator is started cold with the launcher's JVM flags, once through cli.Main (as ./guide does) and
# once through cli-startup/PicoGuide.java (every command and option declared with picocli annotations, parsed
# and validated by picocli, then handed to the same Main), alternating which goes first, RUNS times each
# (default 10), for `--version` and for `check` on the real guide. Prints the median and range of wall time and
# the median CPU time (user + system) of each. The CDS archive ./guide uses is left out of both, as it was
# trained without picocli.
#
#   bench/cli-startup.sh          # needs the packaged generator (mvn -pl generator -am package) and Maven
#   RUNS=20 bench/cli-startup.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="$here/target/cli-startup"
runs="${RUNS:-10}"
jar="$root/generator/target/generator-all.jar"
[ -f "$jar" ] || { echo "cli-startup: build the generator first: mvn -pl generator -am package" >&2; exit 2; }

mkdir -p "$work/classes"
picocli="$work/picocli-4.7.7.jar"
local_copy="$HOME/.m2/repository/info/picocli/picocli/4.7.7/picocli-4.7.7.jar"
[ -f "$picocli" ] || [ ! -f "$local_copy" ] || cp "$local_copy" "$picocli"
if [ ! -f "$picocli" ]; then
  mvn -q -B dependency:copy -Dartifact=info.picocli:picocli:4.7.7 -DoutputDirectory="$work" >&2
fi
javac -d "$work/classes" -cp "$jar:$picocli" "$here/cli-startup/PicoGuide.java"

python3 - "$runs" "$jar:$picocli:$work/classes" "$root" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cp, root = int(sys.argv[1]), sys.argv[2], sys.argv[3]
flags = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn64m", "-Xshare:auto"]
cases = {"--version": ["--version"],
         "check": ["check", "--content", root + "/content", "--templates", root + "/templates", "--today", "2026-11-25"]}
mains = [("hand-written", "org.healthguides.cli.Main"), ("picocli", "PicoGuide")]
for name, args in cases.items():
    wall = {label: [] for label, _ in mains}
    cpu = {label: [] for label, _ in mains}
    for i in range(runs):
        for label, main in (mains if i % 2 == 0 else mains[::-1]):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(["java", *flags, "-cp", cp, main, *args], capture_output=True, check=False)
            wall[label].append((time.perf_counter() - start) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[label].append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    for label, _ in mains:
        w = wall[label]
        print(f"{name:10} {label:13} wall median {statistics.median(w):5.0f} ms ({min(w):4.0f}-{max(w):4.0f}), "
              f"CPU median {statistics.median(cpu[label]):5.0f} ms   ({runs} runs)")
PY
