#!/bin/sh
# Benchmark of `pdurep annexe`: median wall time and peak RSS over several runs for
# the North Wales fixture (target under 20 ms) and a generated inspection of
# 100,000 cases (target under 2 s and 64 MB), with and without the sharing
# workbook and the case sheet.
#
# usage: bench/bench-annexe.sh [BUILD_DIR] [RUNS]      (defaults: build, 7)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-7}
pdurep=$build/src/pdurep
[ -x "$pdurep" ] || { echo "bench-annexe: build first (no $pdurep)" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "bench-annexe: needs /usr/bin/time (Debian package 'time')" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PDUREP_DATA_DIR="$root" SOURCE_DATE_EPOCH=1767225600 LC_ALL=C

"$pdurep" --db "$work/nw.db" import "$root/fixtures/north-wales" >/dev/null
"$pdurep" synth --out "$work/big" --seed 1 --regions 1 --pdus 1 --cases 100000 --no-regions >/dev/null
"$pdurep" --db "$work/big.db" import "$work/big/r01-p01-2025" >/dev/null

# measure LABEL DB ARGS...: median wall time of RUNS runs (each timed with date +%s%N,
# since /usr/bin/time's %e has only 10 ms resolution) and peak RSS from /usr/bin/time -v.
measure() {
    label=$1 db=$2
    shift 2
    : >"$work/times"
    i=0
    while [ $i -lt "$runs" ]; do
        start=$(date +%s%N)
        "$pdurep" --db "$db" annexe "$@" -o "$work/out.xlsx" >/dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 )) >>"$work/times"
        i=$((i + 1))
    done
    /usr/bin/time -v "$pdurep" --db "$db" annexe "$@" -o "$work/out.xlsx" 2>"$work/v" >/dev/null
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/v")
    sort -n "$work/times" | awk -v label="$label" -v rss="$rss" -v size="$(wc -c <"$work/out.xlsx")" '
        { t[NR] = $1 }
        END { printf "%-30s median %8.1f ms  (min %8.1f, max %8.1f)  peak RSS %6.1f MB  file %7.0f KB\n",
                     label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, rss / 1024, size / 1024 }'
}

echo "pdurep annexe benchmark ($runs runs each)"
measure "north-wales annexe" "$work/nw.db" north-wales-2025
measure "north-wales --share" "$work/nw.db" north-wales-2025 --share
measure "north-wales --with-cases" "$work/nw.db" north-wales-2025 --with-cases
measure "100,000 cases annexe" "$work/big.db" r01-p01-2025
measure "100,000 cases --share" "$work/big.db" r01-p01-2025 --share
measure "100,000 cases --with-cases" "$work/big.db" r01-p01-2025 --with-cases
