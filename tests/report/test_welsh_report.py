#!/usr/bin/python3
"""End-to-end test of the Welsh PDF report (`pdurep report --lang cy`).

Usage: test_welsh_report.py PDUREP_BINARY SOURCE_ROOT

Imports the North Wales fixture (narrative.txt and narrative.cy.txt) and
writes the report in English and in Welsh. Checks the Welsh one: valid PDF with
every font embedded, /Lang cy-GB, Welsh rating and band names, page furniture
and dates, the letters ŵ ŷ â ô extracted as single characters, no placeholder
left, no English left where Welsh belongs, nothing outside the margins, and
every figure equal to the English report's. Then a bundle whose Welsh narrative
lacks a section: a warning at import, exit 65 naming the section for
`report --lang cy`, success with --allow-fallback. Then a batch in en and cy.

Prints one line per check, then "N passed, N failed"; exits 1 on any failure.
"""

import csv
import json
import sqlite3
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, finish  # noqa: E402
from pdfcheck import REPORT_MARGINS as MARGINS, run, words_outside  # noqa: E402

ID = "north-wales-2025"
EPOCH = "1757000000"

WELSH = ["Rhagorol", "Da", "Angen gwella", "Annigonol", "Mwyafrif mawr", "Mwyafrif rhesymol",
         "Rhy ychydig", "Lleiafrif", "Cynnwys", "Rhagair", "Graddau", "Argymhellion", "Cefndir",
         "Troednodiadau", "Rhagor o wybodaeth", "Gradd gyffredinol", "Sgôr 10/21",
         "1 Medi 2025", "Arolygiaeth Prawf EF", "Uned Cyflawni", "Gogledd Cymru",
         "P2.1 Asesu", "Cwestiwn allweddol", "Amrywiaeth a chynhwysiant",
         "Prif Arolygydd Prawf EF", "Sail barn yr arolygwyr: Uwch dîm sefydlog"]
# Welsh letters the strings and the narrative use, each one code point.
LETTERS = ["ŵ", "ŷ", "â", "ô", "î"]
# English that must not be left in the Welsh report.
ENGLISH = ["Requires improvement", "Outstanding", "Inadequate", "Too few", "Large majority",
           "Contents", "Foreword", "Page 2 of", "September", "Leadership", "Assessment",
           "HM Inspectorate of Probation", "North Wales", "Key question", "per cent",
           "Sentence type", "Community order", "Fieldwork"]
# Narrative figures, as the Welsh narrative words them (the English test has "29 of 61"...).
PHRASES = ["29 o’r 61", "44 o’r 77", "28 o’r 68", "34 o’r 41", "29 o’r 35", "7 o’r 8",
           "52 o’r 62", "40 o’r 63", "10 o’r 22", "12 o’r 20", "50 o’r 61", "25 o’r 29",
           "22 o’r 32", "59 o’r 71", "37 o’r 69", "33 o’r 63", "51 o’r 69", "86 y cant",
           "62 y cant", "2,660", "56 o orchmynion", "21 o achosion"]




def flat(text):
    return re.sub(r"\s+", " ", text)


def figures(text):
    """Every percentage, score and 'N of M' count in document order, language aside."""
    t = flat(text)
    pct = re.findall(r"(?<![\d.])(\d+)%", t)
    score = re.findall(r"\b(\d+)/(\d+)\b", t)
    counts = re.findall(r"\b(\d+) (?:of|o) (\d+) (\d+)%", t)  # key-question table rows
    return pct, score, counts


def raw_catalog_lang(pdf):
    data = open(pdf, "rb").read()
    m = re.search(rb"/Lang \(([^)]*)\)", data)
    return m.group(1).decode() if m else None


