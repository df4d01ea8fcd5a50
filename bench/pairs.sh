#!/usr/bin/env bash
# Two checkouts of this project (two commits, each built: ./guide builds its jar when missing) timed against each
# other, one build of each in turn, so that the machine's noise falls on both alike. Prints each run (checkout, wall
# s, user s, system s, peak RSS KB), then each checkout's medians and, pair by pair, B's wall and CPU over A's.
#   bench/pairs.sh edit A_DIR B_DIR     # one-section edit rebuilds at N pages (default 10,000), each checkout on its
#                                       # own copy of the corpus and its own output, after a cold build and a first edit
#   bench/pairs.sh cold A_DIR B_DIR     # cold builds at N pages (default 100) into a new folder each, as bench/run.sh
#   PAIRS=16 N=1000 bench/pairs.sh cold /tmp/before .
# Each run is ./guide build --no-pdf with the launcher's flags (its class-data archive or AOT cache, as ./guide
# starts). Under /dev/shm when there is one. Needs GNU time (/usr/bin/time) and python3. Not part of mvn verify.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:?edit or cold}"
a="$(cd "${2:?the first checkout}" && pwd)"
b="$(cd "${3:?the second checkout}" && pwd)"
pairs="${PAIRS:-16}"
case "$mode" in
  edit) n="${N:-10000}" ;;
  cold) n="${N:-100}" ;;
  *) echo "pairs: edit or cold, not '$mode'" >&2; exit 2 ;;
esac
base="${WORK:-$( [ -d /dev/shm ] && echo /dev/shm/guide-pairs || echo "$here/bench/target/pairs")}"
work="$base/$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
java "$here/bench/CorpusGenerator.java" "$n" "$work/corpus" >/dev/null
templates="$here/templates"

build() { # checkout content out
  "$1/guide" build --no-pdf --content "$2" --templates "$templates" --out "$3" >/dev/null 2>"$work/stderr" \
    || { cat "$work/stderr" >&2; exit 1; }
}

if [ "$mode" = edit ]; then
  for v in a b; do
    cp -r "$work/corpus/ours/content" "$work/content-$v"
    build "${!v}" "$work/content-$v" "$work/out-$v/site"
    # The same section of the same guide is edited each time: its first edit renders all its pages, later ones not.
    section="$(find "$work/content-$v" -mindepth 2 -name '*.md' ! -name index.md | sort | sed -n 5p)"
    echo "$section" >"$work/section-$v"
    echo "A warming edit." >>"$section"
    build "${!v}" "$work/content-$v" "$work/out-$v/site"
  done
fi

for i in $(seq 1 "$pairs"); do
  if (( i % 2 )); then order="a b"; else order="b a"; fi
  for v in $order; do
    if [ "$mode" = edit ]; then
      echo "Edit $i." >>"$(cat "$work/section-$v")"
      content="$work/content-$v" out="$work/out-$v/site"
    else
      content="$work/corpus/ours/content" out="$work/cold-$v-$i/site"
    fi
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${!v}/guide" build --no-pdf --content "$content" --templates "$templates" \
      --out "$out" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    echo "${v^^} $(cat "$work/time")"
    if [ "$mode" = cold ]; then rm -rf "$work/cold-$v-$i"; fi
  done
done | tee "$work/runs"

echo "workload: $mode, $n pages of the benchmark's corpus, ./guide build --no-pdf, $pairs pairs; A = $a, B = $b"
python3 - "$work/runs" <<'PY'
import statistics, sys
runs = {"A": [], "B": []}
for line in open(sys.argv[1]):
    who, wall, user, system, rss = line.split()
    runs[who].append((float(wall), float(user) + float(system), int(rss) / 1024))
for who in "AB":
    r = runs[who]
    print(f"{who}: wall median {statistics.median(x[0] for x in r):.3f} s, CPU median {statistics.median(x[1] for x in r):.3f} s, "
          f"peak RSS median {statistics.median(x[2] for x in r):.0f} MB")
pairs = list(zip(runs["A"], runs["B"]))
print(f"B faster in {sum(b[0] < a[0] for a, b in pairs)} of {len(pairs)} pairs; B over A, median of the pairs: "
      f"wall {statistics.median(b[0] / a[0] for a, b in pairs):.3f}, CPU {statistics.median(b[1] / a[1] for a, b in pairs):.3f}")
PY
