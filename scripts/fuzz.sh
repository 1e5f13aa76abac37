#!/usr/bin/env bash
# Run every fuzz target of tests/fuzz under libFuzzer for a bounded time.
#
# usage: scripts/fuzz.sh SECONDS [TARGET...]
#
# Builds build-fuzz/ with clang (AddressSanitizer and UndefinedBehaviorSanitizer,
# -fsanitize=fuzzer-no-link over the whole library for coverage) the first time, then runs each target (csv bundle layout strings narrative xlsx
# by default) for SECONDS, niced, on a scratch copy of its committed corpus and
# its dictionary. Prints one line per target with executions, speed, coverage
# and result; a crashing input is kept as build-fuzz/fuzz-TARGET-crash-* (or
# -leak-, -oom-, -timeout-) and the script exits 1. New inputs found are left
# in build-fuzz/corpus-TARGET (not committed: minimise them with -merge=1).
#
# libFuzzer's -timeout is wall-clock time, and a niced fuzzer on a busy machine
# can wait longer for the processor than the unit takes: the first bundle
# timeouts were a 0.7 s input starved for 14 s. So a timeout is replayed alone
# and counts as a finding only if the input itself needs more processor time
# than the limit; otherwise it is reported as a stall and fuzzing resumes for
# the time left. The limit, 30 s, is three times the slowest input the readers
# accept (a sheet of 64 Mi cells: 10 s of processor time under the sanitizers
# and coverage instrumentation, 0.3 s in a plain build).
set -uo pipefail
secs=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PDUREP_FUZZ_BUILD:-$root/build-fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv bundle layout strings narrative xlsx)
command -v clang >/dev/null || { echo "fuzz.sh: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 69; }

if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" "$root" -Db_sanitize=address,undefined \
        -Db_lundef=false -Dc_args=-fsanitize=fuzzer-no-link -Dbuildtype=debugoptimized \
        >"$build.setup.log" 2>&1 || { cat "$build.setup.log"; exit 1; }
fi
nice ninja -C "$build" $(printf 'tests/fuzz/fuzz-%s ' "${targets[@]}") >/dev/null || exit 1

declare -A dict=([csv]=csv.dict [bundle]=csv.dict [layout]=yaml.dict [strings]=yaml.dict
                 [narrative]=narrative.dict)
export PDUREP_DATA_DIR=$root
# Leaks are findings too; a report stops the run at once.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
limit=${PDUREP_FUZZ_TIMEOUT:-30}
failed=0
for t in "${targets[@]}"; do
    work="$build/corpus-$t"
    mkdir -p "$work"
    cp -n "$root/tests/fuzz/corpus/$t/"* "$work/" 2>/dev/null || true
    left=$secs execs=0 stalls=0 run=0 cov= result="no failure"
    while [ "$left" -gt 0 ]; do
        run=$((run + 1))
        args=(-max_total_time="$left" -print_final_stats=1 -timeout=$limit -rss_limit_mb=2048
              -max_len=65536 -artifact_prefix="$build/fuzz-$t-")
        [ -n "${dict[$t]:-}" ] && args+=(-dict="$root/tests/fuzz/${dict[$t]}")
        log="$build/fuzz-$t.$run.log"
        began=$(date +%s)
        ( cd "$build" && nice -n 10 "./tests/fuzz/fuzz-$t" "${args[@]}" "$work" ) >"$log" 2>&1
        rc=$?
        left=$((left - ($(date +%s) - began)))
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        # A run stopped by a finding prints no statistics: take its last status line.
        [ -n "$n" ] || n=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
        execs=$((execs + ${n:-0}))
        c=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
        [ -n "$c" ] && cov=$c
        [ $rc -eq 0 ] && break
        unit=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
        if grep -q 'ERROR: libFuzzer: timeout' "$log" && [ -f "$unit" ]; then
            TIMEFORMAT='%U %S'
            cpu=$( { time (cd "$build" && timeout $((limit * 4)) "./tests/fuzz/fuzz-$t" \
                               "$unit" >/dev/null 2>&1); } 2>&1 | awk '{printf "%.1f", $1 + $2}')
            if awk -v c="$cpu" -v l=$limit 'BEGIN { exit !(c < l) }'; then
                stalls=$((stalls + 1))
                mv "$unit" "$build/fuzz-$t-stall-${unit##*-}"
                echo "fuzz $t: a timeout at $((secs - left))s was a stall: the input alone" \
                     "takes ${cpu}s of processor time; resuming" >&2
                continue
            fi
            result="FAILED: an input needs ${cpu}s of processor time (limit ${limit}s): $unit"
        else
            result="FAILED (log $log): $(grep -E 'ERROR:|SUMMARY:|runtime error' "$log" |
                                        head -3 | tr '\n' ' ') $unit"
        fi
        failed=1
        break
    done
    used=$((secs - left > 0 ? secs - left : 1))
    rate=$((execs / used))
    echo "fuzz $t: ${execs} executions in ${used}s (${rate}/s), ${cov:-cov: ?}," \
         "${stalls} stalls, ${result}"
done
exit $failed
