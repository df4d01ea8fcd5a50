#!/usr/bin/env bash
# Builds the same generated corpus with this project's generator (./guide, a new JVM each time) and with Hugo
# twice: the "furnished" Hugo site (whole-guide page, callouts as a shortcode calling RenderString, the same pages
# we publish) and the "plain" one (same text and layout, callouts as blockquotes, no shortcodes, no whole-guide
# page). It also times "Flexmark alone" (bench/FlexmarkAlone.java: parse + render of the same Markdown files on
# one thread, in one JVM with the build's flags), the floor the generator's own cost is measured against, twice:
# "flexmark" is Flexmark as it comes, "flexmark-built" Flexmark's parser set up as the build sets up its own (block
# parsers asked only about lines they could start, tables only where a body has a '|'; the same HTML). Ours over the
# second is the cost of everything that is not Flexmark; over the first it also counts what the build saves inside
# Flexmark's parse.
# Ours builds with --no-pdf: Hugo makes no PDF leaflets, so the comparison leaves ours out too.
# 3 cold runs of each, rotating which goes first, and prints per tool and N: median wall s, median CPU s
# (user + system), ms/page, median peak RSS MB; then ours/Hugo furnished and ours/Hugo plain (wall) and
# ours/Flexmark alone, both ways (CPU); then the workload (what each tool read and wrote per N: pages, files, KB) and the real
# guide's cold build through ./guide.
#
#   bench/run.sh              # N = 100 1000 10000 section pages (N/5 guides)
#   bench/run.sh 1000 10000   # only these sizes
#   RUNS=5 bench/run.sh 1000  # more runs per tool
#   TOOLS="ours flexmark" bench/run.sh 10000   # only some of: ours hugo hugo-plain flexmark flexmark-built
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh 100   # ours and Flexmark alone on that Java
#
# The Java is the launcher's: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH. On Java 25 and newer
# ./guide starts from its AOT cache (trained once, before the timings, by a build of content/ with --no-pdf, as ours is
# run here; the real guide's from one trained with its leaflet), and Flexmark alone
# from one of its own, trained the same way by a run over content/: the same JVM, flags and kind of cache for both.
#
# Needs: java 17+, hugo (Debian package `hugo`), GNU time (/usr/bin/time, Debian package `time`).
# The corpus and both sites go to bench/target/ (ignored by git), or to BENCH_DIR when it is set, e.g.
# BENCH_DIR=/dev/shm/bench for tmpfs (as issue 15's own figures were taken), which also keeps a file system's
# deletion costs out of the figures (below). Timings are noisy on a shared machine:
# compare the medians, and rerun when another heavy job was running. A run may first wait up to 305 s after
# the script's own last deletion (see below), and it deletes the sites it built when it ends.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="${BENCH_DIR:-$here/target}"
runs="${RUNS:-3}"
read -r -a tools <<<"${TOOLS:-ours hugo hugo-plain flexmark flexmark-built}"
# The launcher's Java and default JVM flags (see ./guide), for Flexmark alone.
java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
java="${java:-java}"
read -r -a java_opts <<<"${GUIDE_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -Xshare:auto}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 10000)

for tool in "$java" javac jar hugo /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: '$tool' not found (apt-get install hugo time)" >&2; exit 2; }
done
mkdir -p "$work"

