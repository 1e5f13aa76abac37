#!/usr/bin/python3
"""The report defects of issue 10, item 7, each checked where it showed.

Usage: test_defects.py PDUREP_BINARY SOURCE_ROOT

- every-section-pdu.yaml and every-section-region.yaml (tests/report) use
  every section type of a PDU and of a region report, each section that takes
  a case attribute once for every attribute, on North Wales and Wales: no text outside
  the margins or in the running header and footer bands (a chart taller than a
  page is split), no comparison keeps the sentence-type heading, no page is
  left nearly empty under a heading;
- a narrative with its own "…should:" lead-in gets no second one;
- after a panel override, the standard's footnote says what the cases would
  give and that the panel set the rating, and the ratings table marks it;
- a percentage with no relevant case prints the shorthand, never "n/a%";
- the shipped layouts let short sections share a page: no page of the North
  Wales report is under a quarter full except the last, and without
  `share-page` the report is longer.
"""

import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, edit, run_main, wales_bundles  # noqa: E402
from pdfcheck import REPORT_MARGINS as MARGINS, run, words, words_outside  # noqa: E402

EPOCH = "1767225600"
MM = 72 / 25.4
PAGE_H = 841.89
HEADER, FOOTER = 12 * MM, 11 * MM  # the bands of every-section.yaml and the shipped layouts
HERE = os.path.dirname(os.path.abspath(__file__))


def page_words(pdf):
    """Per page: list of (text, x0, y0, x1, y1), top-left origin."""
    bbox = run(["pdftotext", "-bbox", pdf, "-"]).stdout
    out = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", bbox, re.S):
        out.append([(m.group(5), *map(float, m.groups()[:4])) for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            page)])
    return out


def band_problems(pdf):
    """Words that reach into the header or footer band from the body, per page."""
    top, _, bottom, _ = MARGINS
    body_top, body_bottom = top + HEADER, PAGE_H - bottom - FOOTER
    out = []
    for i, ws in enumerate(page_words(pdf)):
        if i == 0:
            continue  # the cover has no running header or footer
        head = [w for w in ws if w[4] <= body_top + 0.5]
        foot = [w for w in ws if w[2] >= body_bottom - 0.5]
        # The running head and the footer are one line each: one baseline per band.
        for name, band in (("header", head), ("footer", foot)):
            if len({round(w[4]) for w in band}) > 1:
                out.append(f"page {i + 1}: body text in the {name} band: "
                           f"{' '.join(w[0] for w in band)[:120]}")
        for w in ws:
            if w[2] < body_top - 0.5 < w[4] or w[2] < body_bottom + 0.5 < w[4]:
                out.append(f"page {i + 1}: '{w[0]}' straddles the edge of the body")
    return out


def fullness(pdf):
    """Per page: share of the body height above the lowest body word (0..1)."""
    top, _, bottom, _ = MARGINS
    body_top, body_bottom = top + HEADER, PAGE_H - bottom - FOOTER
    out = []
    for ws in page_words(pdf):
        body = [w for w in ws if w[2] >= body_top and w[4] <= body_bottom]
        low = max((w[4] for w in body), default=body_top)
        out.append((low - body_top) / (body_bottom - body_top))
    return out


