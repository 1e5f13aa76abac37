#!/usr/bin/env bash
# The layer check: reads the symbol tables of the built objects (nm) and fails
# on any call from a lower layer to a higher one, on any call between two
# folders of the same layer, on the typesetting engine using more of the core
# than its error and diagnostics types, on SQLite used outside the core, on a
# module below the command that can end the process, and on any cycle between
# modules.
#
# usage: check-layers.sh BUILD_DIR        the objects of src/ in a meson build
#        check-layers.sh --objects O...   these objects (named as meson names them:
#                                         FOLDER_FILE.c.o, e.g. lib_ratings.c.o)
#
# A module is one source file (lib/ratings.c); its folder is its layer. The
# layers, lowest first (README "Layout of the source tree"):
#   0 lib      the core: import, database, framework, ratings, narrative, strings
#   1 typeset  the PDF typesetting engine: uses lib/error.c, lib/diag.c, lib/utf8.c,
#              lib/sbuf.c, lib/got.c and lib/reserve.c only
#   2 report   the PDF report          2 xlsx  the XLSX annexe
#   3 batch    the batch engine and its table of writers
#   4 cli      the pdurep command
# Prints every violation and cycle; exit 1 if there is any, 0 if none.
set -euo pipefail

declare -A rank=([lib]=0 [typeset]=1 [report]=2 [xlsx]=2 [batch]=3 [cli]=4)
# What the typesetting engine may use of the core: nothing about inspections.
typeset_may_use="lib/error.c lib/diag.c lib/utf8.c lib/sbuf.c lib/got.c lib/reserve.c"

objects=()
if [ "${1:-}" = --objects ]; then
    shift
    objects=("$@")
elif [ $# -eq 1 ] && [ -d "$1/src" ]; then
    # Every target's objects under src/ (the library, the command, any static
    # library for tests); a module built into two targets counts once.
    mapfile -t objects < <(find "$1/src" -path '*.p/*' -name '*.c.o' | sort)
else
    echo "usage: check-layers.sh BUILD_DIR | --objects OBJECT..." >&2
    exit 64
fi
[ ${#objects[@]} -gt 0 ] || { echo "check-layers: no objects to check" >&2; exit 66; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One line per symbol: "D MODULE SYMBOL" where MODULE defines it, "U MODULE SYMBOL"
# where MODULE calls or reads it. lib_batch_writers.c.o is module lib/batch_writers.c.
for o in "${objects[@]}"; do
    base=${o##*/}
    base=${base%.o}
    folder=${base%%_*}
    [ "$folder" != "$base" ] || { echo "check-layers: $o: not named FOLDER_FILE.c.o" >&2; exit 65; }
    [ -n "${rank[$folder]+x}" ] || { echo "check-layers: $o: folder '$folder' has no layer" >&2; exit 65; }
done
# One nm for all objects (-A: each line starts with "OBJECT: ").
nm -P -A "${objects[@]}" | awk '
    { o = $1; sub(/:$/, "", o); sub(/.*\//, "", o); sub(/\.o$/, "", o)
      m = o; sub(/_/, "/", m) }
    $3 == "U" { print "U", m, $2; next }
    $3 ~ /^[TDBRCGSVW]$/ { print "D", m, $2 }' | sort -u >"$tmp/syms"

# Edges "FROM TO SYMBOL" between modules (calls within a module are not edges).
awk '$1 == "D" && !($3 in def) { def[$3] = $2 }
     $1 == "U" && ($3 in def) && def[$3] != $2 { print $2, def[$3], $3 }' \
    <(grep '^D' "$tmp/syms"; grep '^U' "$tmp/syms") | sort -u >"$tmp/edges"

ranks=$(for f in "${!rank[@]}"; do printf '%s=%s ' "$f" "${rank[$f]}"; done)
status=0
awk -v ranks="$ranks" -v allowed="$typeset_may_use" '
    BEGIN { n = split(ranks, r, " "); for (i = 1; i <= n; i++) { split(r[i], kv, "="); rank[kv[1]] = kv[2] }
            n = split(allowed, a, " "); for (i = 1; i <= n; i++) may[a[i]] = 1 }
    { split($1, f, "/"); split($2, t, "/"); ff = f[1]; tf = t[1]
      if (ff == tf) next
      pre = "check-layers: " $1 " calls " $3 " in " $2 ": "
      if (rank[tf] > rank[ff])
          print pre ff " (layer " rank[ff] ") must not call up into " tf " (layer " rank[tf] ")"
      else if (rank[tf] == rank[ff])
          print pre ff " and " tf " are side by side in layer " rank[ff] " and must not call each other"
      else if (ff == "typeset" && !($2 in may))
          print pre "the typesetting engine uses only " allowed " of the core" }' \
    "$tmp/edges" >"$tmp/violations"
# Only the core reads the database: a writer that ran its own SQL would bypass the
# prepared document (checksums, localisation, one computation of every figure).
awk '$1 == "U" && $3 ~ /^sqlite3_/ && $2 !~ /^lib\// {
         print "check-layers: " $2 " calls " $3 ": only the core (lib) may use the database" }' \
    "$tmp/syms" >>"$tmp/violations"
# The library does not end its caller (README "The library does not end its caller"):
# only the command decides when the process ends, with which status.
awk '$1 == "U" && $3 ~ /^(exit|_exit|_Exit|quick_exit|abort)$/ && $2 !~ /^cli\// {
         print "check-layers: " $2 " calls " $3 ": only the command (cli) may end the process" }' \
    "$tmp/syms" >>"$tmp/violations"
if [ -s "$tmp/violations" ]; then
    cat "$tmp/violations"
    status=1
fi

# Cycles between modules: tsort reports every loop it breaks.
awk '{ print $1, $2 }' "$tmp/edges" | sort -u >"$tmp/pairs"
if ! tsort "$tmp/pairs" >/dev/null 2>"$tmp/loops"; then
    echo "check-layers: modules that call each other in a cycle:"
    grep -v 'input contains a loop' "$tmp/loops" | sed 's/^tsort: /  /'
    status=1
fi

if [ "$status" -eq 0 ]; then
    echo "check-layers: ${#objects[@]} objects, $(sort -u "$tmp/pairs" | wc -l) module dependencies, no call up a layer, no cycle"
fi
exit "$status"
