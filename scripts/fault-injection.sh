#!/usr/bin/env bash
# The whole fault injection (tests/fault/fault_injection.py): failing
# allocations over import, rate, report and annexe, a full tmpfs under the
# database and the outputs (root only), and kill -9 at random moments of
# import, report, annexe and batch. Ends "N passed, N failed".
#
# usage: scripts/fault-injection.sh [BUILD_DIR] [--quick] [--only=PART[:CMD],...]
#                                   [--every] [--jobs=N]
#        BUILD_DIR defaults to build/ (made if missing); an AddressSanitizer
#        build (build-asan) is run with the shim before the sanitizer.
#        --only splits a long run: alloc, kill, disk, or one command of a
#        part (alloc:import, alloc:rate, alloc:report, alloc:annexe,
#        kill:import, kill:report, kill:annexe, kill:batch).
#        --every fails every allocation of the alloc part instead of a sample,
#        --jobs=N runs N at a time (--only=alloc:libxlsxwriter --every --jobs=2).
set -uo pipefail
. "$(dirname "$0")/setup.sh"
cd "$PDUREP_ROOT"
build=build
quick=
options=()
for a in "$@"; do
    case $a in
    --quick) quick=--quick ;;
    --only=* | --every | --jobs=*) options+=("$a") ;;
    *) build=$a ;;
    esac
done
[ -f "$build/build.ninja" ] || pdurep_build "$build" || exit 1
ninja -C "$build" src/pdurep >/dev/null || exit 1
# Built plainly, whatever the build: it must stand in front of the sanitizer's allocator.
cc -O2 -shared -fPIC -o "$build/failmalloc.so" tests/fault/failmalloc.c -ldl || exit 1
nice /usr/bin/python3 tests/fault/fault_injection.py "$build/src/pdurep" "$PDUREP_ROOT" \
    "$PWD/$build/failmalloc.so" $quick "${options[@]}"
