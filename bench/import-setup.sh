# Shared by bench-import.sh and bench-import-xlsx.sh (bash; source it after
# `set -euo pipefail` with $bench_name set): the options, a build if needed, a work
# folder, and the synthetic PDU bundle both import. Leaves root, pdurep, cases,
# runs, work, bundle (its folder), questions and answers.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pdurep=${1:-$root/build/src/pdurep}
cases=${CASES:-100000}
runs=${RUNS:-5}
export PDUREP_DATA_DIR=${PDUREP_DATA_DIR:-$root}

if [ ! -x "$pdurep" ] && [ -z "${1:-}" ]; then
    . "$root/scripts/setup.sh"
    pdurep_build build
fi
[ -x /usr/bin/time ] || { echo "$bench_name: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

work=${BENCH_DIR:-$(mktemp -d)}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

"$pdurep" synth --out "$work/in" --seed 1 --regions 1 --pdus 1 --cases "$cases" --no-regions >/dev/null
bundle="$work/in/r01-p01-2025"
header=$(head -n 1 "$bundle/cases.csv")
columns=$(($(tr -cd ',' <<<"$header" | wc -c) + 1))
questions=$((columns - 6))   # case_id and five attributes come first
answers=$((cases * questions))
