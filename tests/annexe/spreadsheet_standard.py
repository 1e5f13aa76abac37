#!/usr/bin/python3
"""Checks a workbook against the essentials of the Analysis Function's
"Releasing statistics in spreadsheets" (see README "Workbook structure").

usage: spreadsheet_standard.py [--template] FILE.xlsx...   (exit 1 when any file has a problem)
or, from a test: problems(path) -> list of "sheet!cell: what is wrong" strings;
template_problems(path) for the data-entry workbook (the essentials a form can meet).

It reads every worksheet with openpyxl and the package's raw XML for what
openpyxl drops (drawings, chart alt text, print headers). What it demands:
  - sheet 1 is a cover: text in column A only, no table;
  - sheet 2 is a contents table linking (internal hyperlinks to sheets that
    exist) to every sheet after it; sheet 3 is a notes table whose first
    column is "[note N]", and every "[note N]" used anywhere is one of them;
  - every sheet after the cover holds exactly one table with one header row,
    a title in A1 and only column-A text above the table, nothing below or
    beside it, and no blank cell inside it; no sheet is empty;
  - no merged cells, no print header or footer anywhere;
  - shorthand only [c], [x] or [z]; no number stored as text; a table column
    holding numbers holds only numbers and shorthand; a column with a
    percentage format says "%" in its header;
  - every chart has alternative text that gives each value it draws (as a
    whole percentage, or the shorthand shown instead) and draws only cells
    inside the table of its sheet;
  - wrapped text longer than its column has a row height to show it;
  - document title, subject, author, keywords and creation time are set.
"""
import re
import sys
import posixpath
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
from openpyxl.utils.cell import range_boundaries, coordinate_from_string, column_index_from_string

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
SHORTHAND = {"[c]", "[x]", "[z]"}
BRACKETED = re.compile(r"^\[[^\]]*\]$")
NUMBER_AS_TEXT = re.compile(r"^\s*[-+]?\d+([.,]\d+)?\s*%?\s*$")
NOTE_REF = re.compile(r"\[note (\d+)\]")


def _rels(z, part):
    """Relationship id -> target part path for PART."""
    d, base = posixpath.split(part)
    rels = posixpath.join(d, "_rels", base + ".rels")
    if rels not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(rels)).findall("pr:Relationship", NS):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target")
        # Targets are relative to the part, or absolute from the package root.
        out[rel.get("Id")] = target.lstrip("/") if target.startswith("/") \
            else posixpath.normpath(posixpath.join(d, target))
    return out


def _sheet_parts(z):
    """[(sheet name, worksheet part)] in workbook order."""
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = _rels(z, "xl/workbook.xml")
    return [(s.get("name"), rels[s.get("{%s}id" % NS["r"])])
            for s in wb.find("m:sheets", NS).findall("m:sheet", NS)]


def _charts(z, sheet_part):
    """[(alt text, chart part)] of the drawings on one sheet."""
    out = []
    srels = _rels(z, sheet_part)
    x = ET.fromstring(z.read(sheet_part))
    for dr in x.findall("m:drawing", NS):
        dpart = srels[dr.get("{%s}id" % NS["r"])]
        drels = _rels(z, dpart)
        d = ET.fromstring(z.read(dpart))
        for frame in d.iter("{%s}graphicFrame" % NS["xdr"]):
            pr = frame.find("xdr:nvGraphicFramePr/xdr:cNvPr", NS)
            chart = frame.find(".//c:chart", NS)
            alt = (pr.get("descr") or "") if pr is not None else ""
            if chart is not None:
                out.append((alt, drels[chart.get("{%s}id" % NS["r"])]))
    return out


def _ref_cells(ref):
    """'Sheet name'!$B$5:$B$9 -> (sheet, min_col, min_row, max_col, max_row)."""
    sheet, _, rng = ref.rpartition("!")
    sheet = sheet.strip("'").replace("''", "'")
    c1, r1, c2, r2 = range_boundaries(rng.replace("$", ""))
    return sheet, c1, r1, c2, r2


