#!/usr/bin/env bash
# Every test, twice: on a normal build and on an AddressSanitizer +
# UndefinedBehaviorSanitizer build. Ends with "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/setup.sh"
cd "$PDUREP_ROOT"
pdurep_install_packages || exit 1

passed=0 failed=0
run_suite() {
    local dir=$1; shift
    if ! pdurep_build "$dir" "$@"; then
        echo "build in $dir failed" >&2
        failed=$((failed + 1))
        return
    fi
    local log="$dir/meson-logs/testlog.json" ok bad total status
    rm -f "$log"
    total=$(meson test -C "$dir" --list 2>/dev/null | grep -c ' / ')
    meson test -C "$dir" --print-errorlogs --num-processes 2
    status=$?
    ok=$(grep -c '"result": "OK"' "$log" 2>/dev/null || true)
    bad=$(grep -c -E '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log" 2>/dev/null || true)
    # A test killed from outside, or a run that stopped early, leaves no result
    # line: count every listed test that did not pass as failed, so such a run
    # can never end "N passed, 0 failed".
    [ $((ok + bad)) -lt "$total" ] && bad=$((total - ok))
    [ "$status" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
    echo "$dir: $ok passed, $bad failed"
    passed=$((passed + ok)) failed=$((failed + bad))
}

run_suite build
# Leak checks stay on; halt on the first UBSan report so it fails the test.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PDUREP_ROOT/tests/lsan.supp:print_suppressions=0
run_suite build-asan -Db_sanitize=address,undefined -Dbuildtype=debug

# A bounded fault injection on the plain build (scripts/fault-injection.sh runs it all).
if bash scripts/fault-injection.sh build --quick >build/fault-injection.log 2>&1; then
    passed=$((passed + 1))
    echo "fault injection (quick): ok"
else
    failed=$((failed + 1))
    grep -E "^FAIL|summary" build/fault-injection.log | head -20
    echo "fault injection (quick): FAILED (build/fault-injection.log)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
