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

. "$root/bench/lib.sh"
measure() {
    label=$1 db=$2
    shift 2
    bench_measure "$label" "$runs" "$work/out.xlsx" "$pdurep" --db "$db" annexe "$@" -o "$work/out.xlsx"
}

echo "pdurep annexe benchmark ($runs runs each)"
bench_header
measure "north-wales annexe" "$work/nw.db" north-wales-2025
measure "north-wales --share" "$work/nw.db" north-wales-2025 --share
measure "north-wales --with-cases" "$work/nw.db" north-wales-2025 --with-cases
measure "100,000 cases annexe" "$work/big.db" r01-p01-2025
measure "100,000 cases --share" "$work/big.db" r01-p01-2025 --share
measure "100,000 cases --with-cases" "$work/big.db" r01-p01-2025 --with-cases
