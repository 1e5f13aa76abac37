#!/usr/bin/python3
"""Case attributes are framework data: a sixth attribute added to a copy of the
framework's attributes.csv is accepted by import, stored, and broken down by in
rate --json, the annexe and the report, with no change to the program. And no
attribute of the shipped framework is named in the C sources of the library's
import, storage, calculator or documents.

usage: test_attributes.py PDUREP SOURCE_ROOT"""
import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Pdurep, rewrite  # noqa: E402
from harness import check, run_main  # noqa: E402

AGES = [("18-25", "Aged 18 to 25"), ("26-49", "Aged 26 to 49"), ("50+", "Aged 50 or over")]


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        os.makedirs(data)
        shutil.copytree(os.path.join(root, "frameworks"), os.path.join(data, "frameworks"))
        shutil.copytree(os.path.join(root, "layouts"), os.path.join(data, "layouts"))
        os.symlink(os.path.join(root, "fonts"), os.path.join(data, "fonts"))
        with open(os.path.join(data, "frameworks", "probation-pdu-2023", "attributes.csv"), "a",
                  newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            for value, label in AGES:
                w.writerow(["age_band", "Age band", value, label])
        # A layout whose attribute sections split by the new attribute.
        rewrite(os.path.join(data, "layouts", "pdu-report.yaml"), "attribute: sentence_type\n\nsections",
                "attribute: age_band\n\nsections")
        bundle = os.path.join(tmp, "nw")
        shutil.copytree(os.path.join(root, "fixtures", "north-wales"), bundle)
        with open(os.path.join(bundle, "cases.csv"), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        rows[0].insert(2, "age_band")
        for i, row in enumerate(rows[1:]):
            row.insert(2, AGES[i % 3][0])
        with open(os.path.join(bundle, "cases.csv"), "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)

        p = Pdurep(exe, data, os.path.join(tmp, "a.db"))
        r = p("import", bundle)
        check(r.returncode == 0, "a bundle with a sixth attribute imports", r.stderr)
        doc = p.json("rate", "north-wales-2025", "--json")
        ages = {b["attribute"]: b for b in doc["breakdowns"]}.get("age_band")
        counts = {v["value"]: v["cases"] for v in ages["values"]} if ages else {}
        check(ages is not None and ages["label"] == "Age band" and
              counts == {"18-25": 26, "26-49": 26, "50+": 25},
              "rate --json breaks down by it", counts)
        ok = bool(ages)
        for q in (doc["standards"][3]["key_questions"] if ages else []):
            total = sum(next(x for x in v["questions"] if x["code"] == q["code"])["yes"]
                        for v in ages["values"])
            ok = ok and total == q["yes"]
        check(ok, "its groups add up to the whole sample")

        xlsx = os.path.join(tmp, "a.xlsx")
        r = p("annexe", "north-wales-2025", "-o", xlsx)
        strings = zipfile.ZipFile(xlsx).read("xl/sharedStrings.xml").decode() \
            if r.returncode == 0 else ""
        check(all(label in strings for _, label in AGES) and "Age band" in strings,
              "the annexe breaks down by it", r.stderr)

        pdf = os.path.join(tmp, "a.pdf")
        r = p("report", "north-wales-2025", "-o", pdf)
        text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                       text=True).stdout.split()) if r.returncode == 0 else ""
        check(r.returncode == 0 and all(label in text for _, label in AGES),
              "the report's sections split by it when the layout names it", r.stderr)

        # A bundle without the column is refused, naming it.
        r = p("import", "--replace", os.path.join(root, "fixtures", "north-wales"))
        check(r.returncode == 65 and 'missing column "age_band"' in r.stderr,
              "a bundle without the framework's attribute is refused", r.stderr)

    # No attribute name in the C of import, storage, calculator and documents.
    names = set()
    with open(os.path.join(root, "frameworks", "probation-pdu-2023", "attributes.csv"),
              encoding="utf-8") as f:
        names = {row["attribute"] for row in csv.DictReader(f)}
    hits = []
    for path in glob.glob(os.path.join(root, "src", "**", "*.c"), recursive=True):
        rel = os.path.relpath(path, root)
        # synth.c makes up sample data with a realistic mix per value (see README).
        if rel == "src/lib/synth.c":
            continue
        text = open(path, encoding="utf-8").read()
        # Shipped migrations describe old schemas and are never edited.
        if rel == "src/lib/schema.c":
            text = text[text.index("3 -> 4"):]
        for n in names:
            if re.search(r'"%s"' % re.escape(n), text):
                hits.append(f"{rel}: \"{n}\"")
    check(not hits, "no attribute name is a string in the C sources", hits)


run_main(main)
