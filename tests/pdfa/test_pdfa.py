#!/usr/bin/python3
"""PDF/A-2a and PDF/UA-1 at the level of the whole file (pdfa_check.py).

Usage: test_pdfa.py PDUREP_BINARY SOURCE_ROOT

Renders the North Wales report in English and in Welsh and the Wales region
report, and expects no problem from pdfa_check: a PDF 1.7 header, correct
ToUnicode maps for every code shown, Ordering (Identity), XMP agreeing with
Info (with the publication date), the sRGB output intent, a content-derived
/ID, DisplayDocTitle, nothing poppler or qpdf
complains of. Then it breaks a correct file one way at a time and expects the
checker to name each break, so that a pass means something.
"""

import os
import re
import shutil
import sys
import tempfile

import pikepdf

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import check, run_main, wales_bundles  # noqa: E402
from pdfcheck import run  # noqa: E402
import pdfa_check  # noqa: E402

EPOCH = "1767225600"

# libharu 2.3.0's own ToUnicode: its encoding CMap, which a ToUnicode may not be.
LIBHARU_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /UTF-8 def
/CMapType 1 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginnotdefrange
<00> <1F> 1
endnotdefrange
1 begincidrange
<0000> <FFFF> 0
endcidrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def first_font(pdf):
    for page in pdf.pages:
        for _, f in page.Resources.get("/Font", {}).items():
            return f
    return None


def break_file(src, dst, how):
    """Write @src broken in one way to @dst."""
    if how == "id":
        raw = bytearray(open(src, "rb").read())
        at = raw.rfind(b"/ID [ <") + 7
        raw[at:at + 2] = b"00" if raw[at:at + 2] != b"00" else b"11"
        raw[at + 35:at + 37] = raw[at:at + 2]
        open(dst, "wb").write(raw)
        return
    with pikepdf.open(src) as pdf:
        f = first_font(pdf)
        if how == "libharu-cmap":
            f.ToUnicode.write(LIBHARU_CMAP)
        elif how == "drop-code":
            data = f.ToUnicode.read_bytes().decode("latin-1")
            # Take out the space, which every face shows.
            data2 = re.sub(r"<0020> <0020>\n", "", data)
            if data2 == data:
                data2 = re.sub(r"<0020> <([0-9A-F]{4})> <0020>", r"<0021> <\1> <0021>", data)
            f.ToUnicode.write(data2.encode("latin-1"))
        elif how == "ordering":
            f.DescendantFonts[0].CIDSystemInfo.Ordering = pikepdf.String("Identity-H")
        elif how == "title":
            pdf.docinfo.Title = pikepdf.String("Another title")
        elif how == "no-pdfuaid-schema":
            xmp = pdf.Root.Metadata.read_bytes()
            xmp = re.sub(rb"<rdf:li rdf:parseType=\"Resource\">\s*<pdfaSchema:schema>PDF/UA.*?</pdfaSchema:property>\s*</rdf:li>",
                         b"", xmp, flags=re.S)
            pdf.Root.Metadata.write(xmp)
        elif how == "no-output-intent":
            del pdf.Root.OutputIntents
        elif how == "no-display-title":
            pdf.Root.ViewerPreferences.DisplayDocTitle = False
        elif how == "version":
            pass
        pdf.save(dst, static_id=True, force_version="1.4" if how == "version" else None)


BREAKS = [
    ("libharu-cmap", "uses begincidrange"),
    ("drop-code", "codes shown but not in ToUnicode"),
    ("ordering", "Ordering is 'Identity-H'"),
    ("title", "dc:title"),
    ("no-pdfuaid-schema", "http://www.aiim.org/pdfua/ns/id/ is used but not declared"),
    ("no-output-intent", "/OutputIntents"),
    ("no-display-title", "DisplayDocTitle"),
    ("version", "not %PDF-1.7"),
    ("id", "not the SHA-256"),
]


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": EPOCH}
    tmp = tempfile.mkdtemp(prefix="pdurep-pdfa-")
    try:
        db = os.path.join(tmp, "x.db")
        for bundle in wales_bundles(root):
            r = run([pdurep, "--db", db, "import", bundle], env)
            check(r.returncode == 0, f"import {os.path.basename(bundle)}", r.stderr)
        docs = [("north-wales.pdf", ["report", "north-wales-2025"], None),
                ("north-wales.cy.pdf", ["report", "north-wales-2025", "--lang", "cy"], None),
                ("wales.pdf", ["report", "wales-2025"], "2026-01-21")]
        for name, args, published in docs:
            path = os.path.join(tmp, name)
            r = run([pdurep, "--db", db] + args + ["-o", path], env)
            if not check(r.returncode == 0, f"{name}: written", r.stderr):
                continue
            probs = pdfa_check.problems(path, published)
            check(not probs, f"{name}: no PDF/A or PDF/UA file-level problem", "\n".join(probs))

        good = os.path.join(tmp, "north-wales.pdf")
        if not os.path.isfile(good):
            return
        for how, expect in BREAKS:
            bad = os.path.join(tmp, f"broken-{how}.pdf")
            break_file(good, bad, how)
            probs = pdfa_check.problems(bad, poppler=how in ("libharu-cmap",))
            hit = [p for p in probs if expect in p]
            check(hit, f"the checker catches a file broken by {how}", "\n".join(probs) or "no problem found")
        # libharu's own map is also what made poppler warn.
        bad = os.path.join(tmp, "broken-libharu-cmap.pdf")
        probs = pdfa_check.poppler_quiet(bad)
        check(probs, "poppler warns about libharu's ToUnicode (so its silence on ours counts)",
              "no warning")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
