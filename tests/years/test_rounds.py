#!/usr/bin/python3
"""Inspection rounds: a region pools exactly the PDU inspections its bundle lists.
Another year's North Wales changes no figure or byte of wales-2025, its own
region is right, and a region missing a listed PDU is refused.

usage: test_rounds.py PDUREP SOURCE_ROOT"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Pdurep, read, rewrite  # noqa: E402
from harness import check, run_main  # noqa: E402


def last_year(root, tmp):
    """North Wales a year earlier: another id, other fieldwork dates and other answers."""
    d = os.path.join(tmp, "north-wales-2024")
    shutil.copytree(os.path.join(root, "fixtures", "north-wales"), d)
    for n in os.listdir(d):
        if n.startswith("narrative"):
            os.remove(os.path.join(d, n))
    p = os.path.join(d, "inspection.csv")
    rewrite(p, "north-wales-2025", "north-wales-2024")
    rewrite(p, "2025-09-01", "2024-09-02")
    with open(os.path.join(d, "cases.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    # Every Yes to 2.1.2 becomes No in half the cases, so the year's figures really differ.
    col = rows[0].index("2.1.2")
    for i, row in enumerate(rows[1:]):
        if i % 2 == 0 and row[col].upper().startswith("Y"):
            row[col] = "N"
    with open(os.path.join(d, "cases.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return d


def region_2024(root, tmp):
    d = os.path.join(tmp, "wales-2024")
    os.makedirs(d)
    src = os.path.join(root, "fixtures", "wales", "region")
    for n in ("inspection.csv", "judgements.csv"):
        shutil.copy(os.path.join(src, n), d)
    p = os.path.join(d, "inspection.csv")
    rewrite(p, "wales-2025", "wales-2024")
    rewrite(p, "2025-07-28", "2024-07-29")
    with open(os.path.join(d, "pdus.csv"), "w") as f:
        f.write("inspection\nnorth-wales-2024\n")
    return d


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        p = Pdurep(exe, root, os.path.join(tmp, "w.db"))
        p.import_wales()
        before = p.json("rate", "wales-2025", "--json")
        pdf1, x1 = os.path.join(tmp, "before.pdf"), os.path.join(tmp, "before.xlsx")
        p("report", "wales-2025", "-o", pdf1)
        p("annexe", "wales-2025", "-o", x1)
        check(before["cases"] == 338, "the Wales fixture pools 338 cases", before["cases"])

        r = p("import", last_year(root, tmp))
        check(r.returncode == 0, "another year's North Wales imports", r.stderr)
        after = p.json("rate", "wales-2025", "--json")
        check(after == before, "wales-2025's figures are unchanged by another year's North Wales",
              (before["cases"], after["cases"]))
        pdf2, x2 = os.path.join(tmp, "after.pdf"), os.path.join(tmp, "after.xlsx")
        p("report", "wales-2025", "-o", pdf2)
        p("annexe", "wales-2025", "-o", x2)
        check(read(pdf1) == read(pdf2), "the region report is byte for byte the same")
        check(read(x1) == read(x2), "the region annexe is byte for byte the same")

        # The other year's region, listing only its own North Wales.
        r = p("import", region_2024(root, tmp))
        check(r.returncode == 0, "wales-2024 imports", r.stderr)
        old = p.json("rate", "wales-2024", "--json")
        nw = p.json("rate", "north-wales-2024", "--json")
        kq = {q["code"]: q for s in old["standards"] for q in s.get("key_questions", [])}
        pk = {q["code"]: q for s in nw["standards"] for q in s.get("key_questions", [])}
        check(old["cases"] == 77 and old["pdus"] == ["north-wales-2024"],
              "wales-2024 pools its one listed PDU", (old["cases"], old.get("pdus")))
        check((kq["R2.1.1"]["yes"], kq["R2.1.1"]["relevant"]) ==
              (pk["2.1.2"]["yes"], pk["2.1.2"]["relevant"]),
              "wales-2024's R2.1.1 is North Wales 2024's 2.1.2", (kq["R2.1.1"], pk["2.1.2"]))
        check(p.json("rate", "wales-2025", "--json") == before, "wales-2025 still unchanged")

        # The PDU matrix of the region report shows each PDU's fieldwork dates.
        text = " ".join(subprocess.run(["pdftotext", pdf2, "-"], capture_output=True,
                                       text=True).stdout.split())
        matrix = text[text.rindex("Ratings of each PDU"):]
        check("Cardiff and the Vale (fieldwork 28 July 2025)" in matrix
              and matrix.count("(fieldwork ") == 6,
              "the ratings matrix gives each PDU's fieldwork start", matrix[:600])

        # A listed PDU that is missing: rating, the report and the annexe are refused.
        p("import", "--replace", region_2024(root, os.path.join(tmp, "again")))
        rewrite(os.path.join(tmp, "again", "wales-2024", "pdus.csv"), "north-wales-2024",
                "north-wales-2024\nnorth-wales-2023")
        r = p("import", "--replace", os.path.join(tmp, "again", "wales-2024"))
        check(r.returncode == 0, "a region may list a PDU not yet imported", r.stderr)
        for args in (["rate", "wales-2024"], ["report", "wales-2024", "-o", os.path.join(tmp, "m.pdf")],
                     ["annexe", "wales-2024", "-o", os.path.join(tmp, "m.xlsx")]):
            r = p(*args)
            check(r.returncode == 66 and "region wales-2024 lists PDU inspection north-wales-2023, "
                  "which is not in the database" in r.stderr, f"{args[0]} refuses a region missing "
                  "a listed PDU", f"{r.returncode} {r.stderr}")
        check(not os.path.exists(os.path.join(tmp, "m.pdf")) and
              not os.path.exists(os.path.join(tmp, "m.xlsx")), "and writes no document")

        # The bundle format: a region needs pdus.csv, a PDU must not have one.
        bad = os.path.join(tmp, "bad")
        shutil.copytree(os.path.join(tmp, "wales-2024"), bad)
        os.remove(os.path.join(bad, "pdus.csv"))
        r = p("import", bad)
        check(r.returncode == 66 and "bad/pdus.csv: missing file" in r.stderr,
              "a region bundle without pdus.csv is refused", r.stderr)
        with open(os.path.join(bad, "pdus.csv"), "w") as f:
            f.write("inspection\nnorth-wales-2024\nNorth Wales\nnorth-wales-2024\nwales-2024\n")
        r = p("import", "--replace", bad)
        check(r.returncode == 65 and "pdus.csv:3:1: \"North Wales\" is not an inspection id" in r.stderr
              and "pdus.csv:4:1: PDU inspection north-wales-2024 is listed twice" in r.stderr
              and "pdus.csv:5:1: a region cannot list itself" in r.stderr,
              "pdus.csv problems are reported with their line", r.stderr)


run_main(main)
