#!/usr/bin/python3
"""End-to-end test of the PDF report.

Usage: test_report.py PDUREP_BINARY SOURCE_ROOT

Imports the North Wales fixture (with its narrative.txt) into a fresh database,
renders `pdurep report`, and checks the file with qpdf, pdffonts, pdfinfo and
pdftotext: the published ratings and key-question percentages in document order,
the score 10/21, every narrative placeholder filled, an outline entry per
standard, fonts embedded, all text inside the page margins, identical bytes for
the same SOURCE_DATE_EPOCH. Then the failure paths: a broken layout
(file:line:column, status 65), an unwritable output folder (status 73, no file,
an older file kept), an unknown placeholder in a narrative (status 65 with its
line and column).

Prints one line per check, then "N passed, N failed"; exits 1 on any failure.
"""

import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402
from pdfcheck import REPORT_MARGINS as MARGINS, in_order, outline, run, words, words_outside  # noqa: E402

ID = "north-wales-2025"
EPOCH = "1757000000"  # 2025-09-04T15:33:20Z

# Published figures (methodology.md, "Figures published for North Wales PDU").
RATINGS = [
    ("P1.1 Leadership", "Good"),
    ("P1.2 Staffing", "Good"),
    ("P1.3 Services", "Good"),
    ("P2.1 Assessment", "Requires improvement"),
    ("P2.2 Planning", "Requires improvement"),
    ("P2.3 Implementation and delivery", "Requires improvement"),
    ("P2.4 Reviewing", "Requires improvement"),
]
KQ_PERCENTS = [82, 73, 53, 83, 79, 52, 88, 62, 55, 85, 76, 51]
# Prompt-level counts the narrative prints through placeholders.
PHRASES = [
    "29 of 61", "44 of 77", "28 of 68", "34 of 41", "29 of 35", "7 of 8", "52 of 62",
    "40 of 63", "10 of 22", "12 of 20", "50 of 61", "25 of 29", "22 of 32", "59 of 71",
    "37 of 69", "33 of 63", "51 of 69", "86 per cent", "62 per cent", "2,660",
    "56 of them community orders", "21 people on licence", "1 September 2025",
]
SECTIONS = ["Contents", "Foreword", "Ratings", "Recommendations", "Background",
            "1. Organisational arrangements and activity", "Diversity and inclusion",
            "2. Service delivery", "Further information", "Footnotes"]







