#!/usr/bin/python3
"""LibreOffice reads every workbook cleanly: the quick start's workbooks are
converted by LibreOffice headless (libreoffice-calc-nogui) to PDF and to CSV
(every sheet) with no warning, and what it wrote holds the figures.

usage: test_libreoffice.py PDUREP SOURCE_ROOT

One soffice call per format converts all four files (starting LibreOffice is
the slow part), with a private profile in a temporary folder so no user's
settings or lock files are involved; each call is bounded in time. The one
line LibreOffice prints about the machine rather than the file ("failed to
launch javaldx": there is no Java, which Calc does not need) is not counted
as a warning. Prints one line per check and ends with `N passed, N failed`.
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main, wales_bundles  # noqa: E402

PDUREP, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
TIME_LIMIT = 240
ENVIRONMENT_NOISE = ("Warning: failed to launch javaldx",)
# Every sheet as UTF-8 CSV, one file per sheet (the last token, -1), values as shown.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def run(db, *args):
    env = dict(os.environ, PDUREP_DATA_DIR=ROOT, SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run([PDUREP, "--db", db, *args], capture_output=True, text=True, env=env)


def soffice(tmp, target, outdir, files):
    profile = "file://" + os.path.join(tmp, "profile")
    try:
        p = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", target, "--outdir", outdir, *files],
                           capture_output=True, text=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        return 1, f"soffice took more than {TIME_LIMIT} s"
    lines = [l for l in (p.stdout + p.stderr).splitlines()
             if l.strip() and not l.startswith(("convert ", "Writing sheet "))
             and not l.startswith(ENVIRONMENT_NOISE)]
    return p.returncode, "\n".join(lines)


def main():
    if not shutil.which("soffice"):
        check(False, "soffice is installed (libreoffice-calc-nogui, scripts/debian-packages.txt)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "w.db")
        r = run(db, "import", *wales_bundles(ROOT))
        check(r.returncode == 0, "import the Wales fixture", r.stderr)
        books = {}
        for name, args in (("north-wales", ["north-wales-2025"]),
                           ("north-wales-share", ["north-wales-2025", "--share"]),
                           ("wales", ["wales-2025"]),
                           ("north-wales-cy", ["north-wales-2025", "--lang", "cy"])):
            p = os.path.join(tmp, name + ".xlsx")
            r = run(db, "annexe", *args, "-o", p)
            check(r.returncode == 0, f"write {name}.xlsx", r.stderr)
            books[name] = p

        pdf_dir, csv_dir = os.path.join(tmp, "pdf"), os.path.join(tmp, "csv")
        rc, noise = soffice(tmp, "pdf", pdf_dir, list(books.values()))
        check(rc == 0 and not noise, "LibreOffice converts every workbook to PDF with no warning", noise)
        for name in books:
            pdf = os.path.join(pdf_dir, name + ".pdf")
            if not check(os.path.exists(pdf), f"{name}.pdf written"):
                continue
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
            pages = text.count("\f")
            check(pages >= 12, f"{name}.pdf: a page or more per sheet ({pages})")
            title = {"north-wales": "North Wales: inspection data annexe",
                     "north-wales-share": "North Wales: PDU sharing workbook",
                     "wales": "Wales: inspection data annexe",
                     "north-wales-cy": "Gogledd Cymru: atodiad data"}[name]
            check(title in text.split("\f")[0], f"{name}.pdf: the cover comes first", text[:200])

        rc, noise = soffice(tmp, CSV_FILTER, csv_dir, list(books.values()))
        check(rc == 0 and not noise, "LibreOffice converts every sheet of every workbook to CSV with no warning",
              noise)
        for name, path in books.items():
            want = openpyxl.load_workbook(path).sheetnames
            missing = [n for n in want if not os.path.exists(os.path.join(csv_dir, f"{name}-{n}.csv"))]
            check(not missing, f"{name}: a CSV file for each of its {len(want)} sheets", missing)
        kq = os.path.join(csv_dir, "north-wales-Key questions.csv")
        if check(os.path.exists(kq), "the Key questions sheet as CSV"):
            rows = list(csv.reader(open(kq, encoding="utf-8")))
            head = next(i for i, row in enumerate(rows) if row and row[0] == "Standard")
            body = rows[head + 1:]
            check(len(body) == 12 and all(row[0] and all(cell.strip() for cell in row) for row in body),
                  "Key questions CSV: 12 rows, no empty cell", body[:2])
            pct = rows[head].index("% Yes (of relevant cases)")
            check(body[0][1] == "2.1.1" and body[0][pct] == "82%",
                  "Key questions CSV: 2.1.1 is 82%, as the cell shows it", body[0])


run_main(main)
