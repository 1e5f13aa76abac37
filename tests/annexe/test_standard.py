#!/usr/bin/python3
"""Every workbook the quick start and a Welsh batch write meets the spreadsheet
standard (spreadsheet_standard.py), and the checker catches what it claims to.

usage: test_standard.py PDUREP SOURCE_ROOT

Imports the Wales fixture; writes North Wales's annexe, sharing workbook and
Welsh annexe and the Wales region's annexe as scripts/quickstart.sh does, and
runs `pdurep batch --region Wales --lang cy`; every .xlsx must pass the checker.
Then each rule of the checker is proven on a copy of a passing workbook broken
in exactly that way (a merged cell, a print footer, a blank table cell, "[u]",
a number stored as text, a cell beside the table, a dropped contents link, a
chart without alternative text or missing a value, an unknown note, a second
table, the cover moved). Prints one line per check, ends `N passed, N failed`.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
sys.path.insert(0, HERE)
from harness import check, run_main, wales_bundles  # noqa: E402
from spreadsheet_standard import problems  # noqa: E402
from workbook_edit import rezip, with_openpyxl  # noqa: E402

PDUREP, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def run(db, *args):
    env = dict(os.environ, PDUREP_DATA_DIR=ROOT, SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run([PDUREP, "--db", db, *args], capture_output=True, text=True, env=env)


def table_cell(ws, dr=1, dc=0):
    t = list(ws.tables.values())[0]
    from openpyxl.utils.cell import range_boundaries
    c1, r1, c2, r2 = range_boundaries(t.ref)
    return ws.cell(r1 + dr, c1 + dc), (c1, r1, c2, r2)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "w.db")
        r = run(db, "import", *wales_bundles(ROOT))
        check(r.returncode == 0, "import the Wales fixture", r.stderr)

        out = os.path.join(tmp, "out")
        os.mkdir(out)
        books = []
        for name, args in (("north-wales.xlsx", ["north-wales-2025"]),
                           ("north-wales-share.xlsx", ["north-wales-2025", "--share"]),
                           ("wales.xlsx", ["wales-2025"]),
                           ("north-wales.cy.xlsx", ["north-wales-2025", "--lang", "cy"])):
            p = os.path.join(out, name)
            r = run(db, "annexe", *args, "-o", p)
            check(r.returncode == 0, f"quick start writes {name}", r.stderr)
            books.append(p)
        batch = os.path.join(tmp, "batch")
        r = run(db, "batch", "--region", "Wales", "--lang", "cy", "--out", batch, "--quiet")
        check(r.returncode == 0, "a Welsh batch of the Wales region", r.stderr)
        books += sorted(os.path.join(batch, f) for f in os.listdir(batch) if f.endswith(".xlsx"))
        check(len(books) >= 4 + 13, f"{len(books)} workbooks to check")
        for p in books:
            bad = problems(p)
            check(not bad, f"{os.path.basename(p)} meets the spreadsheet standard", "\n".join(bad[:20]))

        # The checker catches each thing it claims to: break a passing workbook one way at a time.
        good = books[1]  # the sharing workbook: charts, comparators, suppression
        check(not problems(good), "the workbook to break passes first")
        cases = []

        def case(what, want, make):
            p = os.path.join(tmp, f"broken-{len(cases)}.xlsx")
            make(p)
            got = problems(p)
            check(any(re.search(want, g) for g in got), f"checker catches {what}", "\n".join(got[:8]))
            cases.append(what)

        def merged(wb):
            wb["Ratings"].merge_cells("A1:C1")
        case("a merged cell", r"merged cells", lambda p: with_openpyxl(good, p, merged))

        def footer(wb):
            wb["Sample"].oddFooter.center.text = "Page &P"
        case("a print footer", r"print header or footer", lambda p: with_openpyxl(good, p, footer))

        def blank(wb):
            c, _ = table_cell(wb["Key questions"], 2, 5)
            c.value = None
        case("a blank cell in a table", r"blank cell inside table", lambda p: with_openpyxl(good, p, blank))

        def odd_shorthand(wb):
            c, _ = table_cell(wb["Breakdowns"], 3, 7)
            c.value = "[u]"
        case("shorthand other than [c] [x] [z]", r"shorthand '\[u\]'",
             lambda p: with_openpyxl(good, p, odd_shorthand))

        def text_number(wb):
            c, _ = table_cell(wb["Key questions"], 1, 5)
            c.value = str(c.value)
        case("a number stored as text", r"number stored as text", lambda p: with_openpyxl(good, p, text_number))

        def beside(wb):
            _, (c1, r1, c2, r2) = table_cell(wb["Ratings"])
            wb["Ratings"].cell(r2 + 2, c1).value = "Score"
        case("a cell below the table", r"outside the table", lambda p: with_openpyxl(good, p, beside))

        def no_title(wb):
            wb["Points"]["A1"].value = None
        case("a sheet without its title in A1", r"Points!A1: no title", lambda p: with_openpyxl(good, p, no_title))

        def unlink(wb):
            c, _ = table_cell(wb["Contents"], 2, 0)
            c.hyperlink = None
        case("a sheet the contents does not link", r"no link to sheet", lambda p: with_openpyxl(good, p, unlink))

        def bad_note(wb):
            wb["Sample"]["A2"].value = "Notes: [note 99]"
        case("a reference to a note that does not exist", r"\[note 99\]", lambda p: with_openpyxl(good, p, bad_note))

        def cover_second(wb):
            wb.move_sheet("Cover", offset=1)
        case("a cover that is not first", r"the cover holds a table|Cover: 0 tables",
             lambda p: with_openpyxl(good, p, cover_second))

        def strip_alt(name, text):
            return re.sub(r'descr="[^"]*"', 'descr=""', text) if "drawings/drawing" in name else text
        case("a chart without alternative text", r"no alternative text", lambda p: rezip(good, p, strip_alt))

        def drop_value(name, text):
            return re.sub(r'(descr="[^"]*?)\b\d+%', r"\1", text, count=1) if "drawings/drawing" in name else text
        case("alternative text missing a charted value", r"alt text lacks the value", lambda p: rezip(good, p, drop_value))

        def empty_ws(wb):
            wb.create_sheet("Empty")
        case("an empty sheet", r"Empty: empty sheet", lambda p: with_openpyxl(good, p, empty_ws))

        def no_percent_unit(wb):
            c, _ = table_cell(wb["Key questions"], 0, 8)
            c.value = "Proportion"
        case("a percentage column without % in its header", r"has no '%'",
             lambda p: with_openpyxl(good, p, no_percent_unit))

        def title_prop(wb):
            wb.properties.title = None
        case("a workbook without a title property", r"property title", lambda p: with_openpyxl(good, p, title_prop))
        check(len(cases) == 15, f"{len(cases)} ways of breaking the standard are caught")


run_main(main)