def page_count(pdf):
    return int(re.search(r"Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout).group(1))


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": EPOCH}
    tmp = tempfile.mkdtemp(prefix="pdurep-defects-")
    try:
        db = os.path.join(tmp, "x.db")
        for bundle in wales_bundles(root):
            r = run([pdurep, "--db", db, "import", bundle], env)
            check(r.returncode == 0, f"import {os.path.basename(bundle)}", r.stderr)

        # ---- every section type, every attribute -------------------------------
        shutil.copytree(os.path.join(root, "layouts", "strings"), os.path.join(tmp, "strings"))
        for ident, name, lay in (("north-wales-2025", "every-nw.pdf", "every-section-pdu.yaml"),
                                 ("wales-2025", "every-wales.pdf", "every-section-region.yaml")):
            layout = os.path.join(tmp, lay)
            shutil.copy(os.path.join(HERE, lay), layout)
            pdf = os.path.join(tmp, name)
            r = run([pdurep, "--db", db, "report", ident, "--layout", layout, "-o", pdf], env)
            if not check(r.returncode == 0, f"{ident}: report with every section type", r.stderr):
                continue
            outside, n = words_outside(pdf, MARGINS)
            check(n > 1000 and not outside, f"{ident}: no text outside the margins", str(outside[:5]))
            probs = band_problems(pdf)
            check(not probs, f"{ident}: nothing drawn into the running header or footer", "\n".join(probs[:5]))
            text = words(run(["pdftotext", pdf, "-"]).stdout)
            texts = [words(run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1), pdf, "-"]).stdout)
                     for i in range(page_count(pdf))]
            if ident == "north-wales-2025":
                # The contents and the one comparison's page.
                hits = [i + 1 for i, t in enumerate(texts) if "Key questions by type of sentence" in t]
                check(len(hits) == 2, f"{ident}: only the sentence-type comparison has the "
                      "sentence-type heading", f"on pages {hits}")
            if ident == "north-wales-2025":
                for label in ("risk of serious harm", "gender", "ethnicity", "Probation Reset"):
                    check(f"Key questions by {label}" in text, f"{ident}: a comparison titled by {label}")
                check("for community orders beside the result for releases on licence" in text and
                      text.count("for community orders beside") == 1,
                      f"{ident}: only the sentence-type comparison has the sentence-type intro")
            # A page that opens a comparison or breakdown holds its chart or table too.
            # (Its title is on the page twice: as the running head and as the heading.)
            full = fullness(pdf)
            alone = [i + 1 for i, t in enumerate(texts)
                     if len(re.findall(r"(?:Key questions|Pooled key questions) by \w", t[:400])) >= 2
                     and full[i] < 0.5 and "Contents" not in t[:80]]
            check(not alone, f"{ident}: no comparison or breakdown heading left on a nearly empty page",
                  ", ".join(f"page {p}: {full[p - 1]:.0%}" for p in alone))

        # ---- the shipped layout shares pages -----------------------------------
        pdf = os.path.join(tmp, "nw.pdf")
        r = run([pdurep, "--db", db, "report", "north-wales-2025", "-o", pdf], env)
        check(r.returncode == 0, "north-wales report", r.stderr)
        full = fullness(pdf)
        low = [(i + 1, round(f, 2)) for i, f in enumerate(full) if 0 < i < len(full) - 1 and f < 0.25]
        check(not low, "no page of the North Wales report is under a quarter full but the last", str(low))
        unshared = os.path.join(tmp, "unshared.yaml")
        text = open(os.path.join(root, "layouts", "pdu-report.yaml"), encoding="utf-8").read()
        check("share-page: true" in text, "the shipped PDU layout lets sections share a page")
        open(unshared, "w", encoding="utf-8").write(text.replace(", share-page: true", ""))
        pdf2 = os.path.join(tmp, "unshared.pdf")
        r = run([pdurep, "--db", db, "report", "north-wales-2025", "--layout", unshared, "-o", pdf2], env)
        check(r.returncode == 0 and page_count(pdf2) > page_count(pdf),
              "without share-page every such section opens a page (the report is longer)",
              f"{page_count(pdf)} pages shared, {page_count(pdf2) if os.path.exists(pdf2) else '?'} not")

        # ---- narrative lead-in, override, no-case percentage -------------------
        bundle = os.path.join(tmp, "bundle")
        shutil.copytree(os.path.join(root, "fixtures", "north-wales"), bundle)
        edit(os.path.join(bundle, "inspection.csv"), "id,north-wales-2025", "id,north-wales-test")
        for lang in ("", ".cy"):
            p = os.path.join(bundle, f"narrative{lang}.txt")
            if os.path.exists(p):
                edit(p, "[recommendations]\n", "[recommendations]\nThe North Wales PDU should:\n\n")
        edit(os.path.join(bundle, "narrative.txt"), "[further-information]\n",
             "[further-information]\nNo case here was from a person of another gender: "
             "{gender=other:2.1.1:percent}% of such cases.\n\n")
        with open(os.path.join(bundle, "judgements.csv"), "a", encoding="utf-8") as f:
            f.write('P2.1,Good,"The panel weighed work seen after the sample closed."\n')
        db2 = os.path.join(tmp, "y.db")
        r = run([pdurep, "--db", db2, "import", bundle], env)
        check(r.returncode == 0, "import the altered bundle", r.stderr)
        pdf = os.path.join(tmp, "altered.pdf")
        r = run([pdurep, "--db", db2, "report", "north-wales-test", "-o", pdf], env)
        if check(r.returncode == 0, "report of the altered bundle", r.stderr):
            text = words(run(["pdftotext", pdf, "-"]).stdout)
            check(text.count("should:") == 1, "the narrative's own lead-in is not doubled",
                  f"'should:' {text.count('should:')} times")
            check("n/a%" not in text, "no 'n/a%' for a percentage of no cases")
            check("[x]" in text, "the shorthand [x] stands for a percentage of no cases")
            check("Assessment takes its rating" not in text,
                  "the footnote of an overridden standard does not call the computed rating its rating")
            check("Assessment would take its rating" in text and
                  "would give the rating ‘Requires improvement’" in text and
                  "the ratings panel set it at ‘Good’" in text,
                  "the footnote says what the cases give and what the panel set")
            check(re.search(r"\bGood\d", text), "the ratings table marks the overridden rating with a note",
                  "no 'Good' with a note number")
            check("The ratings panel set this rating" in text, "the mark's note explains the override")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
