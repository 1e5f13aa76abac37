#!/usr/bin/env bash
# Run every fuzz target of tests/fuzz under libFuzzer for a bounded time.
#
# usage: scripts/fuzz.sh SECONDS [TARGET...]
#
# Builds build-fuzz/ with clang (AddressSanitizer and UndefinedBehaviorSanitizer,
# -fsanitize=fuzzer-no-link over the whole library for coverage) the first time, then runs each target (csv bundle layout strings narrative xlsx
# by default) for SECONDS, niced, on a scratch copy of its committed corpus and
# its dictionary. Prints one line per target with executions and result; a
# crashing input is kept as build-fuzz/crash-TARGET-* and the script exits 1.
# New inputs found are left in build-fuzz/corpus-TARGET (not committed).
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
failed=0
for t in "${targets[@]}"; do
    work="$build/corpus-$t"
    mkdir -p "$work"
    cp -n "$root/tests/fuzz/corpus/$t/"* "$work/" 2>/dev/null || true
    args=(-max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048
          -max_len=65536 -artifact_prefix="$build/crash-$t-")
    [ -n "${dict[$t]:-}" ] && args+=(-dict="$root/tests/fuzz/${dict[$t]}")
    log="$build/fuzz-$t.log"
    ( cd "$build" && nice -n 10 "./tests/fuzz/fuzz-$t" "${args[@]}" "$work" ) >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "fuzz $t: ${execs:-?} executions in ${secs}s, ${cov:-cov: ?}, no failure"
    else
        echo "fuzz $t: FAILED after ${execs:-?} executions (log $log):"
        grep -E "ERROR:|SUMMARY:|runtime error|Test unit written" "$log" | head -5
        failed=1
    fi
done
exit $failed
