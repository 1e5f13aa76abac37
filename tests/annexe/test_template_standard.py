#!/usr/bin/python3
"""`pdurep template` in English and Welsh meets the essentials of the spreadsheet
standard that a data-entry form can meet (spreadsheet_standard.template_problems,
README "The data-entry template"), and the checker catches each of them broken
on a copy of a passing template.

usage: test_template_standard.py PDUREP SOURCE_ROOT"""
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
sys.path.insert(0, HERE)
from harness import check, run_main  # noqa: E402
from spreadsheet_standard import template_problems  # noqa: E402
from workbook_edit import rezip, with_openpyxl  # noqa: E402

PDUREP, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def template(path, *args):
    env = dict(os.environ, PDUREP_DATA_DIR=ROOT, SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run([PDUREP, "template", *args, "-o", path], capture_output=True,
                          text=True, env=env)


def main():
    with tempfile.TemporaryDirectory(prefix="pdurep-template-") as tmp:
        books = {}
        for lang in ("en", "cy"):
            path = os.path.join(tmp, f"template-{lang}.xlsx")
            r = template(path, "--lang", lang)
            check(r.returncode == 0, f"template --lang {lang} written", r.stderr)
            got = template_problems(path)
            check(not got, f"template --lang {lang} meets the essentials of a form",
                  "\n".join(got[:20]))
            books[lang] = path
        wb = openpyxl.load_workbook(books["cy"])
        check(wb.properties.title.startswith("Cofnodi data") and
              wb.sheetnames[0] == "cyfarwyddiadau",
              "Welsh template: Welsh title and instructions first", str(wb.sheetnames))
        region = os.path.join(tmp, "region.xlsx")
        r = template(region, "--framework", "probation-region-2024")
        got = template_problems(region)
        check(r.returncode == 0 and not got, "region framework's template meets them too",
              r.stderr + "\n".join(got[:20]))

        good = books["en"]

        def case(what, want, make):
            bad = os.path.join(tmp, re.sub(r"\W+", "-", what) + ".xlsx")
            make(bad)
            got = template_problems(bad)
            check(any(re.search(want, g) for g in got), f"checker catches {what}",
                  "\n".join(got[:8]))

        def sheet_edit(name, edit):
            return lambda p: with_openpyxl(good, p, lambda wb: edit(wb[name]))

        case("a merged cell", r"cases: merged cells",
             sheet_edit("cases", lambda ws: ws.merge_cells("A1:B1")))
        case("a print header", r"judgements: print header or footer",
             sheet_edit("judgements", lambda ws: setattr(ws.oddHeader.center, "text", "&A")))
        case("a heading missing from the header row", r"cases!B1: not a bold heading",
             sheet_edit("cases", lambda ws: setattr(ws["B1"], "value", None)))
        case("a cell right of the header row",
             r"inspection!D2: 'note' right of the header row",
             sheet_edit("inspection", lambda ws: setattr(ws["D2"], "value", "note")))
        case("the header row not frozen", r"judgements: the header row is not frozen",
             sheet_edit("judgements", lambda ws: setattr(ws, "freeze_panes", None)))
        case("instructions outside column A", r"instructions!C3: instructions outside",
             sheet_edit("instructions", lambda ws: setattr(ws["C3"], "value", "see B")))
        case("the questions sheet without its table", r"questions: 0 tables",
             sheet_edit("questions", lambda ws: ws.tables.clear()))
        case("a blank cell in the questions table", r"questions!D5: blank cell inside",
             sheet_edit("questions", lambda ws: setattr(ws["D5"], "value", None)))
        case("a number stored as text", r"number stored as text",
             sheet_edit("inspection", lambda ws: setattr(ws["B10"], "value", "2660")))
        case("no keywords", r"document property keywords is not set",
             lambda p: with_openpyxl(good, p, lambda wb: setattr(wb.properties, "keywords", None)))
        case("no language", r"custom document property Language is not set",
             lambda p: rezip(good, p, lambda n, t: t.replace('name="Language"', 'name="Lang"')))
        case("the instructions moved after the sheets", r"first sheet is not the instructions",
             lambda p: with_openpyxl(good, p, lambda wb: wb.move_sheet("instructions", 4)))


run_main(main)
