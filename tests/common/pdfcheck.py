"""What the PDF tests read out of a document: its outline, its words in order,
and the words that cross the page margins. Uses qpdf and poppler's pdftotext."""
import json
import os
import re
import subprocess

MM = 72 / 25.4
A4 = (595.276, 841.89)
# The margins of layouts/pdu-report.yaml and region-report.yaml: top, right, bottom, left.
REPORT_MARGINS = (14 * MM, 18 * MM, 12 * MM, 18 * MM)


def run(args, env=None, binary=False):
    """Run a command with extra environment; capture its output."""
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run(args, capture_output=True, text=not binary, env=e)


def words(text):
    """Text with every run of white space folded to one space."""
    return re.sub(r"\s+", " ", text)


def in_order(text, needles, pos=0):
    """Index of the first needle (string or compiled pattern) not found after the previous one, or -1."""
    for i, n in enumerate(needles):
        if isinstance(n, re.Pattern):
            m = n.search(text, pos)
            at = m.start() if m else -1
        else:
            at = text.find(n, pos)
        if at < 0:
            return i
        pos = at + 1
    return -1


def outline(pdf):
    """The document outline as (depth, title) pairs, depth 0 at the top."""
    r = run(["qpdf", "--json", "--json-key=outlines", pdf])
    titles = []

    def walk(items, depth):
        for it in items:
            titles.append((depth, it.get("title", "")))
            walk(it.get("kids", []), depth + 1)
    try:
        walk(json.loads(r.stdout).get("outlines", []), 0)
    except ValueError:
        pass
    return titles


def words_outside(pdf, margins=REPORT_MARGINS, page=A4, slack=0.5):
    """(words outside the margins, words seen), from pdftotext -bbox (top-left origin)."""
    bbox = run(["pdftotext", "-bbox", pdf, "-"]).stdout
    top, right, bottom, left = margins
    pw, ph = page
    outside = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', bbox):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        if x0 < left - slack or x1 > pw - right + slack or y0 < top - slack or y1 > ph - bottom + slack:
            outside.append((m.group(5), x0, y0, x1, y1))
    return outside, bbox.count("<word")
