#!/usr/bin/env bash
# Import throughput: one synthetic PDU bundle of 100,000 cases, every key
# question and prompt answered (46 question columns), imported into a fresh
# database five times. Prints the median wall time, answers per second, the
# peak RSS of the import and the input size, against the targets
# (>= 1,000,000 answers/s, < 64 MB peak RSS).
#
# usage: bench/bench-import.sh [PDUREP]   (default: build/src/pdurep, built if missing)
# env:   CASES (default 100000), RUNS (default 5), BENCH_DIR (default a fresh temp folder)
set -euo pipefail

bench_name=bench-import
. "$(dirname "$0")/import-setup.sh"
# Answers that are not blank (blank prompts are stored as not applicable too).
given=$(tail -n +2 "$bundle/cases.csv" | cut -d, -f7- | tr ',' '\n' | grep -c .)
bytes=$(du -cb "$bundle"/*.csv | tail -n 1 | cut -f1)

times=() rss=()
for i in $(seq 1 "$runs"); do
    rm -f "$work/bench.db" "$work/bench.db-journal" "$work/bench.db-wal"
    # /usr/bin/time prints wall time to 10 ms only, so time the run ourselves too.
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$work/time.txt" "$pdurep" --db "$work/bench.db" import "$bundle" >/dev/null
    t1=$(date +%s%N)
    wall=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    times+=("$wall") rss+=("$kb")
    printf 'run %d: %s s, peak RSS %s KB\n' "$i" "$wall" "$kb"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
med=$(median "${times[@]}")
medrss=$(median "${rss[@]}")
maxrss=$(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)
db_bytes=$(stat -c %s "$work/bench.db")

awk -v cases="$cases" -v q="$questions" -v answers="$answers" -v given="$given" \
    -v bytes="$bytes" -v med="$med" -v medrss="$medrss" -v maxrss="$maxrss" -v runs="$runs" \
    -v dbb="$db_bytes" 'BEGIN {
    rate = (med > 0) ? answers / med : 0
    printf "\nimport of %d cases x %d questions = %d answers (%d not blank)\n", cases, q, answers, given
    printf "input      %.1f MB (%d bytes); database %.1f MB\n", bytes / 1048576, bytes, dbb / 1048576
    printf "wall time  %.3f s (median of %d)\n", med, runs
    printf "throughput %.0f answers/s  (target >= 1000000)  %s\n", rate, (rate >= 1e6 ? "ok" : "MISSED")
    printf "peak RSS   %.1f MB median, %.1f MB max  (target < 64 MB)  %s\n", medrss / 1024,
           maxrss / 1024, (maxrss < 64 * 1024 ? "ok" : "MISSED")
}'