# Build the generator once, outside the timings (./guide rebuilds it only when its sources changed, and on Java 25+
# trains its AOT caches then: the one for commands with --no-pdf, as ours runs below, and the one for the real guide
# with its leaflet), and compile Flexmark alone against its jar, into a jar (an AOT cache takes no folders).
"$root/guide" build --no-pdf --help >/dev/null
"$root/guide" --help >/dev/null
jar="$root/generator/target/generator-all.jar"
rm -rf "$work/flexmark-alone"
mkdir -p "$work/flexmark-alone/classes"
javac -d "$work/flexmark-alone/classes" -cp "$jar" "$here/FlexmarkAlone.java"
jar cf "$work/flexmark-alone/flexmark-alone.jar" -C "$work/flexmark-alone/classes" .
flexmark_main=org.healthguides.markdown.FlexmarkAlone
declare -A flexmark_args=([alone]="" [built]="--as-built") flexmark_cache=([alone]="" [built]="")
java_version="$("$java" -version 2>&1 | head -1)"
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
java_cache="class-data archive beside the jar; Flexmark alone: the JDK's own archive only"
if [ "${version:-0}" -ge 25 ] 2>/dev/null; then
  kept=()
  for opt in "${java_opts[@]}"; do
    [[ $opt == -Xshare:* ]] || kept+=("$opt")  # the JVM refuses -Xshare beside the AOT cache's options
  done
  java_opts=("${kept[@]}")
  for variant in alone built; do
    "$java" "${java_opts[@]}" -XX:AOTCacheOutput="$work/flexmark-alone/flexmark-$variant.aot" -Xlog:aot=off -Xlog:cds=off \
      -cp "$jar:$work/flexmark-alone/flexmark-alone.jar" $flexmark_main ${flexmark_args[$variant]} "$root/content" >/dev/null 2>&1 || true
    [ -s "$work/flexmark-alone/flexmark-$variant.aot" ] || { echo "bench: Flexmark alone's AOT training failed" >&2; exit 1; }
    flexmark_cache[$variant]="-XX:AOTCache=$work/flexmark-alone/flexmark-$variant.aot -Xlog:aot=off -Xlog:cds=off"
  done
  java_cache="AOT caches: ours trained by ./guide (a build of content/ with --no-pdf; with its leaflet for the real guide), Flexmark alone (each way) by a run over content/"
  [ -n "$(find "$root/generator/target/aot" -name '*-no-pdf.aot' -newer "$jar" 2>/dev/null)" ] || { echo "bench: ./guide made no AOT cache" >&2; exit 1; }
fi

# measure TOOL N RUN: runs one cold build into a folder of its own, appends "tool n wall_ms rss_kb cpu_ms" to
# $work/results.
measure() {
  local tool="$1" n="$2" corpus="$work/corpus-$2" out="$work/runs/$1-$2-$3" t0 t1 cmd
  case "$tool" in
    ours) cmd=("$root/guide" build --no-pdf --content "$corpus/ours/content" --templates "$root/templates" --out "$out") ;;
    hugo) cmd=(hugo --quiet --source "$corpus/hugo" --destination "$out") ;;
    hugo-plain) cmd=(hugo --quiet --source "$corpus/hugo-plain" --destination "$out") ;;
    flexmark|flexmark-built)
      local variant=alone
      [ "$tool" = flexmark-built ] && variant=built
      # shellcheck disable=SC2206  # the cache options are words
      cmd=("$java" "${java_opts[@]}" ${flexmark_cache[$variant]} -cp "$jar:$work/flexmark-alone/flexmark-alone.jar" $flexmark_main
           ${flexmark_args[$variant]} "$corpus/ours/content") ;;
    *) echo "bench: unknown tool '$tool' (ours hugo hugo-plain flexmark flexmark-built)" >&2; exit 2 ;;
  esac
  t0=$(date +%s%N)
  /usr/bin/time -f "%M %U %S" -o "$work/time.txt" "${cmd[@]}" >/dev/null 2>"$work/stderr.txt" \
    || { cat "$work/stderr.txt" >&2; exit 1; }
  t1=$(date +%s%N)
  read -r rss user sys < <(tail -1 "$work/time.txt")
  echo "$tool $n $(( (t1 - t0) / 1000000 )) $rss $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d", (u + s) * 1000 }')" >>"$work/results"
  # The workload, counted after the timing: what each tool read and wrote in this run.
  if [[ $tool == flexmark* ]]; then
    echo "$tool $n $(find "$corpus/ours/content" -name '*.md' | wc -l) Markdown files read, nothing written" >>"$work/workload"
  else
    echo "$tool $n $(find "$out" -type f -name '*.html' | wc -l) HTML pages, $(find "$out" -type f | wc -l) files, $(du -sk "$out" | cut -f1) KB written" >>"$work/workload"
  fi
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
for old in "$work"/out-ours-* "$work"/out-hugo-* "$work"/out-guide; do forget "$old"; done  # older versions of this script
mkdir -p "$work/runs"

