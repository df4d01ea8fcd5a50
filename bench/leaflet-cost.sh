#!/usr/bin/env bash
# What the PDF leaflets cost a cold build of the real guide (content/), side by side in one run:
#   before  - a generator jar made from an earlier commit (BEFORE_REF, default: the commit before the leaflets),
#             building that commit's content/ and templates/ (today's may use keys it does not know)
#   no-pdf  - the current jar with --no-pdf
#   pdf     - the current jar as `guide build` runs it (leaflets made)
# Each is a new JVM started as ./guide starts it (serial GC, C1 only, its own class-data archive), building into a
# new empty folder; the order rotates every round. Prints each run and the medians. Not part of mvn verify.
#   bench/leaflet-cost.sh            # 7 rounds
#   RUNS=11 bench/leaflet-cost.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-7}"
before_ref="${BEFORE_REF:-$(git -C "$here" log --format=%H -n 1 --grep='^Printable leaflet' )~1}"
work="$here/bench/target/leaflet-cost"
rm -rf "$work" && mkdir -p "$work/runs"

echo "building the generator at $before_ref and at the work tree..." >&2
git -C "$here" worktree add -f --detach "$work/before-src" "$before_ref" >/dev/null 2>&1
(cd "$work/before-src" && mvn -q -B -o -pl generator -am package -DskipTests >/dev/null 2>&1) \
  || (cd "$work/before-src" && mvn -q -B -pl generator -am package -DskipTests >/dev/null)
cp "$work/before-src/generator/target/generator-all.jar" "$work/before.jar"
cp "$work/before-src/generator/target/generator-all.jsa" "$work/before.jsa" 2>/dev/null || true
cp -r "$work/before-src/content" "$work/before-content" && cp -r "$work/before-src/templates" "$work/before-templates"
git -C "$here" worktree remove --force "$work/before-src"
(cd "$here" && mvn -q -B -o -pl generator -am package -DskipTests >/dev/null)
cp "$here/generator/target/generator-all.jar" "$work/after.jar"
cp "$here/generator/target/generator-all.jsa" "$work/after.jsa"

run() { # name jar jsa content templates extra-args...
  local name="$1" jar="$2" jsa="$3" content="$4" templates="$5"; shift 5
  local out="$work/runs/$name-$RANDOM$RANDOM"
  local share=()
  [ -f "$jsa" ] && share=("-XX:SharedArchiveFile=$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  local start end
  start=$(date +%s%N)
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn64m -Xshare:auto "${share[@]}" -jar "$jar" build --today 2026-11-25 \
    --content "$content" --templates "$templates" --out "$out" --base-url https://example.org/health/ "$@" \
    > "$out.log" 2>&1
  end=$(date +%s%N)
  echo "$name $(( (end - start) / 1000000 ))" >> "$work/times"
  echo "$name: $(( (end - start) / 1000000 )) ms wall ($(tail -1 "$out.log"))"
}

for round in $(seq 1 "$runs"); do
  case $((round % 3)) in
    0) order="before no-pdf pdf" ;;
    1) order="no-pdf pdf before" ;;
    2) order="pdf before no-pdf" ;;
  esac
  for variant in $order; do
    case $variant in
      before) run before "$work/before.jar" "$work/before.jsa" "$work/before-content" "$work/before-templates" ;;
      no-pdf) run no-pdf "$work/after.jar" "$work/after.jsa" "$here/content" "$here/templates" --no-pdf ;;
      pdf) run pdf "$work/after.jar" "$work/after.jsa" "$here/content" "$here/templates" ;;
    esac
  done
done

echo
echo "median wall time of a cold build of the real guide, $runs runs each:"
for variant in before no-pdf pdf; do
  grep "^$variant " "$work/times" | awk '{print $2}' | sort -n | awk -v v="$variant" '{a[NR]=$1} END {printf "  %-7s %5d ms  (min %d, max %d)\n", v, a[int((NR+1)/2)], a[1], a[NR]}'
done
ls -l "$work"/runs/pdf-*/"deadlift-lower-back-pain"/*.pdf 2>/dev/null | head -1 | awk '{print "  leaflet: " $5 " bytes"}'
rm -rf "$work/runs"
