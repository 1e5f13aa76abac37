"""Writes XLSX files part by part, so a test can hold exactly what a reader
must cope with: inline strings, formulas with cached values, the 1904 date
system, booleans, merged cells, rows and cells without references, sheets in
any order. No spreadsheet program writes all of these on request.

A sheet is a list of rows; a row is a list of cells or (row_number, cells).
A cell is None (absent), a str (shared string), an int or float (number), or
a dict of the raw attributes and children:
  {"t": "inlineStr", "is": "text"}, {"f": "1+1", "v": "2"},
  {"t": "b", "v": "1"}, {"v": "45000", "s": 1} (s=1: the date style)."""
import zipfile
from xml.sax.saxutils import escape

def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

def write(path, sheets, date1904=False, merges=None, refs=True, prefix=""):
    """sheets: list of (name, rows). merges: {sheet name: ["B3:C3"]}.
    refs=False leaves out every r attribute; prefix names the main namespace (e.g. "x:")."""
    merges = merges or {}
    shared, index = [], {}
    def sst(s):
        if s not in index:
            index[s] = len(shared)
            shared.append(s)
        return index[s]
    p = prefix
    ns = f'xmlns{":" + p[:-1] if p else ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    parts = {}
    for n, (name, rows) in enumerate(sheets, start=1):
        out = [f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {ns}><{p}sheetData>']
        rn = 0
        for row in rows:
            if isinstance(row, tuple):
                rn, row = row
            else:
                rn += 1
            out.append(f'<{p}row r="{rn}">' if refs else f'<{p}row>')
            for ci, cell in enumerate(row):
                if cell is None:
                    continue
                r = f' r="{col_name(ci)}{rn}"' if refs else ""
                if isinstance(cell, str):
                    out.append(f'<{p}c{r} t="s"><{p}v>{sst(cell)}</{p}v></{p}c>')
                elif isinstance(cell, (int, float)):
                    out.append(f'<{p}c{r}><{p}v>{cell}</{p}v></{p}c>')
                else:
                    attrs = "".join(f' {k}="{cell[k]}"' for k in ("t", "s") if k in cell)
                    body = ""
                    if "f" in cell:
                        body += f'<{p}f>{escape(cell["f"])}</{p}f>'
                    if "is" in cell:
                        body += f'<{p}is><{p}t>{escape(cell["is"])}</{p}t></{p}is>'
                    if "v" in cell:
                        body += f'<{p}v>{escape(str(cell["v"]))}</{p}v>'
                    out.append(f'<{p}c{r}{attrs}>{body}</{p}c>')
            out.append(f'</{p}row>')
        out.append(f'</{p}sheetData>')
        if name in merges:
            out.append(f'<{p}mergeCells count="{len(merges[name])}">' +
                       "".join(f'<{p}mergeCell ref="{m}"/>' for m in merges[name]) + f'</{p}mergeCells>')
        out.append(f'</{p}worksheet>')
        parts[f"xl/worksheets/sheet{n}.xml"] = "".join(out)
    sheet_list = "".join(f'<{p}sheet name="{escape(name)}" sheetId="{n}" r:id="rId{n}"/>'
                         for n, (name, _) in enumerate(sheets, start=1))
    d1904 = ' date1904="1"' if date1904 else ""
    parts["xl/workbook.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}workbook {ns} '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<{p}workbookPr{d1904}/><{p}sheets>{sheet_list}</{p}sheets></{p}workbook>')
    rels = "".join(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
                   for n in range(1, len(sheets) + 1))
    k = len(sheets)
    rels += (f'<Relationship Id="rId{k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
             f'<Relationship Id="rId{k + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    parts["xl/_rels/workbook.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}sst {ns} count="{len(shared)}" uniqueCount="{len(shared)}">' +
        "".join(f'<{p}si><{p}t xml:space="preserve">{escape(s)}</{p}t></{p}si>' for s in shared) + f'</{p}sst>')
    # Style 1 shows a custom day-first date, style 2 a built-in date (14), style 3 a time only.
    parts["xl/styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}styleSheet {ns}>'
        f'<{p}numFmts count="2"><{p}numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
        f'<{p}numFmt numFmtId="165" formatCode="[h]:mm:ss"/></{p}numFmts>'
        f'<{p}cellXfs count="4"><{p}xf numFmtId="0"/><{p}xf numFmtId="164"/><{p}xf numFmtId="14"/>'
        f'<{p}xf numFmtId="165"/></{p}cellXfs></{p}styleSheet>')
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/></Types>')
    parts["_rels/.rels"] = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            z.writestr(name, parts[name])