def main():
    pdurep, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    fixture = os.path.join(root, "fixtures", "north-wales")
    env = {"PDUREP_DATA_DIR": root, "SOURCE_DATE_EPOCH": EPOCH}
    tmp = tempfile.mkdtemp(prefix="pdurep-welsh-")
    try:
        db = os.path.join(tmp, "x.db")
        r = run([pdurep, "--db", db, "import", fixture], env)
        check(r.returncode == 0, "import the fixture with both narratives", r.stderr)
        check("warning" not in r.stderr, "the Welsh narrative has every English section", r.stderr)

        en_pdf, cy_pdf = os.path.join(tmp, "nw.pdf"), os.path.join(tmp, "nw.cy.pdf")
        r = run([pdurep, "--db", db, "report", ID, "-o", en_pdf], env)
        check(r.returncode == 0, "English report exits 0", r.stderr)
        r = run([pdurep, "--db", db, "report", ID, "--lang", "cy", "-o", cy_pdf], env)
        check(r.returncode == 0 and os.path.isfile(cy_pdf), "Welsh report exits 0", r.stderr)
        if not os.path.isfile(cy_pdf) or not os.path.isfile(en_pdf):
            return

        r = run(["qpdf", "--check", cy_pdf])
        check(r.returncode == 0, "qpdf --check passes", r.stdout + r.stderr)
        r = run(["pdffonts", cy_pdf])
        rows = [l.split() for l in r.stdout.splitlines()[2:] if l.strip()]
        check(rows and all(row[-5] == "yes" for row in rows), "pdffonts: every font embedded",
              r.stdout)
        check(raw_catalog_lang(cy_pdf) == "cy-GB", "document language /Lang (cy-GB)",
              str(raw_catalog_lang(cy_pdf)))
        check(raw_catalog_lang(en_pdf) == "en-GB", "English report says /Lang (en-GB)",
              str(raw_catalog_lang(en_pdf)))
        info = dict(re.findall(r"^(\w[\w ]*):\s*(.*)$", run(["pdfinfo", cy_pdf]).stdout, re.M))
        check("Gogledd Cymru" in info.get("Title", "") and "adroddiad" in info.get("Title", ""),
              "Welsh title in the document information", info.get("Title"))
        check(info.get("Author") == "Arolygiaeth Prawf EF", "author is the inspectorate in Welsh",
              info.get("Author"))

        cy_text = run(["pdftotext", "-layout", cy_pdf, "-"]).stdout
        en_text = run(["pdftotext", "-layout", en_pdf, "-"]).stdout
        cy = flat(cy_text)
        pages = int(info.get("Pages", "0"))
        missing = [w for w in WELSH if w not in cy]
        check(not missing, "Welsh ratings, bands, headings, names and dates printed", str(missing))
        check(f"Tudalen 2 o {pages}" in cy and f"Tudalen {pages} o {pages}" in cy,
              "page footer 'Tudalen N o M'", str(pages))
        missing = [c for c in LETTERS if c not in cy_text]
        check(not missing, "ŵ ŷ â ô î extracted as single letters", str(missing))
        check(all(w in cy for w in ["grŵp", "ynglŷn â", "Ynys Môn"]),
              "Welsh words with circumflexes extracted whole")
        check("\u0302" not in cy_text, "no combining circumflex left (text is NFC)")
        check("{" not in cy_text and "}" not in cy_text, "no placeholder or brace left",
              cy_text[max(0, cy_text.find("{") - 40):cy_text.find("{") + 40])
        left = [w for w in ENGLISH if w in cy]
        check(not left, "no English left in the Welsh report", str(left))
        missing = [p for p in PHRASES if p not in cy]
        check(not missing, "Welsh narrative placeholders filled with the fixture's figures",
              str(missing))

        # The same figures in the same order: tables, charts, notes and headline.
        (cp, cs, cc), (ep, es, ec) = figures(cy_text), figures(en_text)
        check(cp == ep and len(cp) > 100, "every percentage equals the English report's, in order",
              f"cy {len(cp)}: {cp[:30]}\nen {len(ep)}: {ep[:30]}")
        check(cs == es and ("10", "21") in cs, "score 10/21 as in English", f"{cs} / {es}")
        check(cc == ec and len(cc) == 12,
              "every key-question row (N of M, percent) equals the English report's",
              f"cy {cc}\nen {ec}")
        rate = json.loads(run([pdurep, "--db", db, "rate", ID, "--json"], env).stdout)
        want = []
        for s in rate["standards"]:
            for q in s.get("key_questions", []):
                want.append(f"{q['yes']} o {q['relevant']} {q['rounded']}%")
        missing = [w for w in want if w not in cy]
        check(not missing and len(want) == 12, "each key question's counts and percent as "
              "pdurep rate gives them", str(missing))

        outside, n_words = words_outside(cy_pdf, MARGINS)
        check(not outside, "no Welsh text outside the page margins (longer words)",
              str(outside[:5]))
        png = os.path.join(tmp, "png")
        os.mkdir(png)
        r = run(["pdftoppm", "-png", "-r", "60", cy_pdf, os.path.join(png, "p")])
        check(r.returncode == 0 and len(os.listdir(png)) == pages, "every page renders to PNG",
              r.stderr[-300:])

        again = os.path.join(tmp, "again.cy.pdf")
        run([pdurep, "--db", db, "report", ID, "--lang", "cy", "-o", again], env)
        check(os.path.isfile(again) and open(again, "rb").read() == open(cy_pdf, "rb").read(),
              "same SOURCE_DATE_EPOCH gives identical Welsh bytes")
        r = run([pdurep, "--db", db, "report", ID, "--lang", "c/y", "-o", again], env)
        check(r.returncode == 64, "a language that is not a code is a usage error", r.stderr)
        r = run([pdurep, "--db", db, "report", ID, "--lang", "fr", "-o", again], env)
        check(r.returncode == 66 and "fr.yaml" in r.stderr, "a language without strings: 66",
              r.stderr)

        # A Welsh narrative without one section: warned at import, refused, or English with leave.
        bundle = os.path.join(tmp, "bundle")
        shutil.copytree(fixture, bundle)
        path = os.path.join(bundle, "narrative.cy.txt")
        text = open(path, encoding="utf-8").read()
        start = text.index("[P2.4 findings]")
        end = text.index("[further-information]")
        open(path, "w", encoding="utf-8").write(text[:start] + text[end:])
        db2 = os.path.join(tmp, "y.db")
        r = run([pdurep, "--db", db2, "import", bundle], env)
        check(r.returncode == 0, "import succeeds with a Welsh section missing", r.stderr)
        check("warning" in r.stderr and "[P2.4 findings]" in r.stderr and
              "narrative.cy.txt" in r.stderr, "import warns of the missing Welsh section", r.stderr)
        out = os.path.join(tmp, "mixed.cy.pdf")
        r = run([pdurep, "--db", db2, "report", ID, "--lang", "cy", "-o", out], env)
        check(r.returncode == 65 and "[P2.4 findings]" in r.stderr and not os.path.exists(out),
              "report --lang cy refuses to mix languages (65, names the section)", r.stderr)
        r = run([pdurep, "--db", db2, "report", ID, "--lang", "cy", "--allow-fallback", "-o", out],
                env)
        check(r.returncode == 0 and os.path.isfile(out), "--allow-fallback writes the report",
              r.stderr)
        if os.path.isfile(out):
            t = flat(run(["pdftotext", out, "-"]).stdout)
            check("Reviewing usually responded to changes" in t and "Tudalen" in t,
                  "the missing section prints in English, the rest in Welsh")
        r = run([pdurep, "--db", db2, "report", ID, "-o", out], env)
        check(r.returncode == 0, "the English report needs no Welsh", r.stderr)
        os.remove(os.path.join(bundle, "narrative.cy.txt"))
        r = run([pdurep, "--db", db2, "import", "--replace", bundle], env)
        r = run([pdurep, "--db", db2, "report", ID, "--lang", "cy", "-o", out], env)
        check(r.returncode == 65 and "[foreword]" in r.stderr,
              "no Welsh narrative at all: report --lang cy refuses", r.stderr)

        # Migration 2 -> 3: a database from before narratives had languages keeps its
        # narrative as English. Made here by turning a stored version-3 database (made by
        # pdurep before schema 4) back into version 2.
        old = os.path.join(tmp, "old.db")
        con = sqlite3.connect(old)
        with open(os.path.join(root, "tests", "years", "schema-v3-wales.sql"), encoding="utf-8") as f:
            con.executescript(f.read())
        con.executescript(
            "CREATE TABLE narrative_v2 (inspection TEXT NOT NULL REFERENCES inspection(id) ON "
            "DELETE CASCADE, position INTEGER NOT NULL, section TEXT NOT NULL, line INTEGER NOT "
            "NULL, body TEXT NOT NULL, PRIMARY KEY (inspection, section)) STRICT;"
            "INSERT INTO narrative_v2 SELECT inspection, position, section, line, body FROM "
            "narrative WHERE lang = 'en';"
            "DROP TABLE narrative; ALTER TABLE narrative_v2 RENAME TO narrative;"
            "PRAGMA user_version = 2;")
        con.close()
        r = run([pdurep, "--db", old, "import", "--replace",
                 os.path.join(root, "fixtures", "wales", "gwent")], env)
        con = sqlite3.connect(old)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        langs = con.execute("SELECT lang, count(*) FROM narrative WHERE inspection = ? "
                            "GROUP BY lang", (ID,)).fetchall()
        con.close()
        check(r.returncode == 0 and version >= 4 and langs == [("en", 19)],
              "migration 3 keeps a version-2 narrative as English", f"{r.stderr} {version} {langs}")
        out = os.path.join(tmp, "old.pdf")
        r = run([pdurep, "--db", old, "report", ID, "-o", out], env)
        check(r.returncode == 0 and "Leadership in North Wales PDU was strong" in
              flat(run(["pdftotext", out, "-"]).stdout), "the migrated narrative prints", r.stderr)

        # Batch in both languages: file names, index and Welsh content.
        outdir = os.path.join(tmp, "batch")
        r = run([pdurep, "--db", db, "batch", "--all", "--out", outdir, "--lang", "en,cy",
                 "--quiet"], env)
        check(r.returncode == 0, "batch --lang en,cy exits 0", r.stderr)
        names = sorted(os.listdir(outdir)) if os.path.isdir(outdir) else []
        want = sorted([f"{ID}.json", f"{ID}.pdf", f"{ID}.cy.pdf", f"{ID}.xlsx", f"{ID}.cy.xlsx",
                       f"{ID}-share.xlsx", f"{ID}-share.cy.xlsx", "index.csv"])
        check(names == want, "batch writes ID.cy.pdf, ID.cy.xlsx and ID-share.cy.xlsx", str(names))
        if os.path.isfile(os.path.join(outdir, "index.csv")):
            rows = list(csv.DictReader(open(os.path.join(outdir, "index.csv"))))
            langs = {(row["kind"], row["lang"]) for row in rows}
            check({("report", "cy"), ("annexe", "cy"), ("share", "cy"), ("report", "en")} <= langs,
                  "index.csv lists each document with its language", str(langs))
        bpdf = os.path.join(outdir, f"{ID}.cy.pdf")
        if os.path.isfile(bpdf):
            bt = run(["pdftotext", "-layout", bpdf, "-"]).stdout
            check(figures(bt) == figures(cy_text) and "Tudalen" in bt and "Angen gwella" in bt,
                  "the batch's Welsh report is Welsh with the same figures")
            check(raw_catalog_lang(bpdf) == "cy-GB", "the batch's Welsh report says /Lang cy-GB")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
    finish()
