#!/usr/bin/python3
"""End-to-end test of the region report (layout region-report).

Usage: test_region_report.py PDUREP_BINARY SOURCE_ROOT

Imports the Wales fixture (six PDUs and the region with its narrative.txt),
renders `pdurep report wales-2025` without naming a layout, and checks: the
region layout was chosen by the inspection's kind; qpdf --check; every font
embedded; every regional rating in order, 10/24 and "provisional"; the PDU
ratings matrix (every PDU with its seven ratings, score and overall, in order,
as `pdurep rate --json` gives them); every PDU's key-question percentages in
its small-multiple panel; a pooled breakdown cell; the narrative's
placeholders filled and no brace left; an outline entry per standard and per
part of the PDU comparison; all text inside the margins; identical bytes for
the same SOURCE_DATE_EPOCH. Then a region narrative naming a PDU question is
refused at import with its position, and `pdurep batch --region Wales` writes
wales-2025.pdf and lists it in index.csv with its page count.

Prints one line per check, then "N passed, N failed"; exits 1 on any failure.
"""

import csv
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402
from pdfcheck import REPORT_MARGINS as MARGINS, in_order, outline, run, words, words_outside  # noqa: E402

REGION = "wales-2025"
PDUS = ["north-wales", "cardiff-and-the-vale", "swansea-neath-port-talbot", "gwent", "dyfed-powys",
        "cwm-taf-morgannwg"]
EPOCH = "1768953600"  # 2026-01-21T00:00:00Z
# Figures the narrative prints through placeholders (fixtures/wales/README.md).
PHRASES = ["227 of 338", "168 of 313", "61 of 114", "score of 10 out of 24", "28 July 2025",
           "224 of them community orders", "114 people on licence"]