def percent_text(v):
    """A fraction as the whole percentage a reader sees with a 0% format (half up)."""
    n = (Decimal(repr(v)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{n}%"


def _blank(v):
    return v is None or (isinstance(v, str) and not v.strip())


def _properties(wb, out):
    """Document title, subject, author, keywords and creation time."""
    p = wb.properties
    for what, v in (("title", p.title), ("subject", p.subject), ("author", p.creator),
                    ("keywords", p.keywords), ("created", p.created)):
        if _blank(v):
            out.append(f"document property {what} is not set")


def _sheet_basics(z, name, part, ws, out):
    """What every sheet of any workbook must meet: no merged cells, no print header or
    footer, not empty, a title or heading in A1, shorthand only [c] [x] [z], no number
    stored as text, wrapped text in a row tall enough. Returns the non-blank cells as
    (row, column, cell)."""
    x = z.read(part).decode("utf-8")
    if "<mergeCell " in x:
        out.append(f"{name}: merged cells")
    if re.search(r"<(oddHeader|oddFooter|evenHeader|evenFooter|firstHeader|firstFooter)>", x):
        out.append(f"{name}: print header or footer")
    cells = [(c.row, c.column, c) for row in ws.iter_rows() for c in row if not _blank(c.value)]
    if not cells:
        out.append(f"{name}: empty sheet")
        return cells
    if _blank(ws["A1"].value):
        out.append(f"{name}!A1: no title")
    for r, col, c in cells:
        v = c.value
        if isinstance(v, str):
            if BRACKETED.match(v.strip()) and v.strip() not in SHORTHAND \
                    and not NOTE_REF.fullmatch(v.strip()):
                out.append(f"{name}!{c.coordinate}: shorthand {v!r} is not [c], [x] or [z]")
            if NUMBER_AS_TEXT.match(v):
                out.append(f"{name}!{c.coordinate}: number stored as text {v!r}")
        if c.alignment.wrap_text and isinstance(v, str):
            width = ws.column_dimensions[c.column_letter].width or 8.43
            chars = max(len(line) for line in v.split("\n"))
            lines = sum(max(1, -(-len(line) // max(1, int(width * 1.1)))) for line in v.split("\n"))
            height = ws.row_dimensions[r].height
            if (lines > 1 or chars > width * 1.2) and (height is None or height < 12 * lines):
                out.append(f"{name}!{c.coordinate}: wrapped text of {lines} lines in a row "
                           f"{height or 'of default height'}")
    return cells


def template_problems(path, entry_sheets=("inspection", "judgements", "cases")):
    """The essentials a data-entry workbook can meet (README "The data-entry template"):
    instructions first (text in column A, no table); on every other sheet one header row,
    row 1 (import reads it there, so no title block), bold and frozen, nothing to the
    right of it; a sheet that is only read (not in ENTRY_SHEETS) is exactly one table from
    A1 with no blank cell; no merged cells, print headers or footers; any chart with
    alternative text; document properties and the Language custom property. The rules
    for figures (cover, contents and notes sheets, a table on every sheet, no blank cell
    in a sheet waiting to be filled) do not apply to a form."""
    out = []
    z = zipfile.ZipFile(path)
    wb = openpyxl.load_workbook(path)
    parts = _sheet_parts(z)
    _properties(wb, out)
    if "docProps/custom.xml" not in z.namelist() or \
            not re.search(rb'name="Language"><vt:lpwstr>[A-Za-z]', z.read("docProps/custom.xml")):
        out.append("custom document property Language is not set")
    for i, (name, part) in enumerate(parts):
        ws = wb[name]
        cells = _sheet_basics(z, name, part, ws, out)
        tables = list(ws.tables.values())
        for alt, cpart in _charts(z, part):
            if not alt.strip():
                out.append(f"{name}: chart {cpart} has no alternative text")
        if not cells:
            continue
        if i == 0:
            if tables:
                out.append(f"{name}: the instructions hold a table")
            out.extend(f"{name}!{c.coordinate}: instructions outside column A"
                       for r, col, c in cells if col != 1)
            continue
        last = max(col for r, col, c in cells if r == 1)
        for col in range(1, last + 1):
            c = ws.cell(1, col)
            if _blank(c.value) or not c.font.b:
                out.append(f"{name}!{c.coordinate}: not a bold heading of the header row")
        out.extend(f"{name}!{c.coordinate}: {c.value!r} right of the header row"
                   for r, col, c in cells if col > last)
        if not (ws.freeze_panes or "").endswith("2"):
            out.append(f"{name}: the header row is not frozen ({ws.freeze_panes})")
        if name in entry_sheets:
            continue
        if len(tables) != 1:
            out.append(f"{name}: {len(tables)} tables, not exactly one")
            continue
        c1, r1, c2, r2 = range_boundaries(tables[0].ref)
        if (c1, r1, c2) != (1, 1, last) or r2 < max(r for r, col, c in cells):
            out.append(f"{name}: table {tables[0].ref} is not the whole sheet from A1")
        for row in ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2):
            out.extend(f"{name}!{c.coordinate}: blank cell inside the table"
                       for c in row if _blank(c.value))
    if not parts or parts[0][0] in entry_sheets:
        out.append("the first sheet is not the instructions")
    return out


def problems(path):
    out = []
    z = zipfile.ZipFile(path)
    wb = openpyxl.load_workbook(path)
    parts = _sheet_parts(z)
    names = [n for n, _ in parts]
    if not names:
        return [f"{path}: no sheets"]

    _properties(wb, out)
    notes_defined = set()
    notes_used = {}
    tables_of = {}
    for i, (name, part) in enumerate(parts):
        ws = wb[name]
        cells = _sheet_basics(z, name, part, ws, out)
        if not cells:
            continue
        for r, col, c in cells:
            if isinstance(c.value, str):
                for m in NOTE_REF.finditer(c.value):
                    notes_used.setdefault(int(m.group(1)), f"{name}!{c.coordinate}")

        tables = list(ws.tables.values())
        tables_of[name] = tables
        if i == 0:
            if tables:
                out.append(f"{name}: the cover holds a table")
            for r, col, c in cells:
                if col != 1:
                    out.append(f"{name}!{c.coordinate}: cover text outside column A")
            continue
        if len(tables) != 1:
            out.append(f"{name}: {len(tables)} tables, not exactly one")
            continue
        t = tables[0]
        c1, r1, c2, r2 = range_boundaries(t.ref)
        if t.headerRowCount == 0 or (t.totalsRowCount or 0) > 0:
            out.append(f"{name}: table {t.displayName} needs one header row and no totals row")
        if r2 <= r1:
            out.append(f"{name}: table {t.displayName} has no data row")
        for r, col, c in cells:
            inside = r1 <= r <= r2 and c1 <= col <= c2
            if not inside and not (r < r1 and col == 1):
                out.append(f"{name}!{c.coordinate}: {c.value!r} outside the table and its title block")
        grid = {}
        for row in ws.iter_rows(min_row=r1, max_row=r2, min_col=c1, max_col=c2):
            for c in row:
                grid[(c.row, c.column)] = c
                if _blank(c.value):
                    out.append(f"{name}!{c.coordinate}: blank cell inside table {t.displayName}")
        for col in range(c1, c2 + 1):
            header = grid[(r1, col)].value
            body = [grid[(r, col)] for r in range(r1 + 1, r2 + 1)]
            numeric = [c for c in body if isinstance(c.value, (int, float))]
            if numeric:
                for c in body:
                    if not isinstance(c.value, (int, float)) and not _blank(c.value) \
                            and c.value not in SHORTHAND:
                        out.append(f"{name}!{c.coordinate}: {c.value!r} in a column of numbers")
            if any("%" in (c.number_format or "") for c in numeric) and "%" not in str(header):
                out.append(f"{name}: column {header!r} holds percentages but its header has no '%'")

        if i == 1:
            targets = set()
            for row in ws.iter_rows(min_row=r1 + 1, max_row=r2, min_col=c1, max_col=c2):
                for c in row:
                    if c.hyperlink is not None:
                        loc = c.hyperlink.location or ""
                        sheet = loc.rpartition("!")[0].strip("'").replace("''", "'")
                        if sheet not in names:
                            out.append(f"{name}!{c.coordinate}: link to {loc!r}, no such sheet")
                        targets.add(sheet)
            for n in names[2:]:
                if n not in targets:
                    out.append(f"{name}: no link to sheet {n!r}")
        if i == 2:
            for r in range(r1 + 1, r2 + 1):
                m = NOTE_REF.fullmatch(str(grid[(r, c1)].value))
                if not m:
                    out.append(f"{name}!{grid[(r, c1)].coordinate}: not a note number '[note N]'")
                else:
                    notes_defined.add(int(m.group(1)))

        # Charts: alternative text giving the values, data inside this sheet's table.
        for alt, cpart in _charts(z, part):
            if not alt.strip():
                out.append(f"{name}: chart {cpart} has no alternative text")
            cx = ET.fromstring(z.read(cpart))
            for f in cx.iterfind(".//c:val/c:numRef/c:f", NS):
                sheet, a1, b1, a2, b2 = _ref_cells(f.text)
                if sheet != name or not (c1 <= a1 and a2 <= c2 and r1 < b1 and b2 <= r2):
                    out.append(f"{name}: chart {cpart} draws {f.text}, not from this sheet's table")
                    continue
                for row in wb[sheet].iter_rows(min_row=b1, max_row=b2, min_col=a1, max_col=a2):
                    for c in row:
                        v = c.value
                        want = percent_text(v) if isinstance(v, (int, float)) else str(v)
                        if want not in alt:
                            out.append(f"{name}: chart {cpart} alt text lacks the value {want} "
                                       f"of {c.coordinate}")
                            break
    if len(names) < 3:
        out.append("fewer than three sheets: no cover, contents and notes")
    for n, where in sorted(notes_used.items()):
        if n not in notes_defined:
            out.append(f"{where}: refers to [note {n}], which the notes sheet does not have")
    return out


def main(argv):
    bad = 0
    check = problems
    if argv and argv[0] == "--template":
        check, argv = template_problems, argv[1:]
    for path in argv:
        ps = check(path)
        for p in ps:
            print(f"{path}: {p}")
        bad += bool(ps)
        if not ps:
            print(f"{path}: meets the standard")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
