# Shared set-up for quickstart.sh and test.sh: source it, then call the functions.
# Installs what is missing (when root), then configures and builds with meson.

PDUREP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

pdurep_install_packages() {
    local wanted missing=()
    wanted=$(grep -v '^#' "$PDUREP_ROOT/scripts/debian-packages.txt")
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "pdurep: missing Debian packages: ${missing[*]}" >&2
        echo "pdurep: run as root, or: sudo apt-get install ${missing[*]}" >&2
        return 1
    fi
    echo "pdurep: installing ${missing[*]}" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# pdurep_build DIR [meson options...]: configure once, then build.
pdurep_build() {
    local dir=$1; shift
    local werror=()
    # CI builds with -Werror so a new warning fails the run; local builds stay forgiving.
    [ "${CI:-}" = "true" ] && werror=(-Dwerror=true)
    if [ ! -f "$PDUREP_ROOT/$dir/build.ninja" ]; then
        meson setup "$PDUREP_ROOT/$dir" "$PDUREP_ROOT" "${werror[@]}" "$@" >&2 || return 1
    fi
    ninja -C "$PDUREP_ROOT/$dir" >&2
}