def rounded(percent):
    """Round half up, as the report prints."""
    return int(percent + 0.5 + 1e-9)


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    wales = os.path.join(root, "fixtures", "wales")
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": EPOCH}
    tmp = tempfile.mkdtemp(prefix="pdurep-region-report-")
    try:
        db = os.path.join(tmp, "w.db")
        r = run([pdurep, "--db", db, "import", *[os.path.join(wales, p) for p in PDUS],
                 os.path.join(wales, "region")], env)
        check(r.returncode == 0, "import the Wales PDUs and the region with its narrative", r.stderr)
        reg = json.loads(run([pdurep, "--db", db, "rate", REGION, "--json"], env).stdout)
        pdus = {i: json.loads(run([pdurep, "--db", db, "rate", i, "--json"], env).stdout)
                for i in reg["pdus"]}

        out = os.path.join(tmp, "out")
        os.mkdir(out)
        pdf = os.path.join(out, "wales.pdf")
        r = run([pdurep, "--db", db, "report", REGION, "-o", pdf], env)
        check(r.returncode == 0 and os.path.isfile(pdf), "region report exits 0 and writes the file",
              r.stderr)
        if not os.path.isfile(pdf):
            return
        check(os.listdir(out) == ["wales.pdf"], "no temporary file left", str(os.listdir(out)))

        r = run(["qpdf", "--check", pdf])
        check(r.returncode == 0 and "No syntax or stream encoding errors" in r.stdout,
              "qpdf --check passes", r.stdout + r.stderr)
        r = run(["pdffonts", pdf])
        rows = [l.split() for l in r.stdout.splitlines()[2:] if l.strip()]
        check(len(rows) >= 2 and all(row[-5] == "yes" for row in rows), "every font is embedded",
              r.stdout)

        info = dict(re.findall(r"^(\w[\w ]*):\s*(.*)$", run(["pdfinfo", pdf]).stdout, re.M))
        pages = int(info.get("Pages", "0"))
        check("probation region" in info.get("Title", ""),
              "no --layout: the region layout is chosen for a region", info.get("Title"))
        check(10 <= pages <= 20, "10 to 20 pages", pages)

        text = run(["pdftotext", "-layout", pdf, "-"]).stdout
        flat = words(text)
        seq = []
        for s in reg["standards"]:
            seq += [f"{s['code']} {s['name']}", s["rating"]]
        miss = in_order(flat, seq)
        check(miss < 0, "ratings table lists every regional standard and its rating in order",
              f"missing {seq[miss]!r}" if miss >= 0 else "")
        check("10/24" in flat, "score 10/24 printed")
        check(len(re.findall(r"provisional", flat, re.I)) >= 3,
              "the region rules are called provisional (cover, ratings, methodology)",
              str(len(re.findall(r"provisional", flat, re.I))))
        missing = [p for p in PHRASES if p not in flat]
        check(not missing, "narrative placeholders filled with the pooled figures", str(missing))
        check("{" not in text and "}" not in text, "no placeholder or brace left",
              text[max(0, text.find("{") - 60):text.find("{") + 60])

        # The ratings matrix, read in drawing order: each PDU's name, then its ratings.
        raw = words(run(["pdftotext", "-raw", pdf, "-"]).stdout)
        # The heading followed by the matrix's header row (the contents page names the heading too).
        m = re.search(r"Ratings of each PDU PDU P1\.1 P1\.2", raw)
        start = m.start() if m else -1
        check(start > 0, "the PDU comparison has a ratings matrix with a column per standard")
        order = sorted(pdus.values(), key=lambda j: (j["name"], j["inspection"]))
        names_seen = [j["name"] for j in order if j["name"] in raw[start:start + 6000]]
        check(len(names_seen) == 6, "every PDU is named in the matrix", names_seen)
        seq = []
        for j in order:
            seq += [j["name"]] + [s["rating"] for s in j["standards"]] + \
                   [f"{j['score']}/{j['max_score']}", j["overall"]]
        miss = in_order(raw, seq, start)
        check(miss < 0, "each PDU's rating words, score and overall in matrix order",
              f"missing {seq[miss]!r}" if miss >= 0 else "")

        # Small multiples: each panel has the PDU's twelve key-question percentages in order.
        start = raw.find("Key questions in each PDU One panel", start)
        bad = []
        for j in order:
            pcts = [rounded(k["percent"]) for s in j["standards"] for k in s.get("key_questions", [])]
            pats = [re.compile(re.escape(j["name"]))] + [re.compile(rf"(?<!\d){p}%") for p in pcts]
            if len(pcts) != 12 or in_order(raw, pats, start) >= 0:
                bad.append(j["name"])
        check(start > 0 and not bad, "every PDU's panel shows its twelve key-question percentages", bad)

        # A pooled breakdown cell: R2.1.1 for community orders, from the region's own tallies.
        bd = next(b for b in reg["breakdowns"] if b["attribute"] == "sentence_type")
        com = next(v for v in bd["values"] if v["value"] == "community")
        q = next(x for x in com["questions"] if x["code"] == "R2.1.1")
        cell = f"{q['rounded']}% {q['yes']} of {q['relevant']}"
        check(cell in raw, "pooled breakdown by sentence type prints R2.1.1 for community orders", cell)

        titles = outline(pdf)
        flat_titles = [t for _, t in titles]
        missing = [f"{s['code']} {s['name']}" for s in reg["standards"]
                   if f"{s['code']} {s['name']}" not in flat_titles]
        check(not missing, "outline has every regional standard", str(missing))
        want = ["The PDUs compared", "Cases from each PDU", "Ratings of each PDU",
                "Key questions in each PDU", "Pooled key questions by sentence type",
                "Pooled key questions by risk of serious harm", "Further information", "Footnotes"]
        missing = [t for t in want if t not in flat_titles]
        check(not missing, "outline has the PDU comparison and its parts, and the breakdowns",
              str(missing) + " " + str(flat_titles))

        outside, n_words = words_outside(pdf, MARGINS)
        check(not outside, "no text outside the page margins", str(outside[:5]))

        again = os.path.join(tmp, "again.pdf")
        r = run([pdurep, "--db", db, "report", REGION, "-o", again], env)
        check(r.returncode == 0 and open(pdf, "rb").read() == open(again, "rb").read(),
              "same SOURCE_DATE_EPOCH gives identical bytes")

        nw = os.path.join(tmp, "nw.pdf")
        run([pdurep, "--db", db, "report", "north-wales-2025", "-o", nw], env)
        title = dict(re.findall(r"^(\w[\w ]*):\s*(.*)$", run(["pdfinfo", nw]).stdout, re.M)).get("Title", "")
        check("Probation Delivery Unit" in title, "a PDU still gets the PDU layout", title)

        # A region narrative may only name the region framework's questions.
        bundle = os.path.join(tmp, "region")
        shutil.copytree(os.path.join(wales, "region"), bundle)
        path = os.path.join(bundle, "narrative.txt")
        lines = open(path, encoding="utf-8").read().splitlines()
        k = next(i for i, l in enumerate(lines) if l.startswith("[R2.2 findings]")) + 1
        lines[k] = "- Public protection {R2.2:rating}: {2.1.3:percent}%."
        open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
        r = run([pdurep, "--db", os.path.join(tmp, "other.db"), "import", bundle], env)
        check(r.returncode == 65 and
              f"narrative.txt:{k + 1}:36: unknown placeholder '{{2.1.3:percent}}'" in r.stderr,
              "a PDU question in a region narrative is refused with its position", r.stderr)

        # A batch over the region writes the region report and lists it with its pages.
        bout = os.path.join(tmp, "batch")
        r = run([pdurep, "--db", db, "batch", "--region", "Wales", "--out", bout, "-j", "2", "--quiet"],
                env)
        check(r.returncode == 0, "batch --region Wales succeeds", r.stderr)
        index = list(csv.DictReader(open(os.path.join(bout, "index.csv"), encoding="utf-8")))
        row = next((x for x in index if x["file"] == "wales-2025.pdf"), None)
        check(row is not None and row["kind"] == "report" and row["id"] == REGION,
              "the batch writes wales-2025.pdf and indexes it as a report", str(index))
        if row:
            bp = os.path.join(bout, "wales-2025.pdf")
            n = dict(re.findall(r"^(\w[\w ]*):\s*(.*)$", run(["pdfinfo", bp]).stdout, re.M)).get("Pages")
            check(row["pages_or_sheets"] == n == str(pages), "the index gives its page count",
                  (row["pages_or_sheets"], n, pages))
        reports = sorted(x["id"] for x in index if x["kind"] == "report")
        check(reports == sorted(reg["pdus"] + [REGION]), "one report per PDU and one for the region",
              reports)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    run_main(main)
