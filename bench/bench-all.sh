#!/bin/sh
# The benchmark table of the README: import throughput, rating time, one PDU's
# report and annexe, and the national batch (12 regions x 6 PDUs x 80 cases,
# with region reports) at -j 1 and -j 2, each with its peak RSS.
#
# usage: bench/bench-all.sh [BUILD_DIR] [RUNS]      (defaults: build, 5)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-5}
pdurep=$build/src/pdurep
[ -x "$pdurep" ] || { echo "bench-all: build first (no $pdurep)" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "bench-all: needs /usr/bin/time (Debian package 'time')" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PDUREP_DATA_DIR="$root" SOURCE_DATE_EPOCH=1767225600 LC_ALL=C
. "$root/bench/lib.sh"

"$pdurep" synth --out "$work/big" --seed 1 --regions 1 --pdus 1 --cases 100000 --no-regions >/dev/null
"$pdurep" synth --out "$work/nat" --seed 7 --regions 12 --pdus 6 --cases 80 >/dev/null
"$pdurep" --db "$work/nw.db" import "$root/fixtures/north-wales" >/dev/null
"$pdurep" --db "$work/nat.db" import $(ls -d "$work"/nat/*-p*-*/) >/dev/null
"$pdurep" --db "$work/nat.db" import $(ls -d "$work"/nat/r[0-9][0-9]-[0-9]*/) >/dev/null
bundle="$work/big/r01-p01-2025"
questions=$(( $(head -n 1 "$bundle/cases.csv" | tr -cd ',' | wc -c) + 1 - 6 ))

echo "pdurep benchmarks, $runs runs each, on $(nproc) CPUs"
bench_header
BENCH_BEFORE="rm -f '$work/big.db'" \
    bench_measure "import 100,000 cases x $questions" "$runs" "$work/big.db" \
    "$pdurep" --db "$work/big.db" import "$bundle"
import_ms=$bench_median_ms
"$pdurep" --db "$work/big.db" import "$bundle" >/dev/null 2>&1 || true
bench_measure "rate North Wales (77 cases)" "$runs" "" "$pdurep" --db "$work/nw.db" rate --json north-wales-2025
bench_measure "rate 100,000 cases" "$runs" "" "$pdurep" --db "$work/big.db" rate --json r01-p01-2025
bench_measure "report North Wales (PDF)" "$runs" "$work/nw.pdf" \
    "$pdurep" --db "$work/nw.db" report north-wales-2025 -o "$work/nw.pdf"
bench_measure "annexe North Wales (XLSX)" "$runs" "$work/nw.xlsx" \
    "$pdurep" --db "$work/nw.db" annexe north-wales-2025 -o "$work/nw.xlsx"
bench_measure "sharing workbook North Wales" "$runs" "$work/nws.xlsx" \
    "$pdurep" --db "$work/nw.db" annexe north-wales-2025 --share -o "$work/nws.xlsx"
batch_runs=$(( runs < 3 ? runs : 3 ))
BENCH_BEFORE="rm -rf '$work/out1'" \
    bench_measure "national batch -j 1" "$batch_runs" "" \
    "$pdurep" --db "$work/nat.db" batch --all --out "$work/out1" -j 1 --quiet
j1=$bench_median_ms
BENCH_BEFORE="rm -rf '$work/out2'" \
    bench_measure "national batch -j 2" "$batch_runs" "" \
    "$pdurep" --db "$work/nat.db" batch --all --out "$work/out2" -j 2 --quiet
j2=$bench_median_ms
docs=$(( $(wc -l <"$work/out2/index.csv") - 1 ))
echo
awk -v ms="$import_ms" -v q="$questions" 'BEGIN { printf "import throughput: %.1f M answers/s (target >= 1 M)\n", 100000 * q / (ms / 1000) / 1e6 }'
awk -v a="$j1" -v b="$j2" -v d="$docs" 'BEGIN {
    printf "national batch: %d documents; -j 2 %.2f s (target < 3 s), speed-up %.2fx (target >= 1.8x)\n", d, b / 1000, a / b }'
