#!/usr/bin/env python3
"""Public headers: pdurep.h includes every one, and each compiles on its own.

    check_headers.py INCLUDE_DIR GENERATED_INCLUDE_DIR CC [CC ARGS...]

INCLUDE_DIR/pdurep holds the headers; GENERATED_INCLUDE_DIR/pdurep holds
version.h. To show the check can fail, it is also run over a copy of the
headers with one more header that pdurep.h does not include.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def headers(include_dir, generated_dir):
    names = {f for f in os.listdir(os.path.join(include_dir, "pdurep")) if f.endswith(".h")}
    names |= {f for f in os.listdir(os.path.join(generated_dir, "pdurep")) if f.endswith(".h")}
    return sorted(names)


def not_included(include_dir, generated_dir):
    with open(os.path.join(include_dir, "pdurep", "pdurep.h"), encoding="utf-8") as f:
        included = set(re.findall(r'^\s*#\s*include\s+"pdurep/([^"]+)"', f.read(), re.M))
    return [h for h in headers(include_dir, generated_dir) if h != "pdurep.h" and h not in included]


def compile_alone(cc, include_dir, generated_dir, header):
    """Compile a file that includes only @header; return the compiler's complaint or None."""
    src = f'#include "pdurep/{header}"\nint pdurep_header_check;\n'
    r = subprocess.run([*cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only",
                        "-I", include_dir, "-I", generated_dir, "-x", "c", "-"],
                       input=src, capture_output=True, text=True)
    return None if r.returncode == 0 else r.stderr.strip()


def main():
    include_dir, generated_dir, *cc = sys.argv[1:]
    bad = []
    for h in not_included(include_dir, generated_dir):
        bad.append(f"pdurep.h does not include pdurep/{h}")
    for h in headers(include_dir, generated_dir):
        err = compile_alone(cc, include_dir, generated_dir, h)
        if err:
            bad.append(f"pdurep/{h} does not compile on its own:\n{err}")
    for b in bad:
        print(b)

    # Self-test: an extra header left out of pdurep.h must be reported.
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(include_dir, "pdurep"), os.path.join(tmp, "pdurep"))
        with open(os.path.join(tmp, "pdurep", "extra.h"), "w", encoding="utf-8") as f:
            f.write("#ifndef X\n#define X\nvoid pdurep_extra(void);\n#endif\n")
        if not_included(tmp, generated_dir) != ["extra.h"]:
            print("self-test: a header missing from pdurep.h was not reported")
            bad.append("self-test")
        with open(os.path.join(tmp, "pdurep", "extra.h"), "w", encoding="utf-8") as f:
            f.write("size_t pdurep_extra(void);\n")  # needs <stddef.h> it does not include
        if not compile_alone(cc, tmp, generated_dir, "extra.h"):
            print("self-test: a header that does not compile alone was not reported")
            bad.append("self-test")

    print(f"{len(headers(include_dir, generated_dir))} headers; {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
