#!/usr/bin/python3
"""The Wales region in Welsh: the region report prints the pooled sample under
the region's Welsh name, the same figures as the English report, no English
rating words, and a whole batch in both languages succeeds.

usage: test_welsh_region.py PDUREP SOURCE_ROOT"""
import csv
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402
from pdfcheck import run, words  # noqa: E402

PDUS = ["north-wales", "cardiff-and-the-vale", "swansea-neath-port-talbot", "gwent", "dyfed-powys",
        "cwm-taf-morgannwg"]


def text(pdf):
    return words(run(["pdftotext", "-layout", pdf, "-"]).stdout)


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    wales = os.path.join(root, "fixtures", "wales")
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": "1768953600"}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "w.db")
        r = run([pdurep, "--db", db, "import", *[os.path.join(wales, p) for p in PDUS],
                 os.path.join(wales, "region")], env)
        check(r.returncode == 0 and "warning" not in r.stderr,
              "the Wales bundles import, the region's Welsh narrative complete", r.stderr)
        en, cy = os.path.join(tmp, "en.pdf"), os.path.join(tmp, "cy.pdf")
        r1 = run([pdurep, "--db", db, "report", "wales-2025", "-o", en], env)
        r2 = run([pdurep, "--db", db, "report", "wales-2025", "--lang", "cy", "-o", cy], env)
        check(r1.returncode == 0 and r2.returncode == 0, "English and Welsh region reports", r1.stderr + r2.stderr)
        te, tc = text(en), text(cy)
        check(re.search(r"Wales region \d+ \w+ \d{4} 338 224 114", te) is not None,
              "English pooled sample row: 338, 224, 114")
        check(re.search(r"Rhanbarth Cymru \d+ \w+ \d{4} 338 224 114", tc) is not None,
              "Welsh pooled sample row under the region's Welsh name: 338, 224, 114")
        check("Sgôr 10/24" in tc and "Angen gwella" in tc and "Da" in tc, "Welsh score and rating words")
        check(not any(w in tc for w in ("Requires improvement", "Outstanding", "Inadequate")),
              "no English rating words in the Welsh report")
        check("{" not in tc, "every placeholder filled")
        check(re.findall(r"\d+%", te) == re.findall(r"\d+%", tc), "the same percentages in the same order")

        out = os.path.join(tmp, "batch")
        r = run([pdurep, "--db", db, "batch", "--region", "Wales", "--lang", "en,cy", "--out", out,
                 "-j", "2", "--quiet"], env)
        check(r.returncode == 0, "batch --region Wales --lang en,cy writes everything", r.stderr)
        rows = list(csv.DictReader(open(os.path.join(out, "index.csv"), encoding="utf-8"))) if r.returncode == 0 else []
        cy_files = sorted(x["file"] for x in rows if x["lang"] == "cy")
        check("wales-2025.cy.pdf" in cy_files and "wales-2025.cy.xlsx" in cy_files and
              "north-wales-2025-share.cy.xlsx" in cy_files, "Welsh documents in the index", cy_files)


if __name__ == "__main__":
    run_main(main)
