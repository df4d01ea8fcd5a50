#!/usr/bin/env bash
# Builds the same generated corpus with this project's generator (./guide, a new JVM each time) and with Hugo,
# 3 cold runs each, alternating the tools, and prints: tool, N, median wall s, ms/page, median peak RSS MB,
# and the ratio ours/Hugo of the median wall times; then the real guide's cold build through ./guide.
#
#   bench/run.sh              # N = 100 1000 10000 section pages (N/5 guides)
#   bench/run.sh 1000 10000   # only these sizes
#   RUNS=5 bench/run.sh 1000  # more runs per tool
#
# Needs: java 17+, hugo (Debian package `hugo`), GNU time (/usr/bin/time, Debian package `time`).
# The corpus and both sites go to bench/target/ (ignored by git). Timings are noisy on a shared machine:
# compare the medians, and rerun when another heavy job was running. A run may first wait up to 305 s after
# the script's own last deletion (see below), and it deletes the sites it built when it ends.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="$here/target"
runs="${RUNS:-3}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 10000)

for tool in java hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' not found (apt-get install hugo time)" >&2; exit 2; }
done
mkdir -p "$work"

# Build the generator once, outside the timings (./guide rebuilds it only when its sources changed).
"$root/guide" --help >/dev/null

# measure TOOL N RUN: runs one cold build into a folder of its own, appends "tool n wall_ms rss_kb" to $work/results.
measure() {
  local tool="$1" n="$2" corpus="$work/corpus-$2" out="$work/runs/$1-$2-$3" t0 t1 rss
  t0=$(date +%s%N)
  if [ "$tool" = ours ]; then
    /usr/bin/time -f "%M" -o "$work/time.txt" "$root/guide" build --content "$corpus/ours/content" \
      --templates "$root/templates" --out "$out" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  else
    /usr/bin/time -f "%M" -o "$work/time.txt" hugo --quiet --source "$corpus/hugo" --destination "$out" \
      >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  fi
  t1=$(date +%s%N)
  rss=$(tail -1 "$work/time.txt")
  echo "$tool $n $(( (t1 - t0) / 1000000 )) $rss" >>"$work/results"
}

# This machine's ext4 has no journal, and without one the kernel will not reuse an inode freed in the last
# 5 s, or 305 s once its inode-table block is dirty again (fs/ext4/ialloc.c, recently_deleted). Creating
# thousands of files soon after deleting thousands scans past every such inode, and a 10,000-page build then
# spent 10-28 s in the kernel instead of 1 s, more with every round. So no timed build follows a deletion:
# every build writes into a new folder, the folders are deleted only at the end, and a new run first waits
# until the last deletion is 305 s old. (On a journalled ext4 the kernel does not do this check.)
deleted_at="$work/.deleted-at"
forget() {
  [ -e "$1" ] || return 0
  rm -rf "$1"
  date +%s >"$deleted_at"
}
forget "$work/runs"
for old in "$work"/out-ours-* "$work"/out-hugo-*; do forget "$old"; done  # older versions of this script
mkdir -p "$work/runs"

: >"$work/results"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  if [ ! -f "$corpus/.complete" ]; then
    java "$here/CorpusGenerator.java" "$n" "$corpus" >&2
    date +%s >"$deleted_at"  # it replaces any older corpus
    touch "$corpus/.complete"
  fi
  if [ -f "$deleted_at" ]; then
    wait_s=$(( $(cat "$deleted_at") + 305 - $(date +%s) ))
    if (( wait_s > 0 )); then
      echo "bench: waiting ${wait_s} s, until files deleted by this script are 305 s old (see above)" >&2
      sleep "$wait_s"
    fi
  fi
  for ((i = 1; i <= runs; i++)); do
    # Each build starts with the previous one's files on disk, not being written back during its timing.
    sync
    sleep 2
    # Alternate which tool goes first, so neither always runs on a warmer page cache.
    if (( i % 2 )); then measure ours "$n" "$i"; sync; measure hugo "$n" "$i"; else measure hugo "$n" "$i"; sync; measure ours "$n" "$i"; fi
    echo "bench: N=$n run $i/$runs done" >&2
  done
done

# The real guide (content/), cold, through the launcher as an editor runs it: JVM start included.
: >"$work/guide-results"
rm -rf "$work/out-guide"
for ((i = 1; i <= runs + 2; i++)); do
  t0=$(date +%s%N)
  "$root/guide" build --out "$work/out-guide" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 )) >>"$work/guide-results"
done

forget "$work/runs"

echo "date: $(date -u +%Y-%m-%d)  machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(hugo version | cut -d' ' -f1-2)"
awk -v runs="$runs" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { key = $1 " " $2; wall[key] = wall[key] " " $3; rss[key] = rss[key] " " $4; if (!($2 in seen)) { seen[$2]; order[++count] = $2 } }
  END {
    printf "%-6s %6s %10s %8s %13s %12s\n", "tool", "N", "median s", "ms/page", "peak RSS MB", "ours/Hugo"
    for (k = 1; k <= count; k++) {
      n = order[k]
      o = median(wall["ours " n]); h = median(wall["hugo " n])
      printf "%-6s %6d %10.2f %8.2f %13.0f %12s\n", "ours", n, o / 1000, o / n, median(rss["ours " n]) / 1024, sprintf("%.2f", o / h)
      printf "%-6s %6d %10.2f %8.2f %13.0f %12s\n", "hugo", n, h / 1000, h / n, median(rss["hugo " n]) / 1024, ""
    }
  }' "$work/results"
sort -n "$work/guide-results" | awk '{ a[NR] = $1 } END { printf "real guide (content/), cold via ./guide: median %.2f s of %d runs (min %.2f, max %.2f)\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) / 1000, NR, a[1] / 1000, a[NR] / 1000 }'
