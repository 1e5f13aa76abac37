#!/usr/bin/env bash
# Quick start: install what is missing, build, import the North Wales fixture
# and the Wales region into ./pdurep.db, print North Wales's ratings and write
# the documents into out/.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$PDUREP_ROOT"
pdurep_install_packages
pdurep_build build
pdurep=build/src/pdurep
export PDUREP_DB="$PDUREP_ROOT/pdurep.db"
$pdurep import --replace fixtures/north-wales
for pdu in fixtures/wales/*/; do
    # North Wales is the same bundle as above (a symlink); the region comes after its PDUs.
    case "$pdu" in */north-wales/|*/region/) ;; *) $pdurep import --replace "$pdu" ;; esac
done
$pdurep import --replace fixtures/wales/region
$pdurep rate north-wales-2025
mkdir -p out
echo "writing out/north-wales.pdf"
$pdurep report north-wales-2025 -o out/north-wales.pdf
echo "writing out/north-wales.xlsx and out/north-wales-share.xlsx"
$pdurep annexe north-wales-2025 -o out/north-wales.xlsx
$pdurep annexe north-wales-2025 --share -o out/north-wales-share.xlsx
echo "writing out/wales.pdf and out/wales.xlsx (the region report and annexe)"
$pdurep report wales-2025 -o out/wales.pdf
$pdurep annexe wales-2025 -o out/wales.xlsx
echo "writing out/north-wales.cy.pdf and out/north-wales.cy.xlsx (Welsh)"
$pdurep report north-wales-2025 --lang cy -o out/north-wales.cy.pdf
$pdurep annexe north-wales-2025 --lang cy -o out/north-wales.cy.xlsx
