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

# measure LABEL ARGS...: median wall time of RUNS runs (timed with date +%s%N, as
# /usr/bin/time's %e has only 10 ms resolution), then peak RSS from /usr/bin/time -v.
measure() {
    label=$1
    shift
    : >"$work/times"
    i=0
    while [ $i -lt "$runs" ]; do
        start=$(date +%s%N)
        "$pdurep" --db "$work/nw.db" "$@" >/dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 )) >>"$work/times"
        i=$((i + 1))
    done
    /usr/bin/time -v "$pdurep" --db "$work/nw.db" "$@" 2>"$work/v" >/dev/null
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/v")
    size=0
    [ -f "$work/out.pdf" ] && size=$(wc -c <"$work/out.pdf")
    sort -n "$work/times" | awk -v label="$label" -v rss="$rss" -v size="$size" '
        { t[NR] = $1 }
        END { printf "%-26s median %7.1f ms  (min %7.1f, max %7.1f)  peak RSS %5.1f MB  file %5.0f KB\n",
                     label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, rss / 1024, size / 1024 }'
}

echo "pdurep report benchmark ($runs runs each)"
measure "north-wales rate (base)" rate north-wales-2025
measure "north-wales report" report north-wales-2025 -o "$work/out.pdf"
pages=$(pdfinfo "$work/out.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') || true
[ -n "${pages:-}" ] && echo "north-wales report: $pages pages"
