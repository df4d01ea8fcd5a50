#!/usr/bin/env bash
# What the build cache saves at N section pages, side by side in one run: a cold build (--no-cache, a new empty
# folder each time), a rebuild of unchanged content and a rebuild after a one-section edit (one line appended to
# one section file), both with the cache, into the same output. Each is a new JVM started as ./guide starts it
# (serial GC, C1 only, the class-data archive beside the jar); the order rotates every round. With BEFORE_JAR,
# another build of the generator (an earlier commit's) runs each kind too, alternating with this one, on its own
# copy of the corpus. Prints each run (wall s, CPU s = user + system, peak RSS MB), the medians, and each median
# over the same generator's cold one. Builds with --no-pdf: otherwise each generated guide prints a PDF leaflet.
#   bench/cache-rebuild.sh                         # 10,000 pages, 3 rounds, under /dev/shm when there is one
#   RUNS=5 N=1000 bench/cache-rebuild.sh
#   BEFORE_JAR=/tmp/old/generator-all.jar bench/cache-rebuild.sh   # its .jsa beside it, or one made for it
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/cache-rebuild.sh   # that Java, as ./guide runs it
# The Java is the launcher's: $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH. On Java 25 and newer
# each jar starts from an AOT cache made here as ./guide makes its own (a build of content/ with its leaflet).
# Needs GNU time (/usr/bin/time) and bc. Not part of mvn verify.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${N:-10000}"
runs="${RUNS:-3}"
base="${WORK:-$( [ -d /dev/shm ] && echo /dev/shm/guide-cache-bench || echo "$here/bench/target/cache-bench")}"
after_jar="${JAR:-$here/generator/target/generator-all.jar}"
[ -f "$after_jar" ] || "$here/guide" --help >/dev/null
java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
java="${java:-java}"
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
aot=""
if [ "${version:-0}" -ge 25 ] 2>/dev/null; then aot=yes; fi
variants="after"
[ -n "${BEFORE_JAR:-}" ] && variants="before after"
work="$base/$$"
mkdir -p "$work/runs"
trap 'rm -rf "$work"' EXIT
java "$here/bench/CorpusGenerator.java" "$n" "$work/corpus" >/dev/null
for variant in $variants; do
  cp -r "$work/corpus/ours/content" "$work/content-$variant"
done
rm -rf "$work/corpus"

# The class-data archive each jar starts with, as ./guide starts it: the one beside the jar when the JVM accepts it
# (an archive records its jar's path, so one copied with its jar is refused and the JVM starts without it), else one
# made here for that jar by a build of the project's own content, so both generators start the same way.
archive_for() { # jar
  local jar="$1" jsa="${1%.jar}.jsa"
  if [ -n "$aot" ]; then  # Java 25+: an AOT cache, trained as ./guide trains its own
    local made="$work/aot-$RANDOM.aot"
    "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -XX:AOTCacheOutput="$made" -Xlog:aot=off -Xlog:cds=off -jar "$jar" \
      build --content "$here/content" --templates "$here/templates" --out "$work/aot-site-$RANDOM/site" >/dev/null 2>&1 || true
    [ -s "$made" ] && echo "$made"
    return 0
  fi
  if [ -f "$jsa" ] && "$java" -XX:SharedArchiveFile="$jsa" -Xshare:on -jar "$jar" --version >/dev/null 2>&1; then
    echo "$jsa"; return
  fi
  local made="$work/archive-$RANDOM.jsa"
  "$java" -XX:ArchiveClassesAtExit="$made" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$jar" build --content "$here/content" \
    --templates "$here/templates" --out "$work/archive-site-$RANDOM/site" >/dev/null 2>&1 || true
  [ -f "$made" ] && "$java" -XX:SharedArchiveFile="$made" -Xshare:on -jar "$jar" --version >/dev/null 2>&1 && echo "$made"
  return 0
}
after_jsa="$(archive_for "$after_jar")"
before_jsa=""
[ -n "${BEFORE_JAR:-}" ] && before_jsa="$(archive_for "$BEFORE_JAR")"
echo "java: $("$java" -version 2>&1 | head -1) ($java); $([ -n "$aot" ] && echo "AOT caches" || echo "class-data archives"): after ${after_jsa:-none}${BEFORE_JAR:+, before ${before_jsa:-none}}"

run() { # variant kind out extra-args...
  local variant="$1" kind="$2" out="$3"; shift 3
  local jar="$after_jar" jsa="$after_jsa"
  [ "$variant" = before ] && jar="$BEFORE_JAR" && jsa="$before_jsa"
  local share=(-Xshare:auto)
  [ -n "$jsa" ] && share+=("-XX:SharedArchiveFile=$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  [ -n "$aot" ] && share=()  # the JVM refuses -Xshare beside the AOT cache's options
  [ -n "$aot" ] && [ -n "$jsa" ] && share=("-XX:AOTCache=$jsa" -Xlog:aot=off -Xlog:cds=off)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m "${share[@]}" \
    -jar "$jar" build --no-pdf --content "$work/content-$variant" --templates "$here/templates" --out "$out" "$@" > "$work/log" 2>&1
  local wall user sys rss cpu
  read -r wall user sys rss < "$work/time"
  cpu=$(echo "$user + $sys" | bc)
  echo "$variant $kind $wall $cpu $((rss / 1024))" >> "$work/times"
  printf '%-6s %-10s %6.2f s wall %6.2f CPU-s %5d MB   %s\n' "$variant" "$kind" "$wall" "$cpu" "$((rss / 1024))" "$(tail -1 "$work/log" | sed 's/ into [^,]*,/,/; s/ nothing changed since the last build, whose output was left as it was//' | cut -c1-120)"
}

for variant in $variants; do
  run "$variant" first "$work/cached-$variant/site" > /dev/null   # fills the cache, not counted
done
: > "$work/times"
for round in $(seq 1 "$runs"); do
  case $((round % 3)) in
    1) order="cold unchanged edit" ;;
    2) order="unchanged edit cold" ;;
    0) order="edit cold unchanged" ;;
  esac
  pair="$variants"
  [ $((round % 2)) = 0 ] && pair="$(echo "$variants" | awk '{for (i = NF; i > 0; i--) printf "%s ", $i}')"
  for kind in $order; do
    for variant in $pair; do
      case $kind in
        cold) run "$variant" cold "$work/runs/$variant-$round/site" --no-cache ;;
        unchanged) run "$variant" unchanged "$work/cached-$variant/site" ;;
        edit) section="$(find "$work/content-$variant" -mindepth 2 -name '*.md' ! -name 'index.md' | sort | sed -n 1p)"
              echo "Edited in round $round." >> "$section"
              run "$variant" edit "$work/cached-$variant/site" ;;
      esac
    done
  done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
echo
echo "N = $n section pages, $runs rounds; medians (ratio to the same generator's cold build)"
for variant in $variants; do
  for kind in cold unchanged edit; do
    for col in 3 4 5; do
      eval "m$col=$(awk -v v="$variant" -v k="$kind" -v c="$col" '$1 == v && $2 == k {print $c}' "$work/times" | median)"
    done
    [ "$kind" = cold ] && { cw=$m3; cc=$m4; }
    printf '%-6s %-10s %6.2f s wall (%.2f)  %6.2f CPU-s (%.2f)  %5.0f MB\n' "$variant" "$kind" "$m3" "$(echo "$m3 / $cw" | bc -l)" \
      "$m4" "$(echo "$m4 / $cc" | bc -l)" "$m5"
  done
done
