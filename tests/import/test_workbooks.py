#!/usr/bin/python3
"""Workbook bundles and the variants import accepts: workbooks made by openpyxl,
by hand (rawxlsx: inline strings, formulas, the 1904 system, merged cells) and
by LibreOffice; the data-entry template filled in by openpyxl; the annexe's
Cases sheet read back; CSV bundles with every accepted variant; lost-character
warnings; problems in several sheets in one run.

Every import that succeeds must give exactly the ratings of the CSV fixture.

usage: test_workbooks.py PDUREP FIXTURE_DIR"""
import csv, datetime, hashlib, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
sys.path.insert(0, HERE)
from harness import check, run_main  # noqa: E402
import openpyxl  # noqa: E402
import rawxlsx  # noqa: E402

pdurep, fixture = (os.path.abspath(a) for a in sys.argv[1:3])
ELLIPSIS = "\u2026"


def run(args, cwd):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    return subprocess.run([pdurep] + args, cwd=cwd, capture_output=True, text=True, env=env)


def read_csv(name):
    return list(csv.reader(open(os.path.join(fixture, name), encoding="utf-8-sig")))


def ratings(db, cwd, id="north-wales-2025"):
    r = run(["--db", db, "rate", id, "--json"], cwd)
    return json.loads(r.stdout) if r.returncode == 0 else r.stderr


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.exists(path) else None


