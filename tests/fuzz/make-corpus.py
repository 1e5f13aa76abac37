#!/usr/bin/python3
"""Writes the seed corpus of the XLSX reader's fuzz target (corpus/xlsx): small
workbooks that reach every kind of cell and every refusal, and broken ones.
Run it again after changing a case; the fuzzer adds its own finds beside them."""
import io, os, shutil, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "import"))
import rawxlsx  # noqa: E402

OUT = os.path.join(HERE, "corpus", "xlsx")
shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)

insp = [["key", "value"], ["id", "gwyr-2025"], ["name", "Gŵyr"],
        ["fieldwork_start", {"v": "45901", "s": 1}], ["caseload", {"f": "2000+660", "v": "2660"}]]
cases = [["case_id", "sentence_type", "2.1.1", "2.1.1a"],
         ["C1", "community", "Y", {"t": "inlineStr", "is": "N/A"}],
         ["C2", {"t": "b", "v": "1"}, {"t": "e", "v": "#N/A"}, {"v": "0.5", "s": 3}],
         (9, ["C3", "Release on licence", {"t": "str", "f": "\"Y\"", "v": "Y"}, None])]

def book(name, **kw):
    path = os.path.join(OUT, name)
    rawxlsx.write(path, [("inspection", insp), ("cases", cases)], **kw)
    return path

book("plain.xlsx")
book("date1904.xlsx", date1904=True)
book("no-refs.xlsx", refs=False)
book("prefixed.xlsx", prefix="x:")
book("merged.xlsx", merges={"cases": ["B3:C3", "A9"]})
rawxlsx.write(os.path.join(OUT, "shared-index.xlsx"),
              [("cases", [[{"t": "s", "v": "99"}, {"t": "s", "v": "-1"}, {"t": "s", "v": ""}]])])
rawxlsx.write(os.path.join(OUT, "bad-refs.xlsx"),
              [("cases", [[{"v": "1"}], (3, ["x"]), (2, ["y"])])])
rawxlsx.write(os.path.join(OUT, "numbers.xlsx"),
              [("n", [[1e300, -0.0, 0.1, 123456789012345678, {"v": "1e"}, {"v": "nan"}]])])

# Damaged packages: made from plain.xlsx by changing one thing.
plain = open(os.path.join(OUT, "plain.xlsx"), "rb").read()
open(os.path.join(OUT, "truncated.xlsx"), "wb").write(plain[: len(plain) // 2])
open(os.path.join(OUT, "not-zip.xlsx"), "wb").write(b"key,value\nid,x\n")

def variant(name, change):
    src = zipfile.ZipFile(io.BytesIO(plain))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            data = change(item.filename, data)
            if data is not None:
                z.writestr(item.filename, data)
    open(os.path.join(OUT, name), "wb").write(out.getvalue())

variant("no-workbook.xlsx", lambda n, d: None if n == "xl/workbook.xml" else d)
variant("no-rels.xlsx", lambda n, d: None if n.endswith("workbook.xml.rels") else d)
variant("bad-xml.xlsx", lambda n, d: d[:-20] if n.endswith("sheet2.xml") else d)
variant("no-styles.xlsx", lambda n, d: None if n.endswith("styles.xml") else d)
variant("entity.xlsx", lambda n, d: (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                                     b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + d[d.index(b"?>") + 2:].replace(b"Y<", b"&b;<", 1))
        if n.endswith("sheet2.xml") else d)
variant("rich-text.xlsx", lambda n, d: d.replace(b'<si><t xml:space="preserve">Y</t></si>',
                                                 b'<si><r><t>Y</t></r><rPh><t>why</t></rPh></si>')
        if n.endswith("sharedStrings.xml") else d)
print(f"{len(os.listdir(OUT))} corpus files written")
