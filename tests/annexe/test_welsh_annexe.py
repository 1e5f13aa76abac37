#!/usr/bin/python3
"""End-to-end test of the Welsh workbooks (`pdurep annexe --lang cy`).

Usage: test_welsh_annexe.py PDUREP_BINARY SOURCE_ROOT

Imports the Wales fixture (six PDUs and the region) and writes the North Wales
annexe and sharing workbook in English and in Welsh. The Welsh ones must read
back with openpyxl, carry Welsh sheet names (Excel's rules kept), Welsh rating,
band and framework words, Welsh dates and a Language property, and hold exactly
the English workbook's numbers in the same cells.

Prints one line per check, then "N passed, N failed"; exits 1 on any failure.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, finish, wales_bundles  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spreadsheet_standard import problems  # noqa: E402

ID = "north-wales-2025"
SHEETS = ["Clawr", "Cynnwys", "Nodiadau", "Graddau", "Sgôr", "Cwestiynau allweddol", "Is-gwestiynau",
          "Dadansoddiadau", "Sampl", "Siart 1", "Siart 2", "Bandiau", "Pwyntiau", "Bandiau cyffredinol"]


def run(args, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, text=True, env=e)


def numbers(wb):
    """Every numeric cell, by sheet position and coordinate."""
    out = {}
    for i, ws in enumerate(wb.worksheets):
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    out[(i, c.coordinate)] = c.value
    return out


def texts(wb):
    return {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str)}


def custom_property(path, name):
    with zipfile.ZipFile(path) as z:
        xml = z.read("docProps/custom.xml").decode("utf-8")
    m = re.search(r'name="%s"[^>]*>\s*<vt:lpwstr>([^<]*)<' % re.escape(name), xml)
    return m.group(1) if m else None


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": "1757000000"}
    tmp = tempfile.mkdtemp(prefix="pdurep-welsh-xlsx-")
    try:
        db = os.path.join(tmp, "x.db")
        ok = all(run([pdurep, "--db", db, "import", b], env).returncode == 0
                 for b in wales_bundles(root))
        check(ok, "import the Wales fixture")

        for share in (False, True):
            what = "sharing workbook" if share else "annexe"
            extra = ["--share"] if share else []
            en = os.path.join(tmp, f"en{share}.xlsx")
            cy = os.path.join(tmp, f"cy{share}.xlsx")
            r1 = run([pdurep, "--db", db, "annexe", ID, "-o", en] + extra, env)
            r2 = run([pdurep, "--db", db, "annexe", ID, "--lang", "cy", "-o", cy] + extra, env)
            check(r1.returncode == 0 and r2.returncode == 0, f"{what}: written in en and cy",
                  r1.stderr + r2.stderr)
            if r2.returncode or r1.returncode:
                continue
            wen, wcy = openpyxl.load_workbook(en), openpyxl.load_workbook(cy)
            check(wcy.sheetnames == SHEETS, f"{what}: Welsh sheet names", str(wcy.sheetnames))
            check(all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\']", n) for n in wcy.sheetnames),
                  f"{what}: sheet names within Excel's rules")
            ne, nc = numbers(wen), numbers(wcy)
            diff = [k for k in set(ne) | set(nc) if ne.get(k) != nc.get(k)]
            check(not diff and len(ne) > 300, f"{what}: every number identical to English "
                  f"({len(ne)} cells)", str(sorted(diff)[:10]))
            t = texts(wcy)
            want = ["Angen gwella", "Da", "Rhy ychydig", "Mwyafrif mawr", "Asesu",
                    "Trefniadau a gweithgarwch sefydliadol", "Risg o niwed difrifol",
                    "Gorchymyn cymunedol", "Gogledd Cymru", "1 Medi 2025", "Cyfradd is",
                    "A yw’r asesu yn canolbwyntio’n ddigonol ar gadw pobl eraill yn ddiogel?"]
            missing = [w for w in want if w not in t and not any(w in s for s in t)]
            check(not missing, f"{what}: Welsh ratings, bands, framework words, name and date",
                  str(missing))
            braces = [s for s in texts(wen) | t if "{" in s or "}" in s]
            check(not braces, f"{what}: no placeholder left in either language", str(braces)[:300])
            left = [w for w in ["Requires improvement", "Too few", "Assessment", "North Wales",
                                "September", "Sentence type", "Yes"] if w in t]
            check(not left, f"{what}: no English cell left", str(left))
            check(custom_property(cy, "Language") == "cy-GB" and
                  custom_property(en, "Language") == "en-GB",
                  f"{what}: Language property cy-GB (en-GB in English)")
            check(wcy.properties.title.startswith("Gogledd Cymru:"), f"{what}: Welsh title",
                  wcy.properties.title)
            names = {d.name: d.attr_text for d in wcy.defined_names.definedName}
            bad = problems(cy)
            check(not bad, f"{what}: the Welsh workbook meets the spreadsheet standard", bad[:10])
            check(names.get("Score", "").startswith("'Sgôr'!"),
                  f"{what}: defined names point at the Welsh sheets", str(names))
            if share:
                check(any(s.startswith("Rhanbarth Cymru:") for s in t),
                      "sharing workbook: comparator named in Welsh (Rhanbarth Cymru)")
        # The region pools by its name in the data, whatever the workbook's language.
        cy = os.path.join(tmp, "region.cy.xlsx")
        en = os.path.join(tmp, "region.xlsx")
        r1 = run([pdurep, "--db", db, "annexe", "wales-2025", "-o", en], env)
        r2 = run([pdurep, "--db", db, "annexe", "wales-2025", "--lang", "cy", "-o", cy], env)
        if check(r1.returncode == 0 and r2.returncode == 0, "region annexe in en and cy",
                 r1.stderr + r2.stderr):
            ne = numbers(openpyxl.load_workbook(en))
            nc = numbers(openpyxl.load_workbook(cy))
            check(ne == nc, "region annexe: the same pooled numbers in Welsh")
        r = run([pdurep, "--db", db, "annexe", ID, "--lang", "x/y", "-o", cy], env)
        check(r.returncode == 64, "annexe --lang refuses a path", r.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    finish()
