#!/usr/bin/python3
"""The whole life of an inspection: provenance in list and show, --replace keeps
the history, delete leaves nothing behind, export -> import gives the same
figures and documents byte for byte, narrative replaces only the narrative,
rate --csv, list --json, and a backup taken while a batch runs.

usage: test_lifecycle.py PDUREP SOURCE_ROOT"""
import csv
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import WALES, Pdurep, read, rewrite  # noqa: E402
from harness import check, run_main  # noqa: E402

DATA_FILES = ("inspection.csv", "judgements.csv", "cases.csv", "pdus.csv")


def bundle_hash(d):
    """What `sha256sum FILES | sha256sum` prints, over the bundle's data files in name order."""
    names = sorted(n for n in os.listdir(d) if n in DATA_FILES or
                   (n.startswith("narrative.") and n.endswith(".txt")))
    manifest = "".join(f"{hashlib.sha256(read(os.path.join(d, n))).hexdigest()}  {n}\n"
                       for n in names)
    return hashlib.sha256(manifest.encode()).hexdigest(), names


def rows_of(db, ident):
    """Rows anywhere in the database that belong to inspection @ident."""
    con = sqlite3.connect(db)
    found = {}
    for (table,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
        cols = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
        for col in ("id", "inspection", "region"):
            if col in cols and (table != "framework"):
                n = con.execute(f"SELECT count(*) FROM {table} WHERE {col} = ?", (ident,)).fetchone()[0]
                if n and not (table == "inspection" and col == "region"):
                    found[f"{table}.{col}"] = n
    fk = con.execute("PRAGMA foreign_key_check").fetchall()
    con.close()
    return found, fk


def documents(p, ident, tmp, tag, db=None):
    out = {}
    for kind, args in (("pdf", ["report", ident]), ("xlsx", ["annexe", ident])):
        path = os.path.join(tmp, f"{ident}-{tag}.{kind}")
        r = p(*args, "-o", path, db=db)
        if r.returncode:
            raise RuntimeError(r.stderr)
        out[kind] = read(path)
    out["json"] = p("rate", ident, "--json", db=db).stdout
    return out


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    wales = os.path.join(root, "fixtures", "wales")
    nw = os.path.join(root, "fixtures", "north-wales")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "w.db")
        p = Pdurep(exe, root, db)
        p.import_wales()

        # Provenance in list, list --json and show --json.
        want, names = bundle_hash(nw)
        r = p("list")
        line = next((l for l in r.stdout.splitlines() if l.startswith("north-wales-2025")), "")
        check(want[:12] in line and "T" in line.split()[-1] and line.split()[-1].endswith("Z"),
              "list shows the bundle's short hash and the import time", r.stdout)
        listed = {o["id"]: o for o in p.json("list", "--json")}
        check(len(listed) == 7 and listed["north-wales-2025"]["bundle_sha256"] == want,
              "list --json gives every inspection with the whole bundle hash (as sha256sum does)",
              listed.get("north-wales-2025"))
        show = p.json("show", "north-wales-2025", "--json")
        files = {f["name"]: f["sha256"] for f in show["files"]}
        check(sorted(files) == names and all(
              files[n] == hashlib.sha256(read(os.path.join(nw, n))).hexdigest() for n in names),
              "show --json lists each file with its own hash", files)
        check(show["listed_by"] == ["wales-2025"] and show["pdurep_version"]
              and [e["event"] for e in show["history"]] == ["import"],
              "show --json gives the round, the version and the history", show)
        region = p.json("show", "wales-2025", "--json")
        check(len(region["pdus"]) == 6 and all(x["present"] for x in region["pdus"]),
              "a region's show lists its PDUs, each present", region["pdus"])
        r = p("show", "north-wales-2025")
        check(r.returncode == 0 and want in r.stdout and "narrative.cy.txt" in r.stdout,
              "show prints the same as text", r.stdout)

        # Every document names its data: PDF Info and XMP, workbook properties, the colophon.
        pdf, xlsx = os.path.join(tmp, "nw.pdf"), os.path.join(tmp, "nw.xlsx")
        p("report", "north-wales-2025", "-o", pdf)
        p("annexe", "north-wales-2025", "-o", xlsx)
        info = subprocess.run(["pdfinfo", "-custom", pdf], capture_output=True, text=True).stdout
        meta = subprocess.run(["pdfinfo", "-meta", pdf], capture_output=True, text=True).stdout
        check(f"PdurepBundleSHA256:{want}" in info.replace(" ", ""),
              "the PDF's Info names the bundle hash", info)
        check(f"<pdurep:bundle-sha256>{want}</pdurep:bundle-sha256>" in meta and
              "<pdurep:framework>probation-pdu-2023</pdurep:framework>" in meta,
              "the PDF's XMP names the bundle hash and the framework", meta[-800:])
        text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                       text=True).stdout.split())
        check(f"bundle SHA-256 {want}, framework probation-pdu-2023" in text,
              "the colophon prints the bundle hash and the framework")
        props = zipfile.ZipFile(xlsx).read("docProps/custom.xml").decode()
        check(f'name="Bundle SHA-256"><vt:lpwstr>{want}<' in props and "probation-pdu-2023" in props,
              "the workbook's custom properties name the bundle hash and the framework", props)
        # The bytes depend on the data and SOURCE_DATE_EPOCH only, not on when it was imported.
        later = os.path.join(tmp, "later.db")
        p("import", nw, db=later, env={"PDUREP_NOW": "1893456000"})
        pdf2, xlsx2 = os.path.join(tmp, "nw2.pdf"), os.path.join(tmp, "nw2.xlsx")
        p("report", "north-wales-2025", "-o", pdf2, db=later)
        p("annexe", "north-wales-2025", "-o", xlsx2, db=later)
        check(read(pdf) == read(pdf2) and read(xlsx) == read(xlsx2),
              "documents of the same data imported at another time are byte-identical")

        # --replace keeps the history of earlier imports.
        changed = os.path.join(tmp, "nw-changed")
        shutil.copytree(nw, changed)
        rewrite(os.path.join(changed, "judgements.csv"), "P1.1,Good", "P1.1,Outstanding")
        r = p("import", "--replace", changed, env={"PDUREP_NOW": "1767225600"})
        hist = p.json("show", "north-wales-2025", "--json")["history"]
        check(r.returncode == 0 and [e["event"] for e in hist] == ["import", "replace"]
              and hist[0]["bundle_sha256"] == want
              and hist[1]["bundle_sha256"] == bundle_hash(changed)[0]
              and hist[1]["at"] == "2026-01-01T00:00:00Z",
              "--replace keeps the earlier import's time and hash in the history", hist)
        p("import", "--replace", nw)

        # rate --csv: a row per standard, per key question and the overall rating.
        doc = p.json("rate", "north-wales-2025", "--json")
        rows = list(csv.DictReader(io.StringIO(p("rate", "north-wales-2025", "--csv").stdout)))
        std = {x["code"]: x for x in rows if x["row"] == "standard"}
        kq = {x["code"]: x for x in rows if x["row"] == "key_question"}
        overall = [x for x in rows if x["row"] == "overall"]
        ok = len(std) == len(doc["standards"]) and overall and \
            overall[0]["rating"] == doc["overall"] and int(overall[0]["points"]) == doc["score"]
        for s in doc["standards"]:
            ok = ok and std[s["code"]]["rating"] == s["rating"] and \
                int(std[s["code"]]["points"]) == s["points"]
            for q in s.get("key_questions", []):
                c = kq[q["code"]]
                ok = ok and (int(c["yes"]), int(c["relevant"]), int(c["rounded"])) == \
                    (q["yes"], q["relevant"], q["rounded"]) and c["standard"] == s["code"] and \
                    abs(float(c["percent"]) - q["percent"]) < 1e-9
        check(ok, "rate --csv gives the figures of rate --json", rows[:3])
        r = p("rate", "north-wales-2025", "--csv", "--json")
        check(r.returncode == 64, "--csv and --json together are a usage error", r.stderr)

        # Export -> import into a new database: the same figures and document bytes.
        os.makedirs(os.path.join(tmp, "export"))
        for ident in ("north-wales-2025", "wales-2025"):
            out = os.path.join(tmp, "export", ident)
            r = p("export", ident, out)
            check(r.returncode == 0, f"{ident} exports", r.stderr)
        fresh = os.path.join(tmp, "fresh.db")
        r = p("import", os.path.join(tmp, "export", "north-wales-2025"), db=fresh)
        check(r.returncode == 0, "the exported North Wales imports", r.stderr)
        check(read(os.path.join(tmp, "export", "north-wales-2025", "cases.csv")) ==
              read(os.path.join(nw, "cases.csv")), "the export is the imported bytes")
        a = documents(p, "north-wales-2025", tmp, "a")
        b = documents(p, "north-wales-2025", tmp, "b", db=fresh)
        for k in ("json", "pdf", "xlsx"):
            check(a[k] == b[k], f"North Wales round trip: identical {k}")
        for ident in WALES[1:-1]:
            p("import", os.path.join(wales, ident), db=fresh)
        r = p("import", os.path.join(tmp, "export", "wales-2025"), db=fresh)
        check(r.returncode == 0, "the exported Wales region imports", r.stderr)
        a = documents(p, "wales-2025", tmp, "a")
        b = documents(p, "wales-2025", tmp, "b", db=fresh)
        for k in ("json", "pdf", "xlsx"):
            check(a[k] == b[k], f"Wales region round trip: identical {k}")
        r = p("export", "wales-2025", os.path.join(tmp, "export", "wales-2025"))
        check(r.returncode == 73 and "not an empty folder" in r.stderr,
              "export refuses a folder that is not empty", r.stderr)
        r = p("export", "nowhere-2025", os.path.join(tmp, "x"))
        check(r.returncode == 66 and not os.path.exists(os.path.join(tmp, "x")),
              "export of an unknown id exits 66 and writes nothing", r.stderr)

        # narrative: replace only the prose, checked as import checks it.
        text = open(os.path.join(nw, "narrative.txt"), encoding="utf-8").read()
        fixed = os.path.join(tmp, "fixed.txt")
        first = "Leadership in North Wales PDU was strong"
        open(fixed, "w", encoding="utf-8").write(text.replace(first, "Leadership in North Wales "
                                                              "was strong"))
        cases_before = p("rate", "north-wales-2025", "--json").stdout
        r = p("narrative", "north-wales-2025", fixed)
        check(r.returncode == 0, "narrative replaces the English narrative", r.stderr)
        pdf = os.path.join(tmp, "fixed.pdf")
        p("report", "north-wales-2025", "-o", pdf)
        words = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                        text=True).stdout.split())
        check("Leadership in North Wales was strong" in words and first not in words,
              "the report prints the new narrative")
        check(p("rate", "north-wales-2025", "--json").stdout == cases_before,
              "the figures are untouched")
        show = p.json("show", "north-wales-2025", "--json")
        check(show["history"][-1]["event"] == "narrative" and
              show["bundle_sha256"] == show["history"][-1]["bundle_sha256"] != want,
              "the history records the narrative change and the new bundle hash", show["history"])
        out = os.path.join(tmp, "export", "after-narrative")
        p("export", "north-wales-2025", out)
        check(read(os.path.join(out, "narrative.txt")) == read(fixed) and
              bundle_hash(out)[0] == show["bundle_sha256"],
              "export writes the new narrative, and its hash is the recorded one")
        bad = os.path.join(tmp, "bad.txt")
        open(bad, "w", encoding="utf-8").write(text.replace("{cases}", "{casez}", 1))
        before = read(db)
        r = p("narrative", "north-wales-2025", bad)
        check(r.returncode == 65 and f"{bad}:" in r.stderr and "casez" in r.stderr,
              "a bad narrative is refused with FILE:LINE:COLUMN", r.stderr)
        check(read(db) == before, "and the database is as it was")
        cy = os.path.join(tmp, "cy.txt")
        shutil.copy(os.path.join(nw, "narrative.cy.txt"), cy)
        r = p("narrative", "--lang", "cy", "north-wales-2025", cy)
        check(r.returncode == 0 and "replaced the cy narrative" in r.stdout,
              "narrative --lang cy replaces the Welsh one", r.stderr)
        r = p("narrative", "--lang", "CY", "north-wales-2025", cy)
        langs = {row[0] for row in sqlite3.connect(db).execute(
            "SELECT DISTINCT lang FROM narrative WHERE inspection = 'north-wales-2025'")}
        check(r.returncode == 0 and "replaced the cy narrative" in r.stdout and langs == {"en", "cy"},
              "narrative --lang CY is the Welsh narrative, stored as cy", (r.stderr, langs))
        r = p("narrative", "--lang", "../x", "north-wales-2025", cy)
        check(r.returncode == 64, "a language that is not a code is a usage error", r.stderr)

        # delete: refused for a listed PDU, complete otherwise, and the id importable again.
        r = p("delete", "north-wales-2025")
        check(r.returncode == 65 and "listed by region wales-2025" in r.stderr and
              p("rate", "north-wales-2025").returncode == 0,
              "deleting a PDU a region lists is refused", r.stderr)
        r = p("delete", "--force", "north-wales-2025")
        check(r.returncode == 0 and "region wales-2025 lists north-wales-2025" in r.stderr,
              "--force deletes it and names the region that changes", r.stderr)
        found, fk = rows_of(db, "north-wales-2025")
        region_list = sqlite3.connect(db).execute(
            "SELECT count(*) FROM region_pdu WHERE pdu = 'north-wales-2025'").fetchone()[0]
        check(found == {}, "no row of the inspection is left (the region's list still names "
              "it)", found)
        check(fk == [] and region_list == 1, "PRAGMA foreign_key_check is clean", fk)
        r = p("rate", "wales-2025")
        check(r.returncode == 66 and "north-wales-2025" in r.stderr,
              "the region is refused until its PDU is back", r.stderr)
        r = p("import", nw)
        check(r.returncode == 0, "the id imports again", r.stderr)
        check(p("rate", "wales-2025", "--json").stdout == a["json"],
              "and the region's figures are back")
        r = p("delete", "wales-2025")
        found, fk = rows_of(db, "wales-2025")
        check(r.returncode == 0 and found == {} and fk == [],
              "a region deletes with its list of PDUs", found)
        r = p("delete", "wales-2025")
        check(r.returncode == 66, "deleting an unknown id exits 66", r.stderr)
        r = p("import", os.path.join(wales, "region"))
        check(r.returncode == 0, "the region imports again", r.stderr)

        # backup while a batch runs.
        out = os.path.join(tmp, "batch")
        batch = subprocess.Popen([exe, "--db", db, "batch", "--all", "--out", out, "-j", "2",
                                  "--quiet"], env=p.env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        time.sleep(0.3)
        copy = os.path.join(tmp, "copy.db")
        r = p("backup", copy)
        running = batch.poll() is None
        bout, berr = batch.communicate(timeout=300)
        check(r.returncode == 0, "backup succeeds", r.stderr)
        check(batch.returncode == 0, "the batch it ran beside finishes", berr)
        print(f"     (the batch was {'still' if running else 'no longer'} running when the "
              "backup finished)")
        check(p("rate", "wales-2025", "--json", db=copy).stdout ==
              p("rate", "wales-2025", "--json").stdout and
              p("list", "--json", db=copy).stdout == p("list", "--json").stdout,
              "the copy gives the same figures and list")
        con = sqlite3.connect(copy)
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
              "the copy passes PRAGMA integrity_check")
        con.close()
        r = p("backup", os.path.join(tmp, "no", "such", "dir", "c.db"))
        check(r.returncode == 73, "a backup that cannot be created exits 73", r.stderr)


run_main(main)
