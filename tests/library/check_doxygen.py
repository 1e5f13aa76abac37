#!/usr/bin/env python3
"""The API documentation builds without a warning.

    check_doxygen.py DOXYGEN DOXYFILE

Runs doxygen on the project's Doxyfile and fails on any warning. To show the
check can fail, it also runs doxygen with the same settings over a header with
an undocumented function and expects a warning naming it.
"""
import os
import subprocess
import sys
import tempfile


def warnings(doxygen, doxyfile_text, cwd):
    path = os.path.join(cwd, "Doxyfile.check")
    with open(path, "w", encoding="utf-8") as f:
        f.write(doxyfile_text)
    r = subprocess.run([doxygen, path], cwd=cwd, capture_output=True, text=True)
    return [l for l in (r.stdout + r.stderr).splitlines() if "warning" in l or "error" in l]


def main():
    doxygen, doxyfile = sys.argv[1:]
    with open(doxyfile, encoding="utf-8") as f:
        text = f.read()
    with tempfile.TemporaryDirectory() as tmp:
        # Same settings, output into a scratch folder so the test leaves nothing behind.
        real = warnings(doxygen, text + f"\nOUTPUT_DIRECTORY = {tmp}/out\n", tmp)
        for w in real:
            print(w)

        header = os.path.join(tmp, "bad.h")
        with open(header, "w", encoding="utf-8") as f:
            f.write("/** @file bad.h\n * @brief A header.\n */\nint pdurep_undocumented(int x);\n")
        probe = warnings(doxygen, text + f"\nINPUT = {header}\nOUTPUT_DIRECTORY = {tmp}/probe\n", tmp)
        if not any("pdurep_undocumented" in w for w in probe):
            print("self-test: doxygen did not warn about an undocumented function")
            return 1
    print(f"{len(real)} doxygen warnings")
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
