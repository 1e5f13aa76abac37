#!/usr/bin/env python3
"""The shared library exports the public API and nothing else.

    check_exports.py GEN_EXPORTS SHARED_LIB INTERNAL_LIB INCLUDE_DIR

Fails on an exported name that no public header declares (or that lacks the
pdurep_ prefix), and on a declared name the library does not export. To show
the check can fail, it is also run over the internal static library, whose
internal symbols it must report.
"""
import glob
import os
import subprocess
import sys

PREFIX = "pdurep_"


def api_names(gen, headers):
    out = subprocess.run([sys.executable, gen, "--list", *headers], check=True,
                         capture_output=True, text=True).stdout
    return set(out.split())


def defined_globals(args):
    """Names of defined global symbols that nm prints, skipping version nodes (type A)."""
    out = subprocess.run(["nm", "--defined-only", *args], check=True, capture_output=True,
                         text=True).stdout
    names = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBRVWGSiu" and parts[1] != "A":
            names.add(parts[2].split("@")[0])  # nm -D adds @@VERSION
    return names


def problems(exported, api):
    found = []
    for name in sorted(exported - api):
        why = "lacks the pdurep_ prefix" if not name.startswith(PREFIX) else \
              "is not declared in include/pdurep/"
        found.append(f"exported {name}: {why}")
    for name in sorted(api - exported):
        found.append(f"declared {name}: not exported")
    return found


def main():
    gen, shared, internal, include_dir = sys.argv[1:]
    # Every header in the folder, not meson's list: a header missing from that
    # list would be left out of the version script, and this finds it.
    headers = sorted(glob.glob(os.path.join(include_dir, "*.h")))
    api = api_names(gen, headers)
    if len(api) < 50:
        print(f"only {len(api)} API names read from the headers: the reader is broken")
        return 1

    bad = problems(defined_globals(["-D", shared]), api)
    for p in bad:
        print(f"{shared}: {p}")

    # The checker must catch what it claims: the internal library has both kinds.
    internal_bad = problems(defined_globals([internal]), api)
    unprefixed = [p for p in internal_bad if "lacks the pdurep_ prefix" in p]
    undeclared = [p for p in internal_bad if "is not declared" in p]
    if not unprefixed or not undeclared:
        print("self-test: the internal library's internal symbols were not reported")
        bad.append("self-test")
    missing = problems(api - {"pdurep_db_open"}, api)
    if missing != ["declared pdurep_db_open: not exported"]:
        print(f"self-test: a missing export was not reported: {missing}")
        bad.append("self-test")

    print(f"{len(api)} API names; {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