: >"$work/results"
: >"$work/workload"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  if [ ! -f "$corpus/.complete" ] || [ ! -d "$corpus/hugo-plain" ]; then
    replaced=$([ -d "$corpus" ] && echo yes || true)
    java "$here/CorpusGenerator.java" "$n" "$corpus" >&2
    [ -n "$replaced" ] && date +%s >"$deleted_at"  # it deleted the older corpus
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
    # Rotate which tool goes first, so none always runs on a warmer page cache.
    for ((t = 0; t < ${#tools[@]}; t++)); do
      measure "${tools[(t + i - 1) % ${#tools[@]}]}" "$n" "$i"
      sync
    done
    echo "bench: N=$n run $i/$runs done" >&2
  done
done

# The real guide (content/), cold, through the launcher as an editor runs it: JVM start included. Each run into a new
# folder (with no build cache beside it): into the same one, every run after the first is "up to date" and not cold.
: >"$work/guide-results"
for ((i = 1; i <= runs + 2; i++)); do
  t0=$(date +%s%N)
  "$root/guide" build --out "$work/runs/guide-$i/site" >/dev/null 2>"$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 )) >>"$work/guide-results"
done

forget "$work/runs"

echo "date: $(date -u +%Y-%m-%d)  machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(hugo version | cut -d' ' -f1-2)"
echo "java: $java_version ($(readlink -f "$(command -v "$java")")), ${java_opts[*]}; $java_cache"
echo "output: $work ($(stat -f -c %T "$work"))"
echo "command: ${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }${BENCH_DIR:+BENCH_DIR=$BENCH_DIR }RUNS=$runs TOOLS=\"${tools[*]}\" bench/run.sh ${sizes[*]}"
echo "ours: ./guide build --no-pdf (no PDF leaflets, as Hugo makes none); the real guide: ./guide build (with its leaflet)"
awk -v runs="$runs" -v tools="${tools[*]}" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "" : sprintf("%.2f", a / b) }
  { key = $1 " " $2; wall[key] = wall[key] " " $3; rss[key] = rss[key] " " $4; cpu[key] = cpu[key] " " $5
    if (!($2 in seen)) { seen[$2]; order[++count] = $2 } }
  END {
    nt = split(tools, tool, " ")
    printf "%-14s %6s %9s %9s %8s %12s %11s %11s %12s %13s\n", "tool", "N", "median s", "CPU s", "ms/page", "peak RSS MB",
      "ours/Hugo", "ours/plain", "CPU ours/FM", "ours/FM built"
    for (k = 1; k <= count; k++) {
      n = order[k]
      for (t = 1; t <= nt; t++) { key = tool[t] " " n; w[tool[t]] = median(wall[key]); c[tool[t]] = median(cpu[key]) }
      for (t = 1; t <= nt; t++) {
        key = tool[t] " " n
        printf "%-14s %6d %9.2f %9.2f %8.2f %12.0f %11s %11s %12s %13s\n", tool[t], n, w[tool[t]] / 1000, c[tool[t]] / 1000,
          w[tool[t]] / n, median(rss[key]) / 1024,
          tool[t] == "ours" ? ratio(w["ours"], w["hugo"]) : "", tool[t] == "ours" ? ratio(w["ours"], w["hugo-plain"]) : "",
          tool[t] == "ours" ? ratio(c["ours"], c["flexmark"]) : "", tool[t] == "ours" ? ratio(c["ours"], c["flexmark-built"]) : ""
      }
    }
  }' "$work/results"
# What each figure above is the cost of: the pages and files each tool wrote per N (the same for every run).
echo "workload: N generated section pages (N/5 guides of 5 sections, 750-780 words each, with front matter, lists, a care card," \
  "a footnote and links); each build cold, into an empty folder (ours with no build cache yet: it writes one); per tool and N:"
# One line per tool, N, pages and files (the first run's KB): the same files can take 4 KB more or less of folder blocks.
awk '!seen[$1 " " $2 " " $3 " " $6]++' "$work/workload" | sort -k1,1 -s | sort -k2,2n -s | sed 's/^/  /'
sort -n "$work/guide-results" | awk '{ a[NR] = $1 } END { printf "real guide (content/), cold via ./guide: median %.2f s of %d runs (min %.2f, max %.2f)\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) / 1000, NR, a[1] / 1000, a[NR] / 1000 }'
