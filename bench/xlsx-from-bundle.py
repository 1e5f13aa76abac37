#!/usr/bin/python3
"""Writes a CSV bundle as one workbook the way Excel stores it: text in shared
strings, every cell with its reference, sheets compressed. The sheets are
streamed into the zip, so a 100,000-case bundle needs little memory.

usage: xlsx-from-bundle.py BUNDLE_DIR OUT.xlsx"""
import csv, os, sys, zipfile
from xml.sax.saxutils import escape

bundle, out = sys.argv[1:3]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
names = ["inspection", "judgements", "cases"]
strings, index = [], {}

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for n, name in enumerate(names, start=1):
        with open(os.path.join(bundle, name + ".csv"), encoding="utf-8-sig", newline="") as f, \
             z.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as w:
            w.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>'.encode())
            cols = None
            for r, row in enumerate(csv.reader(f), start=1):
                if cols is None:
                    cols = [col(i) for i in range(len(row))]
                parts = [f'<row r="{r}">']
                for c, v in zip(cols, row):
                    if v == "":
                        continue
                    i = index.get(v)
                    if i is None:
                        i = index[v] = len(strings)
                        strings.append(v)
                    parts.append(f'<c r="{c}{r}" t="s"><v>{i}</v></c>')
                parts.append("</row>")
                w.write("".join(parts).encode())
            w.write(b"</sheetData></worksheet>")
    z.writestr("xl/sharedStrings.xml",
               f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} uniqueCount="{len(strings)}">' +
               "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    z.writestr("xl/workbook.xml",
               f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
               "".join(f'<sheet name="{s}" sheetId="{i}" r:id="rId{i}"/>' for i, s in enumerate(names, 1)) +
               "</sheets></workbook>")
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    z.writestr("xl/_rels/workbook.xml.rels",
               '<?xml version="1.0" encoding="UTF-8"?><Relationships '
               'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
               "".join(f'<Relationship Id="rId{i}" Type="{rel}worksheet" Target="worksheets/sheet{i}.xml"/>'
                       for i in range(1, 4)) +
               f'<Relationship Id="rId4" Type="{rel}sharedStrings" Target="sharedStrings.xml"/>'
               "</Relationships>")
    z.writestr("[Content_Types].xml",
               '<?xml version="1.0" encoding="UTF-8"?><Types '
               'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="xml" ContentType="application/xml"/></Types>')
