#!/usr/bin/python3
"""End-to-end test of `pdurep check-strings`.

Usage: test_check_strings.py PDUREP_BINARY SOURCE_ROOT

The shipped strings pass for en and cy. A copy of the data folder with a key
removed from a Welsh file (report, workbook, framework terms), a misspelt key,
a dropped {name} and a sheet name Excel refuses fails with 65 and lists each
one; a Welsh report from that copy still prints, with the English text for the
missing key.

Prints one line per check, then "N passed, N failed"; exits 1 on any failure.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, edit, finish  # noqa: E402


def run(args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, text=True, env=e)


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = {"PDUREP_DATA_DIR": root}
    r = run([pdurep, "check-strings"], env)
    check(r.returncode == 0 and "en: complete" in r.stdout and "cy: complete" in r.stdout,
          "shipped strings: en and cy complete, exit 0", r.stdout + r.stderr)
    for lang in ("en", "cy"):
        r = run([pdurep, "check-strings", "--lang", lang], env)
        check(r.returncode == 0 and f"{lang}: complete" in r.stdout,
              f"check-strings --lang {lang} passes", r.stdout + r.stderr)
    r = run([pdurep, "check-strings", "--lang", "fr"], env)
    check(r.returncode == 66, "a language with no strings files: 66", r.stdout + r.stderr)
    r = run([pdurep, "check-strings", "--lang", "../cy"], env)
    check(r.returncode == 64, "a language that is not a code: 64", r.stderr)
    r = run([pdurep, "check-strings", "--help"], env)
    check(r.returncode == 0 and "usage: pdurep check-strings" in r.stdout, "--help")
    r = run([pdurep, "--help"], env)
    check("check-strings" in r.stdout, "listed by pdurep --help")

    tmp = tempfile.mkdtemp(prefix="pdurep-strings-")
    try:
        data = os.path.join(tmp, "data")
        os.mkdir(data)
        for d in ("layouts", "frameworks"):
            shutil.copytree(os.path.join(root, d), os.path.join(data, d))
        os.symlink(os.path.join(root, "fonts"), os.path.join(data, "fonts"))
        strings = os.path.join(data, "layouts", "strings")
        edit(os.path.join(strings, "cy.yaml"), '  findings: "Canfyddiadau"\n', "")
        edit(os.path.join(strings, "cy.yaml"), '  footer: "Tudalen {page} o {pages}"',
             '  footer: "Tudalen {page}"')
        edit(os.path.join(strings, "cy.yaml"), "  overview: ", "  overveiw: ")
        edit(os.path.join(strings, "annexe-cy.yaml"), "  prompts: Is-gwestiynau\n",
             "  prompts: \"Is-gwestiynau: geiriad a chyfrifon llawn\"\n")
        edit(os.path.join(strings, "annexe-cy.yaml"), "    low: Cyfradd is\n", "    low: \"\"\n")
        edit(os.path.join(strings, "framework-cy.yaml"), "      name: Adolygu\n", "")
        dd = {"PDUREP_DATA_DIR": data}
        r = run([pdurep, "check-strings", "--lang", "cy"], dd)
        out = r.stdout
        check(r.returncode == 65, "a broken translation: exit 65", out + r.stderr)
        expect = {
            "missing key listed with its English": r"cy\.yaml: missing 'standard\.findings' "
                                                   r"\(English: \"Findings\"\)",
            "misspelt key: its English key missing": r"cy\.yaml: missing 'ratings\.overview'",
            "misspelt key listed as unknown": r"cy\.yaml: 'ratings\.overveiw' is not a key of en\.yaml",
            "dropped {pages} listed": r"cy\.yaml: 'page\.footer' uses other \{names\}",
            "empty workbook key listed": r"annexe-cy\.yaml: missing 'breakdowns\.flag\.low'",
            "sheet name over 31 characters listed": r"annexe-cy\.yaml: sheet name .*31 characters",
            "framework term listed": r"framework-cy\.yaml: missing "
                                     r"'probation-pdu-2023\.standard\.P2\.4\.name'",
        }
        for what, pat in expect.items():
            check(re.search(pat, out), what, out)
        check("cy: 7 problems" in out, "seven problems counted", out)
        r = run([pdurep, "check-strings", "--lang", "en"], dd)
        check(r.returncode == 0, "English alone still passes", r.stdout)

        # The broken copy still makes a Welsh report: English where Welsh is missing.
        db = os.path.join(tmp, "x.db")
        run([pdurep, "--db", db, "import", os.path.join(root, "fixtures", "north-wales")], dd)
        pdf = os.path.join(tmp, "nw.cy.pdf")
        r = run([pdurep, "--db", db, "report", "north-wales-2025", "--lang", "cy", "-o", pdf], dd)
        check(r.returncode == 0, "a Welsh report from incomplete strings", r.stderr)
        if r.returncode == 0:
            t = re.sub(r"\s+", " ", run(["pdftotext", pdf, "-"]).stdout)
            check("Findings" in t and "Canfyddiadau" not in t and "P2.4 Reviewing" in t and
                  "Tudalen 2 " in t, "missing keys print in English, the rest in Welsh")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    finish()
