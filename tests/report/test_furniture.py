#!/usr/bin/python3
"""Publication furniture of the reports (issue 10, item 6).

Usage: test_furniture.py PDUREP_BINARY SOURCE_ROOT

The Wales region bundle has a publication date: its report prints it on the
cover and carries it in the XMP as dc:date; the colophon holds the Crown
copyright line with that year, the Open Government Licence v3.0 notice with
The National Archives' address, the inspectorate's contact details and the
credit to pdurep, which is no longer on the cover. The same in Welsh. The
North Wales bundle has no publication date: no date on the cover, and the
copyright year is the document time's.
"""

import os
import re
import shutil
import sys
import tempfile

import pikepdf

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main, wales_bundles  # noqa: E402
from pdfcheck import run, words  # noqa: E402

EPOCH = "1767225600"  # 2026-01-01


def page_text(pdf, first, last=None):
    r = run(["pdftotext", "-f", str(first), "-l", str(last or first), pdf, "-"])
    return words(r.stdout)


def pages(pdf):
    return int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout).group(1))


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": EPOCH}
    tmp = tempfile.mkdtemp(prefix="pdurep-furniture-")
    try:
        db = os.path.join(tmp, "x.db")
        for bundle in wales_bundles(root):
            r = run([pdurep, "--db", db, "import", bundle], env)
            check(r.returncode == 0, f"import {os.path.basename(bundle)}", r.stderr)
        cases = [
            ("wales.pdf", ["wales-2025"], "Published 21 January 2026", "© Crown copyright 2026",
             ["Open Government Licence v3.0", "nationalarchives.gov.uk/doc/open-government-licence/version/3",
              "The National Archives, Kew, London TW9 4DU", "published this report on 21 January 2026",
              "Manchester M3 3FX", "Produced by pdurep"], "Produced by"),
            ("wales.cy.pdf", ["wales-2025", "--lang", "cy"], "Cyhoeddwyd 21 Ionawr 2026",
             "© Hawlfraint y Goron 2026",
             ["Drwydded Llywodraeth Agored v3.0", "Kew, Llundain TW9 4DU", "Manceinion M3 3FX",
              "Cynhyrchwyd gan pdurep"], "Cynhyrchwyd"),
            ("north-wales.pdf", ["north-wales-2025"], None, "© Crown copyright 2026",
             ["Open Government Licence v3.0", "Produced by pdurep"], "Produced by"),
        ]
        for name, args, cover_date, copyright, colophon, credit in cases:
            pdf = os.path.join(tmp, name)
            r = run([pdurep, "--db", db, "report"] + args + ["-o", pdf], env)
            if not check(r.returncode == 0, f"{name}: written", r.stderr):
                continue
            cover = page_text(pdf, 1)
            if cover_date:
                check(cover_date in cover, f"{name}: the cover gives the publication date", cover)
            else:
                check("Published" not in cover and "Cyhoeddwyd" not in cover,
                      f"{name}: no publication date on the cover of an unpublished bundle", cover)
            check(credit not in cover, f"{name}: the credit to pdurep is off the cover", cover)
            n = pages(pdf)
            last = page_text(pdf, max(1, n - 1), n)
            check(copyright in last, f"{name}: the colophon has '{copyright}'", last[-1500:])
            missing = [c for c in colophon if c not in last]
            check(not missing, f"{name}: the colophon has the licence, contact and credit", str(missing))
            with pikepdf.open(pdf) as p:
                xmp = p.Root.Metadata.read_bytes().decode("utf-8")
            dates = re.findall(r"<dc:date><rdf:Seq><rdf:li>([^<]*)</rdf:li>", xmp)
            check(dates == (["2026-01-21"] if cover_date else []),
                  f"{name}: the XMP dc:date is the publication date", str(dates))
            check(copyright in xmp, f"{name}: the XMP dc:rights holds the copyright line")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
