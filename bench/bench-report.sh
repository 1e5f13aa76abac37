#!/bin/sh
# Benchmark of `pdurep report`: median wall time and peak RSS over several runs
# for the North Wales report (target under 25 ms and 32 MB), with the time the
# same process takes to rate the inspection alone, to show what the PDF costs.
#
# usage: bench/bench-report.sh [BUILD_DIR] [RUNS]      (defaults: build, 9)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-9}
pdurep=$build/src/pdurep
[ -x "$pdurep" ] || { echo "bench-report: build first (no $pdurep)" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "bench-report: needs /usr/bin/time (Debian package 'time')" >&2; exit 66; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PDUREP_DATA_DIR="$root" SOURCE_DATE_EPOCH=1767225600 LC_ALL=C

"$pdurep" --db "$work/nw.db" import "$root/fixtures/north-wales" >/dev/null

. "$root/bench/lib.sh"
measure() {
    label=$1
    shift
    bench_measure "$label" "$runs" "$work/out.pdf" "$pdurep" --db "$work/nw.db" "$@"
}

echo "pdurep report benchmark ($runs runs each)"
bench_header
measure "north-wales rate (base)" rate north-wales-2025
measure "north-wales report" report north-wales-2025 -o "$work/out.pdf"
pages=$(pdfinfo "$work/out.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') || true
[ -n "${pages:-}" ] && echo "north-wales report: $pages pages"
