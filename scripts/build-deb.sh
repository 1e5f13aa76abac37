#!/usr/bin/env bash
# Build the Debian packages (pdurep, libpdurep0, libpdurep-dev) from the
# committed tree, run lintian on them, then unpack them into a throwaway root
# and use the tool from an empty folder: import, rate, report and annexe of the
# North Wales fixture, and a C program built with the installed pkg-config file.
# The .debs are left in build-deb/. Not part of every CI run: it takes minutes.
#
#   scripts/build-deb.sh            build, lintian, unpack and try
#   scripts/build-deb.sh --install  also install them with apt (as root), try
#                                   the installed pdurep, then remove them
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
install=0
[ "${1:-}" = "--install" ] && install=1

need=(dpkg-dev debhelper lintian fakeroot)
missing=()
for p in "${need[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "build-deb: missing Debian packages: ${missing[*]} (sudo apt-get install ${missing[*]})" >&2
        exit 1
    fi
    apt-get install -y -qq "${missing[@]}" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pdurep-deb-XXXXXX")
trap 'rm -rf "$work"' EXIT
out="$root/build-deb"
rm -rf "$out"
mkdir -p "$out"

# Only what is committed goes into a package.
git -C "$root" archive --format=tar --prefix=pdurep/ HEAD | tar -x -C "$work"
echo "build-deb: building in $work/pdurep" >&2
(cd "$work/pdurep" && dpkg-buildpackage -us -uc -b >"$work/build.log" 2>&1) || {
    tail -40 "$work/build.log" >&2
    echo "build-deb: dpkg-buildpackage failed" >&2
    exit 1
}
cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/

echo "build-deb: lintian:" >&2
lintian_rc=0
lintian --fail-on error "$out"/*.changes || lintian_rc=$?

# Unpack into a throwaway root and run from an empty folder, nothing set but PATH
# and the loader path (the packages install into /usr, where the loader looks).
fake="$work/root"
for deb in "$out"/pdurep_*.deb "$out"/libpdurep0_*.deb "$out"/libpdurep-dev_*.deb; do
    dpkg-deb -x "$deb" "$fake"
done
libdir=$(dirname "$(find "$fake/usr/lib" -name 'libpdurep.so.0' | head -1)")
try() {
    local bin=$1 cwd
    cwd=$(mktemp -d "$work/try-XXXXXX")
    (
        cd "$cwd"
        unset PDUREP_DATA_DIR PDUREP_DB
        export SOURCE_DATE_EPOCH=1767225600
        "$bin" --version
        "$bin" import "$root/fixtures/north-wales" >/dev/null
        "$bin" rate north-wales-2025 | tail -1
        "$bin" report north-wales-2025 -o nw.pdf
        "$bin" annexe north-wales-2025 -o nw.xlsx
        "$bin" annexe north-wales-2025 --lang cy -o - > nw.cy.xlsx
        [ "$(head -c 4 nw.pdf)" = "%PDF" ] && [ "$(head -c 2 nw.xlsx)" = "PK" ] && [ -s nw.cy.xlsx ]
    )
}
echo "build-deb: unpacked packages, run from an empty folder:" >&2
LD_LIBRARY_PATH="$libdir" try "$fake/usr/bin/pdurep"

pc="$libdir/pkgconfig"
flags=$(PKG_CONFIG_PATH="$pc" pkg-config --define-variable=prefix="$fake/usr" --cflags --libs pdurep)
# The program tests/install builds against an installed tree, here against the package.
cc "$root/tests/install/rate.c" -o "$work/rate" $flags
LD_LIBRARY_PATH="$libdir" "$work/rate" "$(ls -d "$work"/try-*/ | head -1)pdurep.db" north-wales-2025 | sed 's/^/build-deb: a C program rates the fixture: /' >&2

if [ $install -eq 1 ]; then
    echo "build-deb: installing with apt:" >&2
    apt-get install -y -qq "$out"/pdurep_*.deb "$out"/libpdurep0_*.deb "$out"/libpdurep-dev_*.deb >&2
    try /usr/bin/pdurep
    man -l /usr/share/man/man1/pdurep.1.gz >/dev/null
    apt-get remove -y -qq pdurep libpdurep0 libpdurep-dev >&2
fi

echo "build-deb: packages in $out:" >&2
ls -1 "$out"/*.deb >&2
exit $lintian_rc
