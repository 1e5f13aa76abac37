#!/usr/bin/python3
"""scripts/check-layers.sh: the built objects pass; and it catches what it claims
to catch: the batch engine back in the core (where batch_writers.c used to be,
calling up into the report and the annexe), a cycle between two modules, the
typesetting engine reaching into inspections, two side-by-side writers
calling each other, a writer running its own SQL, and a library module that
ends the process.
usage: test_check_layers.py SOURCE_ROOT BUILD_ROOT CC..."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402

root, build = (os.path.abspath(a) for a in sys.argv[1:3])
cc = sys.argv[3:]
script = os.path.join(root, "scripts", "check-layers.sh")


def layers(*args):
    return subprocess.run(["bash", script, *args], capture_output=True, text=True)


def compile_to(tmp, name, code):
    """An object named as meson names it (FOLDER_FILE.c.o) from a line of C."""
    src = os.path.join(tmp, name[:-2])
    with open(src, "w") as f:
        f.write(code + "\n")
    obj = os.path.join(tmp, name)
    subprocess.run(cc + ["-c", src, "-o", obj], check=True)
    return obj


def main():
    r = layers(build)
    check(r.returncode == 0 and "no call up a layer, no cycle" in r.stdout,
          "the built objects keep their layers and have no cycle", r.stdout + r.stderr)

    # Every module once, whichever targets (shared library, command) built it.
    objects = sorted({os.path.basename(o): o
                      for o in glob.glob(os.path.join(build, "src", "*.p", "*.c.o"))}.values())
    check(len(objects) > 40, f"the objects are found ({len(objects)})")
    with tempfile.TemporaryDirectory(prefix="pdurep-layers-") as tmp:
        # The tree before the move: batch.c and batch_writers.c in src/lib.
        old = []
        for o in objects:
            name = os.path.basename(o)
            if name.startswith("batch_"):
                name = "lib_" + name[len("batch_"):]
            shutil.copy(o, os.path.join(tmp, name))
            old.append(os.path.join(tmp, name))
        r = layers("--objects", *old)
        check(r.returncode == 1 and
              "lib/batch_writers.c calls pdurep_report_batch_write in report/report.c" in r.stdout and
              "lib/batch_writers.c calls pdurep_annexe_batch_write in xlsx/annexe.c" in r.stdout,
              "batch_writers.c in the core is refused: it calls up into the report and the annexe",
              r.stdout + r.stderr)

        syn = os.path.join(tmp, "synthetic")
        os.mkdir(syn)
        a = compile_to(syn, "lib_first.c.o", "void pdurep_second(void); void pdurep_first(void) { pdurep_second(); }")
        b = compile_to(syn, "lib_second.c.o", "void pdurep_first(void); void pdurep_second(void) { pdurep_first(); }")
        r = layers("--objects", a, b)
        check(r.returncode == 1 and "cycle" in r.stdout and "lib/first.c" in r.stdout and
              "lib/second.c" in r.stdout, "a cycle between two modules of one folder is refused",
              r.stdout + r.stderr)

        t = compile_to(syn, "typeset_page.c.o", "void pdurep_rate(void); void pdurep_page(void) { pdurep_rate(); }")
        q = compile_to(syn, "lib_rate.c.o", "void pdurep_rate(void) {}")
        e = compile_to(syn, "lib_error.c.o", "void pdurep_fail(void) {}")
        r = layers("--objects", t, q, e)
        check(r.returncode == 1 and "typeset/page.c calls pdurep_rate in lib/rate.c" in r.stdout,
              "the typesetting engine may not use the core beyond error and diagnostics",
              r.stdout + r.stderr)
        t2 = compile_to(syn, "typeset_line.c.o", "void pdurep_fail(void); void pdurep_line(void) { pdurep_fail(); }")
        r = layers("--objects", t2, e)
        check(r.returncode == 0, "the typesetting engine may use lib/error.c", r.stdout + r.stderr)

        x = compile_to(syn, "xlsx_sheet.c.o", "void pdurep_para(void); void pdurep_sheet(void) { pdurep_para(); }")
        p = compile_to(syn, "report_para.c.o", "void pdurep_para(void) {}")
        r = layers("--objects", x, p)
        check(r.returncode == 1 and "side by side" in r.stdout,
              "the annexe may not call the report (same layer)", r.stdout + r.stderr)

        sql = "int sqlite3_exec(void *, const char *, void *, void *, char **);"
        w = compile_to(syn, "xlsx_query.c.o", sql + ' void pdurep_query(void) { sqlite3_exec(0, "", 0, 0, 0); }')
        r = layers("--objects", w)
        check(r.returncode == 1 and "xlsx/query.c calls sqlite3_exec: only the core" in r.stdout,
              "a writer that runs its own SQL is refused", r.stdout + r.stderr)
        d = compile_to(syn, "lib_query.c.o", sql + ' void pdurep_query(void) { sqlite3_exec(0, "", 0, 0, 0); }')
        r = layers("--objects", d)
        check(r.returncode == 0, "the core may use SQLite", r.stdout + r.stderr)

        for fn in ("exit", "abort"):
            k = compile_to(syn, "lib_alloc.c.o", f"#include <stdlib.h>\nvoid *pdurep_alloc(void) {{ {fn}({'70' if fn == 'exit' else ''}); }}")
            r = layers("--objects", k)
            check(r.returncode == 1 and f"lib/alloc.c calls {fn}: only the command" in r.stdout,
                  f"a library module that calls {fn}() is refused", r.stdout + r.stderr)
        c = compile_to(syn, "cli_main.c.o", "#include <stdlib.h>\nvoid pdurep_main(void) { exit(0); }")
        r = layers("--objects", c)
        check(r.returncode == 0, "the command may end the process", r.stdout + r.stderr)

        r = layers("--objects", os.path.join(syn, "nowhere_x.c.o"))
        check(r.returncode != 0, "an object of an unknown folder is an error", r.stdout + r.stderr)


run_main(main)
