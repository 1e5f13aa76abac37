#!/usr/bin/python3
"""Colour contrast of the report layouts (WCAG 2.1 1.4.3).

Usage: test_contrast.py PDUREP_BINARY SOURCE_ROOT

Works out, from every shipped layout file and independently of pdurep, the
contrast of each text/background pair the report draws: every text style on
the white page, table text on stripes, panels and highlighted rows, table heads
on their fill, cover text on the cover, and each rating chip's ink on its fill.
Each must reach 4.5:1, or 3:1 for large text (18pt, or 14pt bold). Then checks
that this checker fails on the old white-on-green "Good" chip, and that
`pdurep report` refuses a user layout below the bar with the file, line and
column and the ratio (status 65), writing no file.
"""

import copy
import glob
import os
import re
import shutil
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402
from pdfcheck import run  # noqa: E402

# pdurep's defaults for what a layout leaves out (src/pdf/layout.c, set_defaults).
DEFAULT_COLOURS = {"text": "#000000", "cover-text": "#ffffff", "stripe": "#f0f0f0",
                   "panel": "#f0f0f0", "highlight": "#d9d9d9", "grid": "#d9d9d9",
                   "cover": "#d9d9d9", "table-head": "#d9d9d9"}
GREY = "#4d4d4d"
PAGE_STYLES = ["body", "h1", "h2", "h3", "list", "statement", "small", "table-body", "caption",
               "footnote", "running", "chart-label", "contents"]


def luminance(hexs):
    c = [int(hexs[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)))
    return (lb + 0.05) / (la + 0.05)


def pairs(layout):
    """(what, foreground, background, size, bold) of every pair the report draws."""
    colours = dict(DEFAULT_COLOURS)
    colours.update({k: v for k, v in (layout.get("colours") or {}).items()})

    def col(v):
        return colours.get(v, v) if not str(v).startswith("#") else v

    styles = layout.get("styles") or {}
    body = {"size": 10, "colour": "#000000", "font": "regular"}
    body.update(styles.get("body", {}))

    def style(name):
        s = dict(body)
        s.update(styles.get(name, {}))
        return col(s["colour"]), float(s["size"]), s.get("font") == "bold"

    out = []
    for name in PAGE_STYLES:
        fg, size, bold = style(name)
        out.append((f"style {name} on the page", fg, "#ffffff", size, bold))
    fg, size, bold = style("table-body")
    for fill in ("stripe", "panel", "highlight"):
        out.append((f"table-body on {fill}", fg, col(colours.get(fill, GREY)), size, bold))
    fg, size, bold = style("table-head")
    out.append(("table-head on its fill", fg, col(colours.get("table-head", GREY)), size, bold))
    for name in ("cover-title", "cover-text"):
        fg, size, bold = style(name)
        out.append((f"{name} on the cover", fg, col(colours.get("cover", GREY)), size, bold))
    _, size, bold = style("table-body")
    for rating, chip in (layout.get("ratings") or {}).items():
        out.append((f"rating {rating} chip", col(chip["ink"]), col(chip["fill"]), size, bold))
    return out


def failures(layout):
    out = []
    for what, fg, bg, size, bold in pairs(layout):
        need = 3.0 if size >= 18 or (bold and size >= 14) else 4.5
        c = contrast(fg, bg)
        if c < need:
            out.append(f"{what}: {fg} on {bg} is {c:.2f}:1, needs {need}:1")
    return out


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    layouts = sorted(glob.glob(os.path.join(root, "layouts", "*.yaml")))
    check(len(layouts) >= 2, "shipped layouts found", str(layouts))
    for path in layouts:
        lay = yaml.safe_load(open(path, encoding="utf-8"))
        n = len(pairs(lay))
        bad = failures(lay)
        check(n >= 20 and not bad, f"{os.path.basename(path)}: all {n} text/background pairs reach "
              "WCAG 2.1 AA contrast", "\n".join(bad))
        lowest = min(contrast(fg, bg) for _, fg, bg, _, _ in pairs(lay))
        print(f"     lowest contrast in {os.path.basename(path)}: {lowest:.2f}:1")

    # The checker fails on what the layouts printed before: white on #5a9e62.
    lay = yaml.safe_load(open(os.path.join(root, "layouts", "pdu-report.yaml"), encoding="utf-8"))
    old = copy.deepcopy(lay)
    old["ratings"]["good"] = {"fill": "#5a9e62", "ink": "#ffffff"}
    bad = failures(old)
    check(any("rating good" in b and "3.2" in b for b in bad), "white on the old Good green is caught",
          "\n".join(bad) or "nothing caught")
    pale = copy.deepcopy(lay)
    pale["styles"]["caption"]["colour"] = "#999999"
    check(any("caption" in b for b in failures(pale)), "a pale caption is caught")
    big = copy.deepcopy(lay)
    big["colours"]["cover-text"] = "#6a8aa0"  # 3.4:1 on the cover: enough for the 32pt title only
    bad = failures(big)
    check(any("cover-text on the cover" in b for b in bad) and
          not any("cover-title" in b for b in bad), "large text needs 3:1, other text 4.5:1",
          "\n".join(bad))

    # pdurep refuses a user layout below the bar, with its position.
    tmp = tempfile.mkdtemp(prefix="pdurep-contrast-")
    try:
        env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": "1767225600"}
        db = os.path.join(tmp, "x.db")
        r = run([pdurep, "--db", db, "import", os.path.join(root, "fixtures", "north-wales")], env)
        check(r.returncode == 0, "import the fixture", r.stderr)
        text = open(os.path.join(root, "layouts", "pdu-report.yaml"), encoding="utf-8").read()
        user = os.path.join(tmp, "mine.yaml")
        lines = text.splitlines(keepends=True)
        at = next(i for i, l in enumerate(lines) if l.lstrip().startswith("good:"))
        lines[at] = '  good: {fill: "#5a9e62", ink: "#ffffff"}\n'
        open(user, "w", encoding="utf-8").write("".join(lines))
        os.makedirs(os.path.join(tmp, "strings"))
        for f in glob.glob(os.path.join(root, "layouts", "strings", "*.yaml")):
            shutil.copy(f, os.path.join(tmp, "strings"))
        out = os.path.join(tmp, "out.pdf")
        r = run([pdurep, "--db", db, "report", "north-wales-2025", "--layout", user, "-o", out], env)
        want = re.compile(re.escape(user) + rf":{at + 1}:\d+: .*good.*3\.2\d:1.*4\.5:1")
        check(r.returncode == 65 and want.search(r.stderr), "a user layout below 4.5:1 is refused "
              "with file:line:column and the ratio (status 65)", f"status {r.returncode}\n{r.stderr}")
        check(not os.path.exists(out), "no report written for a refused layout")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