def openpyxl_book(path, cases_title="cases", edit_cases=None, fieldwork_as_date=True):
    """The fixture as a workbook the way openpyxl writes one: shared strings, numbers,
    dates as serial numbers with a date format, sheets in another order."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in ["judgements", cases_title, "inspection"]:
        ws = wb.create_sheet(name)
        rows = read_csv(f"{name.lower()}.csv")
        if edit_cases and name == cases_title:
            rows = edit_cases(rows)
        for row in rows:
            ws.append(row)
        if name == "inspection":
            for r in ws.iter_rows(min_row=2):
                if r[0].value == "fieldwork_start" and fieldwork_as_date:
                    r[1].value = datetime.date.fromisoformat(r[1].value)
                    r[1].number_format = "dd/mm/yyyy"
                elif r[0].value == "caseload":
                    r[1].value = int(r[1].value)  # a number, not text
    wb.save(path)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        ref = os.path.join(tmp, "ref.db")
        r = run(["--db", ref, "import", fixture], tmp)
        check(r.returncode == 0, "the CSV fixture imports", r.stderr)
        want = ratings(ref, tmp)

        def imports(book, what, extra_check=None, id="north-wales-2025", args=()):
            db = os.path.join(tmp, what.replace(" ", "-") + ".db")
            r = run(["--db", db, "import", *args, book], tmp)
            ok = check(r.returncode == 0, f"{what}: imports", r.stdout + r.stderr)
            if ok:
                check(ratings(db, tmp, id) == want, f"{what}: the ratings of the CSV fixture")
            if extra_check:
                extra_check(r)
            return r

        # 1. openpyxl: dates typed as dates, a number, shared strings, sheets in any order,
        #    a sheet name in another letter case.
        openpyxl_book(os.path.join(tmp, "nw.xlsx"), cases_title="Cases")
        imports("nw.xlsx", "openpyxl workbook", lambda r: check(
            r.stderr.strip() == "nw.xlsx: matched 1 name in another letter case",
            "openpyxl workbook: the sheet name's letter case is reported", r.stderr))

        # 2. By hand: inline strings, a formula's cached value, the 1904 date system, rows and
        #    cells without references, an empty trailing row, a prefixed namespace, a boolean.
        insp = read_csv("inspection.csv")
        rows = []
        for k, v in insp:
            if k == "fieldwork_start":
                # 2025-09-01 is day 44439 of the 1904 system (45901 in the 1900 one); the time of
                # day is dropped.
                cell = {"v": "44439.5", "s": 2}
            elif k == "name":
                cell = {"t": "str", "f": 'PROPER("north wales")', "v": v}
            elif k == "caseload":
                cell = {"f": "2000+660", "v": "2660"}
            else:
                cell = {"t": "inlineStr", "is": v}
            rows.append([{"t": "inlineStr", "is": k}, cell])
        rows.append([None, None])          # a row with no cells
        judg = read_csv("judgements.csv")
        cases = read_csv("cases.csv")
        raw = os.path.join(tmp, "raw.xlsx")
        rawxlsx.write(raw, [("cases", cases), ("inspection", rows), ("judgements", judg)],
                      date1904=True, refs=False, prefix="x:")
        imports(raw, "hand-made workbook (1904, inline strings, formulas, no references)")

        # 3. A wrong cell gets its exact sheet!cell; every sheet's problems in one run;
        #    a merged cell is refused with its position.
        bad_cases = [row[:] for row in cases]
        col = bad_cases[0].index("2.1.3")
        bad_cases[13][col] = "Yse"
        bad_judg = [row[:] for row in judg]
        bad_judg[2][1] = "Great"
        bad_insp = [[k, {"fieldwork_start": "2025-02-30", "id": "gwyr-2025"}.get(k, v)]
                    for k, v in insp]
        bad = os.path.join(tmp, "gwyr.xlsx")
        rawxlsx.write(bad, [("inspection", bad_insp), ("judgements", bad_judg),
                            ("cases", bad_cases)], merges={"cases": ["B3:C3"]})
        db = os.path.join(tmp, "bad.db")
        shutil.copy(ref, db)
        before = digest(db)
        r = run(["--db", db, "import", "gwyr.xlsx"], tmp)
        letter = rawxlsx.col_name(col)
        check(r.returncode == 65, "broken workbook: exit 65", r.stderr)
        got = r.stderr.splitlines()
        for line in [
            'gwyr.xlsx:inspection!B7: fieldwork_start "2025-02-30" is not a date written YYYY-MM-DD',
            'gwyr.xlsx:judgements!B3: rating "Great" is not Outstanding, Good, Requires improvement or Inadequate',
            f'gwyr.xlsx:cases!{letter}14: answer "Yse" for 2.1.3 is not Y, N or NA',
            'gwyr.xlsx:cases!B3: merged cells B3:C3: a bundle sheet needs one value in each cell (unmerge them)',
        ]:
            check(line in got, f"broken workbook: {line.split(': ')[0]} listed", r.stderr)
        check(got[-1] == "pdurep import: invalid data", "broken workbook: summary line", r.stderr)
        check(digest(db) == before, "broken workbook: database unchanged")

        # 4. A missing sheet: exit 66, naming the sheets there are.
        nosheet = os.path.join(tmp, "nosheet.xlsx")
        rawxlsx.write(nosheet, [("inspection", insp), ("Sheet1", judg), ("cases", cases)])
        r = run(["--db", os.path.join(tmp, "n.db"), "import", "nosheet.xlsx"], tmp)
        check(r.returncode == 66 and r.stderr.splitlines()[0] ==
              'nosheet.xlsx: no sheet "judgements" (a workbook bundle needs sheets inspection, '
              'judgements and, for a PDU, cases; this one has "inspection", "Sheet1", "cases")',
              "missing sheet: exit 66 and the sheets named", r.stderr)
        check(not os.path.exists(os.path.join(tmp, "n.db")), "missing sheet: no database left")

        # 5. Not a workbook at all, and no such workbook.
        fake = os.path.join(tmp, "fake.xlsx")
        open(fake, "w").write("key,value\n")
        r = run(["--db", os.path.join(tmp, "f.db"), "import", "fake.xlsx"], tmp)
        check(r.returncode == 65 and r.stderr.startswith("fake.xlsx: not an XLSX workbook"),
              "a CSV named .xlsx is refused plainly", r.stderr)
        r = run(["--db", os.path.join(tmp, "f.db"), "import", "none.xlsx"], tmp)
        check(r.returncode == 66 and r.stderr.startswith("none.xlsx: no such workbook"),
              "no such workbook: exit 66", r.stderr)

        # 6. More than 50 problems end with the count of the rest.
        many = [cases[0]] + [row[:6] + ["x"] * (len(row) - 6) for row in cases[1:]]
        manybook = os.path.join(tmp, "many.xlsx")
        rawxlsx.write(manybook, [("inspection", insp), ("judgements", judg), ("cases", many)])
        r = run(["--db", os.path.join(tmp, "m.db"), "import", "many.xlsx"], tmp)
        lines = r.stderr.splitlines()
        n_x = sum(v == "x" for row in many[1:] for v in row)
        check(len(lines) == 52 and lines[50] == f"{ELLIPSIS}and {n_x - 50} more problems",
              f"{n_x} problems: 50 listed, then the count of the rest", "\n".join(lines[-3:]))

        # 7. The template, filled in by openpyxl, imports as it is.
        tpl = os.path.join(tmp, "template.xlsx")
        r = run(["template", "-o", tpl], tmp)
        check(r.returncode == 0, "template: written", r.stderr)
        wb = openpyxl.load_workbook(tpl)
        check(wb.sheetnames[:4] == ["instructions", "inspection", "judgements", "cases"],
              "template: sheets", str(wb.sheetnames))
        ws = wb["cases"]
        check(ws.freeze_panes == "B2", "template: cases headings and ids frozen", str(ws.freeze_panes))
        head = [c.value for c in ws[1]]
        check(head[:6] == cases[0][:6], "template: case headings", str(head))
        dv = {str(d.sqref): d.formula1 for d in ws.data_validations.dataValidation}
        coded = [rawxlsx.col_name(i) for i in range(1, len(head))]
        covered = set()
        for sqref in dv:
            for part in sqref.split():
                a, b = part.split(":")
                lo = "".join(ch for ch in a if ch.isalpha())
                hi = "".join(ch for ch in b if ch.isalpha())
                for c in coded:
                    if (len(lo), lo) <= (len(c), c) <= (len(hi), hi):
                        covered.add(c)
        check(covered == set(coded), "template: a drop-down on every coded column",
              str(sorted(set(coded) - covered)))
        check('"Y,N,NA"' in dv.values() and '"community,licence"' in dv.values(),
              "template: drop-downs offer the answers and the attribute codes", str(dv))
        qs = wb["questions"]
        wording = {r[0].value: r[3].value for r in qs.iter_rows(min_row=2)}
        check(wording.get("2.1.1", "").startswith("Is assessment focused well enough"),
              "template: questions with their wording", str(wording.get("2.1.1")))
        check(ws.cell(1, 7).comment is not None, "template: a note with the wording on a heading")
        wi = wb["inspection"]
        fs = [r for r in wi.iter_rows(min_row=2) if r[0].value == "fieldwork_start"][0]
        check(fs[1].number_format == "yyyy-mm-dd", "template: date cells formatted as dates",
              fs[1].number_format)
        fill = dict(insp)
        for row in wi.iter_rows(min_row=2):
            k = row[0].value
            if k in fill and k not in ("kind", "framework"):
                v = fill[k]
                row[1].value = (datetime.date.fromisoformat(v) if k == "fieldwork_start"
                                else int(v) if k == "caseload" else v)
        wj = wb["judgements"]
        for i, (s, rating, why) in enumerate(judg[1:], start=2):
            wj.cell(i, 1, s)
            wj.cell(i, 2, rating)
            wj.cell(i, 3, why)
        index = {h: i for i, h in enumerate(cases[0])}
        for r_i, row in enumerate(cases[1:], start=2):
            for c_i, h in enumerate(head, start=1):
                v = row[index[h]] if h in index else ""
                if v:
                    ws.cell(r_i, c_i, v)
        filled = os.path.join(tmp, "filled.xlsx")
        wb.save(filled)
        imports(filled, "filled template")
        r = run(["template", "--lang", "cy", "-o", os.path.join(tmp, "cy.xlsx")], tmp)
        wb = openpyxl.load_workbook(os.path.join(tmp, "cy.xlsx"))
        check(r.returncode == 0 and wb.sheetnames[0] == "cyfarwyddiadau" and
              wb.sheetnames[1:4] == ["inspection", "judgements", "cases"],
              "Welsh template: guidance in Welsh, bundle sheets as import reads them",
              r.stderr + str(wb.sheetnames))
        r = run(["template", "--framework", "no-such", "-o", os.path.join(tmp, "x.xlsx")], tmp)
        check(r.returncode == 66 and not os.path.exists(os.path.join(tmp, "x.xlsx")),
              "template of an unknown framework: exit 66, no file", r.stderr)

        # 8. The annexe's Cases sheet re-imports as it is: labels ("Community order", "Case
        #    id") are read as codes, answers are the bundle codes Y/N/NA, and a question the
        #    bundle never collected has no column. Built into a workbook bundle with the
        #    inspection and judgements sheets, it imports into a fresh database with the same
        #    ratings, for the fixture and for a bundle that lacks some questions.
        def cases_sheet(book):
            wb = openpyxl.load_workbook(book)
            ws = wb["Cases"]
            rows_out = None
            for row in ws.iter_rows(values_only=True):
                if rows_out is None and row and row[0] == "Case id":
                    rows_out = []
                if rows_out is not None:
                    rows_out.append(list(row))
            return rows_out

        def round_trip(db, bundle_dir, label, id="north-wales-2025"):
            annexe = os.path.join(tmp, label + "-annexe.xlsx")
            r = run(["--db", db, "annexe", id, "--with-cases", "-o", annexe], tmp)
            check(r.returncode == 0, f"{label}: annexe with cases written", r.stderr)
            out = cases_sheet(annexe)
            if not check(out is not None, f"{label}: the Cases sheet has its table"):
                return None
            answers = {v for row in out[1:] for v in row[1 + 5:]}
            check(answers <= {"Y", "N", "NA"}, f"{label}: answers written Y, N or NA", str(answers))
            check(all(v is not None for row in out for v in row), f"{label}: no blank cell")
            book = openpyxl.Workbook()
            book.remove(book.active)
            for name in ("inspection", "judgements"):
                ws = book.create_sheet(name)
                for row in csv.reader(open(os.path.join(bundle_dir, name + ".csv"),
                                           encoding="utf-8-sig")):
                    ws.append(row)
            ws = book.create_sheet("cases")
            for row in out:
                ws.append(row)
            rt = os.path.join(tmp, label + ".xlsx")
            book.save(rt)
            fresh = os.path.join(tmp, label + "-fresh.db")
            r = run(["--db", fresh, "import", rt], tmp)
            check(r.returncode == 0, f"{label}: the annexe's cases import", r.stderr)
            check("labels as their codes" in r.stderr, f"{label}: labels reported", r.stderr)
            got = ratings(fresh, tmp, id)
            check(got == ratings(db, tmp, id), f"{label}: rate --json identical after the trip",
                  str(got)[:500])
            return out

        out = round_trip(ref, fixture, "annexe round trip")
        if out:
            check(any(v == "Community order" for row in out for v in row),
                  "annexe round trip: the cases sheet holds labels")
        part = os.path.join(tmp, "part")
        shutil.copytree(fixture, part)
        crows = read_csv("cases.csv")
        dropped = [i for i, h in enumerate(crows[0]) if h in ("2.1.1a", "2.1.1b", "2.3.2c")]
        with open(os.path.join(part, "cases.csv"), "w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(
                [[v for i, v in enumerate(row) if i not in dropped] for row in crows])
        pdb = os.path.join(tmp, "part.db")
        r = run(["--db", pdb, "import", "part"], tmp)
        check(r.returncode == 0 and len(dropped) == 3, "bundle lacking three questions imports",
              r.stderr)
        out = round_trip(pdb, part, "uncollected round trip")
        # The annexe takes "collected" from the prepared document: the Prompts sheet shows
        # [x] across the three prompts the bundle lacked, and counts for the others.
        wb = openpyxl.load_workbook(os.path.join(tmp, "uncollected round trip-annexe.xlsx"))
        rows = list(wb["Prompts"].iter_rows(values_only=True))
        head = next(i for i, r in enumerate(rows) if "Prompt" in r)
        code = rows[head].index("Prompt")
        yes = next(i for i, h in enumerate(rows[head]) if h and str(h).startswith("Yes"))
        got = {r[code]: r[yes] for r in rows[head + 1:]}
        check(all(got.get(q) == "[x]" for q in ("2.1.1a", "2.1.1b", "2.3.2c")) and
              isinstance(got.get("2.1.1c"), int),
              "uncollected: [x] for the prompts the bundle lacked, counts for the others",
              str({q: got.get(q) for q in ("2.1.1a", "2.1.1b", "2.3.2c", "2.1.1c")}))
        if out:
            check(not {"2.1.1a", "2.1.1b", "2.3.2c"} & set(out[0]) and "2.1.1" in out[0],
                  "uncollected round trip: no column for a question never collected",
                  str(out[0]))

        # 9. Every accepted variant in a CSV bundle, with one summary line.
        var = os.path.join(tmp, "variants")
        shutil.copytree(fixture, var)
        os.rename(os.path.join(var, "cases.csv"), os.path.join(var, "Cases.csv"))
        text = open(os.path.join(var, "inspection.csv"), encoding="utf-8").read()
        text = text.replace("\nname,", "\nName,").replace("key,value", "key,value,,")
        open(os.path.join(var, "inspection.csv"), "w", encoding="utf-8").write(text)
        crows = read_csv("cases.csv")
        crows[0][0] = "Case_ID"
        crows[1][1] = "Community order" if crows[1][1] == "community" else "Release on licence"
        c211 = crows[0].index("2.1.1")
        # A key question answered NA in the fixture, written N/A.
        for row in crows[1:]:
            if row[c211] == "NA":
                row[c211] = "N/A"
                break
        na_written = sum(row[c211] == "N/A" for row in crows[1:])
        crows[2][c211] = crows[2][c211] + "\u00a0"      # a non-breaking space after the answer
        crows[3][c211] = "\u2003" + crows[3][c211]      # an em space before it
        with open(os.path.join(var, "Cases.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(crows[0])
            w.writerows(crows[1:3])
            f.write(",,,,\n")                          # a wholly blank row
            w.writerows(crows[3:])
        nt = open(os.path.join(var, "narrative.txt"), encoding="utf-8").read()
        open(os.path.join(var, "narrative.txt"), "w", encoding="utf-8").write(
            nt.replace("[foreword]", "[Foreword]", 1))
        expect = ("variants: read 1 label as its code, " +
                  (f"read {na_written} N/A as NA, " if na_written > 1 else "read 1 N/A as NA, " if na_written else "") +
                  "matched 3 names in another letter case, trimmed spaces around 2 values, "
                  "ignored 1 blank row, ignored 2 empty columns after the last header")
        imports("variants", "CSV bundle with every accepted variant", lambda r: check(
            r.stderr.strip() == expect, "variants: one summary line", f"want {expect}\ngot  {r.stderr}"))

        # 10. Lost characters: a '?' inside a word of a name or the narrative warns, with its
        #     position; the import still succeeds.
        lost = os.path.join(tmp, "lost")
        shutil.copytree(fixture, lost)
        text = open(os.path.join(lost, "inspection.csv"), encoding="utf-8").read()
        open(os.path.join(lost, "inspection.csv"), "w", encoding="utf-8").write(
            text.replace("\nregion,Wales\n", "\nregion,G?yr\n").replace("\nname,North Wales", "\nname,North Wa\ufffdes"))
        nt = open(os.path.join(lost, "narrative.txt"), encoding="utf-8").read()
        open(os.path.join(lost, "narrative.txt"), "w", encoding="utf-8").write(
            nt.replace("Leadership in North Wales", "Leadership in Gogledd Cym?u", 1))
        line_no = nt.splitlines().index(next(l for l in nt.splitlines() if l.startswith("Leadership in North Wales"))) + 1
        db = os.path.join(tmp, "lost.db")
        r = run(["--db", db, "import", "lost"], tmp)
        got = r.stderr.splitlines()
        check(r.returncode == 0, "lost characters: still imports", r.stderr)
        for want_line in [
            "lost/inspection.csv:4:2: warning: name \"North Wa\ufffdes\" has a replacement character (U+FFFD) at character 9: the program that wrote this file may have lost a letter there",
            "lost/inspection.csv:5:2: warning: region \"G?yr\" has a '?' inside a word at character 2: the program that wrote this file may have lost a letter there",
            f"lost/narrative.txt:{line_no}:26: warning: a '?' inside a word: the program that wrote this file may have lost a letter there",
        ]:
            check(want_line in got, f"lost characters: {want_line.split(': warning')[0]}", r.stderr)
        check(not any("?" in l and "inspection.csv:" in l and "Probation" in l for l in got),
              "a question mark at the end of a sentence is no warning")

        # 11. LibreOffice: a flat ODS with a date typed as a date, a formula and a number
        #     stored as text, converted to XLSX by LibreOffice itself.
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        check(soffice is not None, "LibreOffice is installed (libreoffice-calc-nogui)")
        if soffice:
            fods = os.path.join(tmp, "lo.fods")
            write_fods(fods, insp, judg, cases)
            prof = "file://" + os.path.join(tmp, "lo-profile")
            r = subprocess.run([soffice, f"-env:UserInstallation={prof}", "--headless",
                                "--convert-to", "xlsx", "--outdir", tmp, fods],
                               capture_output=True, text=True, timeout=180)
            lo = os.path.join(tmp, "lo.xlsx")
            check(os.path.exists(lo), "LibreOffice converted the sheet", r.stdout + r.stderr)
            if os.path.exists(lo):
                imports(lo, "LibreOffice workbook")


def write_fods(path, insp, judg, cases):
    """A flat OpenDocument spreadsheet: fieldwork_start a date value, caseload a formula,
    the case ids' digits typed as text."""
    from xml.sax.saxutils import escape, quoteattr

    def cell(v, key=None):
        if key == "fieldwork_start":
            return (f'<table:table-cell office:value-type="date" office:date-value="{v}" '
                    f'table:style-name="date"><text:p>{v}</text:p></table:table-cell>')
        if key == "caseload":
            return (f'<table:table-cell table:formula="of:=2000+660" office:value-type="float" '
                    f'office:value="{v}"><text:p>{v}</text:p></table:table-cell>')
        if v == "":
            return "<table:table-cell/>"
        return f'<table:table-cell office:value-type="string"><text:p>{escape(v)}</text:p></table:table-cell>'

    def table(name, rows, keyed=False):
        out = [f"<table:table table:name={quoteattr(name)}>"]
        for row in rows:
            out.append("<table:table-row>" + "".join(
                cell(v, row[0] if keyed and i == 1 else None) for i, v in enumerate(row)) +
                "</table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    doc = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
           'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
           'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
           '<office:automatic-styles><number:date-style style:name="dmy"><number:day number:style="long"/>'
           '<number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text>'
           '<number:year number:style="long"/></number:date-style>'
           '<style:style style:name="date" style:family="table-cell" style:data-style-name="dmy"/>'
           '</office:automatic-styles><office:body><office:spreadsheet>' +
           table("inspection", insp, keyed=True) + table("judgements", judg) + table("cases", cases) +
           '</office:spreadsheet></office:body></office:document>')
    open(path, "w", encoding="utf-8").write(doc)


run_main(main)
