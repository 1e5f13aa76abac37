#!/usr/bin/env bash
# Quick start: install what is missing, build, install pdurep (into /usr/local as
# root, else ~/.local) so that it is on PATH, import the North Wales fixture and
# the Wales region into ./pdurep.db, print North Wales's ratings and write the
# documents into out/.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$PDUREP_ROOT"
pdurep_install_packages
pdurep_build build
if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local; else prefix=$HOME/.local; fi
if [ "$(meson introspect build --buildoptions | /usr/bin/python3 -c \
        'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')" != "$prefix" ]; then
    meson configure build -Dprefix="$prefix" >&2
fi
meson install -C build --quiet >&2
echo "pdurep: installed into $prefix: bin/pdurep, its library, headers and pdurep.pc," \
     "share/pdurep (frameworks, layouts, fonts), man pages and bash completion"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "pdurep: $prefix/bin is not on your PATH yet: log in again (Debian's ~/.profile" \
            "adds ~/.local/bin once it exists) or run: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
pdurep=$prefix/bin/pdurep
export PDUREP_DB="$PDUREP_ROOT/pdurep.db"
$pdurep import --replace fixtures/north-wales
for pdu in fixtures/wales/*/; do
    # North Wales is the same bundle as above (a symlink); the region comes after its PDUs.
    case "$pdu" in */north-wales/|*/region/) ;; *) $pdurep import --replace "$pdu" ;; esac
done
$pdurep import --replace fixtures/wales/region
$pdurep rate north-wales-2025
mkdir -p out
$pdurep report north-wales-2025 -o out/north-wales.pdf
$pdurep annexe north-wales-2025 -o out/north-wales.xlsx
$pdurep annexe north-wales-2025 --share -o out/north-wales-share.xlsx
$pdurep report wales-2025 -o out/wales.pdf
$pdurep annexe wales-2025 -o out/wales.xlsx
$pdurep report north-wales-2025 --lang cy -o out/north-wales.cy.pdf
$pdurep annexe north-wales-2025 --lang cy -o out/north-wales.cy.xlsx
