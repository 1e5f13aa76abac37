#!/usr/bin/env bash
# Import throughput of a workbook bundle: the synthetic PDU bundle of 100,000
# cases (46 question columns) written as one XLSX the way Excel stores it
# (bench/xlsx-from-bundle.py: shared strings, compressed sheets), imported into
# a fresh database five times. Prints the median wall time, answers per second
# and the peak RSS of the import against the targets (>= 1,000,000 answers/s,
# < 64 MB peak RSS: sheets are streamed, never held whole).
#
# usage: bench/bench-import-xlsx.sh [PDUREP]   (default: build/src/pdurep, built if missing)
# env:   CASES (default 100000), RUNS (default 5), BENCH_DIR (default a fresh temp folder)
set -euo pipefail

bench_name=bench-import-xlsx
. "$(dirname "$0")/import-setup.sh"
book="$work/bundle.xlsx"
/usr/bin/python3 "$root/bench/xlsx-from-bundle.py" "$bundle" "$book"
bytes=$(stat -c %s "$book")
sheet_bytes=$(unzip -l "$book" | tail -n 1 | awk '{print $1}')

times=() rss=() cpus=()
for i in $(seq 1 "$runs"); do
    rm -f "$work/bench.db" "$work/bench.db-journal" "$work/bench.db-wal"
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$work/time.txt" "$pdurep" --db "$work/bench.db" import "$book" >/dev/null
    t1=$(date +%s%N)
    wall=$(awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f", ns / 1e9 }')
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    # CPU time too: on a shared machine the wall time measures the other processes as well.
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$work/time.txt")
    times+=("$wall") rss+=("$kb") cpus+=("$cpu")
    printf 'run %d: %s s, %s s CPU, peak RSS %s KB\n' "$i" "$wall" "$cpu" "$kb"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
med=$(median "${times[@]}")
medrss=$(median "${rss[@]}")
medcpu=$(median "${cpus[@]}")
maxrss=$(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)

awk -v cases="$cases" -v q="$questions" -v answers="$answers" -v bytes="$bytes" \
    -v xml="$sheet_bytes" -v med="$med" -v cpu="$medcpu" -v medrss="$medrss" -v maxrss="$maxrss" -v runs="$runs" 'BEGIN {
    rate = (med > 0) ? answers / med : 0
    printf "\nworkbook import of %d cases x %d questions = %d answers\n", cases, q, answers
    printf "input      %.1f MB workbook, %.1f MB of XML inside\n", bytes / 1048576, xml / 1048576
    printf "wall time  %.3f s (median of %d)\n", med, runs
    printf "CPU time   %.2f s (median); %.0f answers per CPU second\n", cpu, (cpu > 0 ? answers / cpu : 0)
    printf "throughput %.0f answers/s  (target >= 1000000)  %s\n", rate, (rate >= 1e6 ? "ok" : "MISSED")
    printf "peak RSS   %.1f MB median, %.1f MB max  (target < 64 MB)  %s\n", medrss / 1024,
           maxrss / 1024, (maxrss < 64 * 1024 ? "ok" : "MISSED")
}'
