#!/usr/bin/env bash
# National batch: 12 regions x 6 PDUs x 80 cases (synthetic, seeded), every
# document of every inspection (PDU reports, annexes, sharing workbooks, region
# reports and annexes), at -j 1 and -j 2. Prints the median wall time of RUNS
# runs at each, the speed-up, and the peak RSS of the whole process.
# Targets: under 3 s at -j 2, speed-up at least 1.8x, under 64 MB per worker.
#
# usage: bench/bench-batch.sh [PDUREP]   env: RUNS (default 3), REGIONS, PDUS, CASES
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pdurep=${1:-$root/build/src/pdurep}
runs=${RUNS:-3} regions=${REGIONS:-12} pdus=${PDUS:-6} cases=${CASES:-80}
export PDUREP_DATA_DIR=${PDUREP_DATA_DIR:-$root}
[ -x "$pdurep" ] || { . "$root/scripts/setup.sh"; pdurep_build build; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$pdurep" synth --out "$work/in" --seed 7 --regions "$regions" --pdus "$pdus" --cases "$cases" >/dev/null
# PDUs first: a region's pooled standards need its PDUs.
"$pdurep" --db "$work/b.db" import $(ls -d "$work"/in/*-p*-*/) >/dev/null
"$pdurep" --db "$work/b.db" import $(ls -d "$work"/in/r[0-9][0-9]-[0-9]*/) >/dev/null

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

declare -A wall rss docs
for j in 1 2; do
    : > "$work/t$j"
    : > "$work/m$j"
    for i in $(seq 1 "$runs"); do
        rm -rf "$work/out"
        t0=$(date +%s%N)
        /usr/bin/time -v -o "$work/time.txt" "$pdurep" --db "$work/b.db" batch --all --out "$work/out" -j "$j" --quiet
        t1=$(date +%s%N)
        awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f\n", ns / 1e9 }' >> "$work/t$j"
        awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt" >> "$work/m$j"
    done
    wall[$j]=$(median < "$work/t$j")
    rss[$j]=$(median < "$work/m$j")
    docs[$j]=$(($(wc -l < "$work/out/index.csv") - 1))
done
bytes=$(du -sb "$work/out" | cut -f1)
speedup=$(awk -v a="${wall[1]}" -v b="${wall[2]}" 'BEGIN { printf "%.2f", a / b }')
printf 'national batch: %d regions x %d PDUs x %d cases, %d documents, %.1f MB written\n' \
    "$regions" "$pdus" "$cases" "${docs[2]}" "$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')"
printf '%-8s %10s %16s\n' "jobs" "median s" "peak RSS (MB)"
for j in 1 2; do
    printf '%-8s %10s %16.1f\n' "-j $j" "${wall[$j]}" "$(awk -v k="${rss[$j]}" 'BEGIN { print k / 1024 }')"
done
printf 'speed-up at -j 2: %sx (target >= 1.8x); -j 2 wall %s s (target < 3 s)\n' "$speedup" "${wall[2]}"
