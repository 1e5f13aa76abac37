# Shared by the bench/ scripts (POSIX sh). Source it after setting $work.
#
# bench_measure LABEL RUNS OUTPUT CMD...
#   Runs CMD RUNS times and prints one row: median, min and max wall time (timed
#   with date +%s%N: /usr/bin/time's %e has only 10 ms resolution), the peak RSS
#   of one more run under /usr/bin/time -v, and the size of OUTPUT if it exists.
#   $BENCH_BEFORE, when set, is run (by sh -c) before every run, untimed.
#   The median in milliseconds is also left in $bench_median_ms, the peak RSS in
#   kilobytes in $bench_rss_kb.
bench_measure() {
    label=$1 runs=$2 output=$3
    shift 3
    : >"$work/bench-times"
    i=0
    while [ "$i" -lt "$runs" ]; do
        [ -n "${BENCH_BEFORE:-}" ] && sh -c "$BENCH_BEFORE"
        start=$(date +%s%N)
        "$@" >/dev/null
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 )) >>"$work/bench-times"
        i=$((i + 1))
    done
    [ -n "${BENCH_BEFORE:-}" ] && sh -c "$BENCH_BEFORE"
    /usr/bin/time -v -o "$work/bench-v" "$@" >/dev/null
    bench_rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/bench-v")
    size=0
    [ -f "$output" ] && size=$(wc -c <"$output")
    bench_median_ms=$(sort -n "$work/bench-times" | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }')
    sort -n "$work/bench-times" | awk -v label="$label" -v rss="$bench_rss_kb" -v size="$size" '
        { t[NR] = $1 }
        END { printf "%-34s %9.1f ms  (min %7.1f, max %7.1f)  %6.1f MB  %8.0f KB\n",
                     label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, rss / 1024, size / 1024 }'
}

bench_header() {
    printf '%-34s %12s  %-24s  %9s  %11s\n' "benchmark" "median" "(range)" "peak RSS" "output"
}
