#!/usr/bin/env bash
# Rewrite tests/golden/ from what the current build writes. Run it only when a
# change of output is intended, review `git diff tests/golden`, and commit the
# new tree together with the change that made it.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$PDUREP_ROOT"
pdurep_build build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 tests/golden/golden.py render build/src/pdurep "$tmp"
/usr/bin/python3 tests/golden/golden.py text "$tmp" tests/golden/documents
git --no-pager diff --stat -- tests/golden/documents || true