def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    fixture = os.path.join(root, "fixtures", "north-wales")
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": EPOCH}
    tmp = tempfile.mkdtemp(prefix="pdurep-report-")
    try:
        db = os.path.join(tmp, "x.db")
        r = run([pdurep, "--db", db, "import", fixture], env)
        check(r.returncode == 0, "import the fixture with its narrative", r.stderr)

        pdf = os.path.join(tmp, "out", "north-wales.pdf")
        os.mkdir(os.path.dirname(pdf))
        r = run([pdurep, "--db", db, "report", ID, "-o", pdf], env)
        check(r.returncode == 0, "report exits 0", r.stderr)
        check(os.path.isfile(pdf), "report file written")
        if not os.path.isfile(pdf):
            return
        check(os.listdir(os.path.dirname(pdf)) == ["north-wales.pdf"], "no temporary file left",
              str(os.listdir(os.path.dirname(pdf))))

        r = run(["qpdf", "--check", pdf])
        check(r.returncode == 0 and "No syntax or stream encoding errors" in r.stdout, "qpdf --check passes",
              r.stdout + r.stderr)

        r = run(["pdffonts", pdf])
        rows = [l.split() for l in r.stdout.splitlines()[2:] if l.strip()]
        # Columns from the right: object ID (2), uni, sub, emb.
        emb = [row[-5] for row in rows]
        check(len(rows) >= 2, "pdffonts lists fonts", r.stdout)
        check(rows and all(e == "yes" for e in emb), "every font is embedded", r.stdout)

        info = run(["pdfinfo", pdf]).stdout
        fields = dict(re.findall(r"^(\w[\w ]*):\s*(.*)$", info, re.M))
        pages = int(fields.get("Pages", "0"))
        check(12 <= pages <= 20 and "A4" in fields.get("Page size", ""), "12 to 20 A4 pages",
              f"{pages} pages, {fields.get('Page size')}")
        check(fields.get("Author") == "HM Inspectorate of Probation", "author is the inspectorate",
              fields.get("Author"))
        check(re.fullmatch(r"pdurep \d+\.\d+\.\d+",
                                                                fields.get("Creator", "")), "creator is pdurep and its version",
              fields.get("Creator"))
        check("North Wales" in fields.get("Title", ""), "title names the PDU", fields.get("Title"))
        check("Sep  4 15:33:20 2025" in
              fields.get("CreationDate", ""), "creation date from SOURCE_DATE_EPOCH", fields.get("CreationDate"))

        text = run(["pdftotext", "-layout", pdf, "-"]).stdout
        flat = words(text)
        seq = []
        for heading, rating in RATINGS:
            seq += [heading, rating]
        miss = in_order(flat, seq)
        check(miss < 0, "ratings summary lists each standard and its rating in order",
              f"missing {seq[miss]!r}" if miss >= 0 else "")
        # And again in the body, each standard's section with its rating panel.
        body_start = flat.find("1. Organisational arrangements and activity",
                               flat.find("Background"))
        miss = in_order(flat[body_start:], seq)
        check(body_start > 0 and miss < 0, "each standard's section shows its rating, in order",
              f"missing {seq[miss]!r}" if miss >= 0 else "")
        pats = [re.compile(rf"(?<!\d){p}%") for p in KQ_PERCENTS]
        miss = in_order(flat, pats)
        check(miss < 0, "key-question percentages in document order",
              f"missing {KQ_PERCENTS[miss]}% in order" if miss >= 0 else "")
        check("10/21" in flat, "score 10/21 printed")
        check("Requires improvement" in flat, "overall rating printed")
        missing = [p for p in PHRASES if p not in flat]
        check(not missing, "narrative placeholders filled with the fixture's figures", str(missing))
        check("{" not in text and "}" not in text, "no placeholder or brace left",
              text[max(0, text.find("{") - 40):text.find("{") + 40])
        check("Ynys Môn" in flat, "Welsh letters survive extraction")
        check(f"Page 2 of {pages}" in flat and
              f"Page {pages} of {pages}" in flat, "page footer 'Page N of M'")

        titles = outline(pdf)
        flat_titles = [t for _, t in titles]
        missing = [h for h, _ in RATINGS if h not in flat_titles]
        check(not missing, "outline has an entry per standard", str(missing))
        check(all(d == 1 for d, t in titles if re.match(r"P\d\.\d ", t)),
              "standards are nested under their domain", str(titles))
        missing = [s for s in SECTIONS if s not in flat_titles]
        check(not missing, "outline has every section", str(missing))

        r = run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"], binary=True)
        raw = r.stdout.decode("latin-1")
        check(raw.count("/Subtype /Link") >= len(SECTIONS) + 6, "contents page links to its entries",
              str(raw.count("/Subtype /Link")))

        # Every word inside the margins (pdftotext -bbox uses a top-left origin).
        outside, n_words = words_outside(pdf, MARGINS)
        check(not outside and n_words > 3000,
              "no text outside the page margins (pdftotext -bbox)", str(outside[:5]))

        again = os.path.join(tmp, "again.pdf")
        r = run([pdurep, "--db", db, "report", ID, "-o", again], env)
        same = r.returncode == 0 and open(pdf, "rb").read() == open(again, "rb").read()
        check(same, "same SOURCE_DATE_EPOCH gives identical bytes")
        later = os.path.join(tmp, "later.pdf")
        run([pdurep, "--db", db, "report", ID, "-o", later], {**env, "SOURCE_DATE_EPOCH": "1760000000"})
        check(os.path.isfile(later) and open(later, "rb").read() != open(pdf, "rb").read(),
              "another SOURCE_DATE_EPOCH changes the date")
        r = run([pdurep, "--db", db, "report", ID, "-o", later], {**env, "SOURCE_DATE_EPOCH": "soon"})
        check(r.returncode == 65 and
              "SOURCE_DATE_EPOCH" in r.stderr, "bad SOURCE_DATE_EPOCH is refused with 65", r.stderr)

        # A broken layout: message with file:line:column, status 65, the old file kept.
        bad = os.path.join(tmp, "bad.yaml")
        with open(os.path.join(root, "layouts", "pdu-report.yaml"), encoding="utf-8") as f:
            layout = f.read()
        os.makedirs(os.path.join(tmp, "strings"), exist_ok=True)
        shutil.copy(os.path.join(root, "layouts", "strings", "en.yaml"), os.path.join(tmp, "strings"))
        lines = layout.splitlines()
        idx = next(i for i, l in enumerate(lines) if l.strip().startswith("- contents"))
        lines[idx] = "  - contentz"
        with open(bad, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        before = open(pdf, "rb").read()
        r = run([pdurep, "--db", db, "report", ID, "-o", pdf, "--layout", bad], env)
        check(r.returncode == 65, "unknown section type: status 65", f"{r.returncode} {r.stderr}")
        check(f"{bad}:{idx + 1}:5: unknown section type 'contentz'" in r.stderr,
              "unknown section type: file:line:column message", r.stderr)
        check(open(pdf, "rb").read() == before, "a failed report keeps the older file")
        check(os.listdir(os.path.dirname(pdf)) == ["north-wales.pdf"],
              "a failed report leaves no temporary file")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("page:\n  size: A4\n  margins: [1cm, 2cm\nsections: [cover]\n")
        r = run([pdurep, "--db", db, "report", ID, "-o", later, "--layout", bad], env)
        check(r.returncode == 65 and re.search(re.escape(bad) + r":\d+:\d+: ", r.stderr),
              "YAML syntax error: status 65 with file:line:column", r.stderr)
        with open(bad, "w", encoding="utf-8") as f:
            f.write("page:\n  size: A4\n  colour: red\nsections: [cover]\n")
        r = run([pdurep, "--db", db, "report", ID, "-o", later, "--layout", bad], env)
        check(r.returncode == 65 and
              f"{bad}:3:3: unknown key 'colour'" in r.stderr, "misspelt key: reported at its position", r.stderr)
        with open(bad, "w", encoding="utf-8") as f:
            f.write("fonts:\n  bold: NoSuchFont-Bold.ttf\nsections: [cover]\n")
        r = run([pdurep, "--db", db, "report", ID, "-o", later, "--layout", bad], env)
        check(r.returncode == 66 and
              "NoSuchFont-Bold.ttf: cannot open font file" in r.stderr, "missing font: status 66 naming the file", r.stderr)
        r = run([pdurep, "--db", db, "report", ID, "-o", later, "--layout", "no-such-layout"], env)
        check(r.returncode == 66 and "no-such-layout" in r.stderr, "unknown layout name: status 66",
              r.stderr)

        r = run([pdurep, "report", "--help"], env)
        check(r.returncode == 0 and "--layout" in r.stdout, "report --help", r.stderr)

        # Unwritable output: no folder, or a file in the way.
        target = os.path.join(tmp, "missing-folder", "r.pdf")
        r = run([pdurep, "--db", db, "report", ID, "-o", target], env)
        check(r.returncode == 73, "missing output folder: status 73", f"{r.returncode} {r.stderr}")
        check(not os.path.exists(target), "missing output folder: no file")
        blocker = os.path.join(tmp, "blocker")
        open(blocker, "w").close()
        r = run([pdurep, "--db", db, "report", ID, "-o", os.path.join(blocker, "r.pdf")], env)
        check(r.returncode == 73, "output folder is a file: status 73", f"{r.returncode} {r.stderr}")
        r = run([pdurep, "--db", db, "report", "no-such-inspection", "-o", later], env)
        check(r.returncode == 66, "unknown inspection: status 66", r.stderr)

        # A narrative with an unknown placeholder is refused at import with its position.
        bundle = os.path.join(tmp, "bundle")
        shutil.copytree(fixture, bundle)
        with open(os.path.join(bundle, "narrative.txt"), encoding="utf-8") as f:
            narrative = f.read().splitlines()
        k = next(i for i, l in enumerate(narrative) if l.startswith("[P2.1 findings]")) + 1
        narrative[k] = "- Ŵyn: {2.1.3b:no} of {2.1.9z:relevant} cases"
        with open(os.path.join(bundle, "narrative.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(narrative) + "\n")
        db2 = os.path.join(tmp, "y.db")
        r = run([pdurep, "--db", db2, "import", bundle], env)
        # Column counts characters: "- Ŵyn: {2.1.3b:no} of " is 22 characters.
        check(r.returncode == 65, "unknown placeholder: import fails with 65", r.stderr)
        check(f"narrative.txt:{k + 1}:23: unknown placeholder '{{2.1.9z:relevant}}'" in r.stderr,
              "unknown placeholder: narrative.txt:line:column",
              r.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
