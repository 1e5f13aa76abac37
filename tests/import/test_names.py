#!/usr/bin/python3
"""Bundle file names in any letter case: Narrative.txt and NARRATIVE.CY.TXT in a
folder or beside a workbook are read as narrative.txt and narrative.cy.txt; two
names that differ only in letter case are refused, naming both, with the
database untouched; a narrative replaced later keeps its stored name, so the
exported bundle imports again.

usage: test_names.py PDUREP FIXTURE_DIR"""
import csv, os, shutil, sqlite3, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "common"))
from harness import check, run_main  # noqa: E402
import openpyxl  # noqa: E402

pdurep, fixture = (os.path.abspath(a) for a in sys.argv[1:3])
ID = "north-wales-2025"


def run(args, cwd):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", PDUREP_NOW="1767225600")
    return subprocess.run([pdurep] + args, cwd=cwd, capture_output=True, text=True, env=env)


def narratives(db):
    """Every stored narrative row, by language: what a report prints."""
    with sqlite3.connect(db) as con:
        return con.execute("SELECT lang, position, section, body FROM narrative "
                           "ORDER BY lang, position").fetchall()


def tables(db):
    """The database's rows (apart from the import time), to show a refused import left it
    as it was."""
    if not os.path.exists(db):
        return None
    with sqlite3.connect(db) as con:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: sorted(map(repr, con.execute(f'SELECT * FROM "{n}"'))) for n in names}


def bundle(tmp, name, renames=(), copies=()):
    """The fixture under another folder name, files renamed or copied to other names."""
    d = os.path.join(tmp, name)
    shutil.copytree(fixture, d)
    for old, new in renames:
        os.rename(os.path.join(d, old), os.path.join(d, new))
    for old, new in copies:
        shutil.copy(os.path.join(d, old), os.path.join(d, new))
    return d


def workbook(path):
    """The fixture's three tables as sheets of one workbook."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in ("inspection", "judgements", "cases"):
        ws = wb.create_sheet(name)
        with open(os.path.join(fixture, name + ".csv"), encoding="utf-8-sig") as f:
            for row in csv.reader(f):
                ws.append(row)
    wb.save(path)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        ref = os.path.join(tmp, "ref.db")
        r = run(["--db", ref, "import", fixture], tmp)
        check(r.returncode == 0, "the fixture imports", r.stderr)
        want = narratives(ref)
        check({row[0] for row in want} == {"en", "cy"}, "the fixture has English and Welsh")

        # 1. A folder bundle whose narratives are named in other letter cases.
        bundle(tmp, "upper", renames=[("narrative.txt", "Narrative.txt"),
                                      ("narrative.cy.txt", "NARRATIVE.CY.TXT")])
        db = os.path.join(tmp, "upper.db")
        r = run(["--db", db, "import", "upper"], tmp)
        check(r.returncode == 0, "Narrative.txt, NARRATIVE.CY.TXT: imports", r.stderr)
        check(narratives(db) == want, "Narrative.txt, NARRATIVE.CY.TXT: both narratives stored "
              "as the fixture's, Welsh as 'cy'", str({row[0] for row in narratives(db)}))
        check(r.stderr.strip() == "upper: matched 2 names in another letter case",
              "Narrative.txt, NARRATIVE.CY.TXT: counted in the summary line", r.stderr)

        # 2. After `pdurep narrative`, the stored file keeps its name: the export holds one
        #    Welsh narrative and imports again.
        cy = os.path.join(tmp, "cy.txt")
        shutil.copy(os.path.join(fixture, "narrative.cy.txt"), cy)
        r = run(["--db", db, "narrative", ID, cy, "--lang", "cy"], tmp)
        check(r.returncode == 0, "narrative replaced after a name in capitals", r.stderr)
        out = os.path.join(tmp, "exported")
        r = run(["--db", db, "export", ID, out], tmp)
        names = sorted(os.listdir(out)) if os.path.isdir(out) else []
        check(names == ["NARRATIVE.CY.TXT", "Narrative.txt", "cases.csv", "inspection.csv",
                        "judgements.csv"], "export: the replaced narrative under its stored name",
              str(names))
        db2 = os.path.join(tmp, "again.db")
        r = run(["--db", db2, "import", out], tmp)
        check(r.returncode == 0 and narratives(db2) == want, "the exported bundle imports again",
              r.stderr)

        # 3. A workbook's narratives beside it, prefix and name in other letter cases.
        os.mkdir(os.path.join(tmp, "wb"))
        workbook(os.path.join(tmp, "wb", "gwyr.xlsx"))
        shutil.copy(os.path.join(fixture, "narrative.txt"),
                    os.path.join(tmp, "wb", "Gwyr.Narrative.txt"))
        shutil.copy(os.path.join(fixture, "narrative.cy.txt"),
                    os.path.join(tmp, "wb", "GWYR.NARRATIVE.CY.TXT"))
        db = os.path.join(tmp, "wb.db")
        r = run(["--db", db, "import", "wb/gwyr.xlsx"], tmp)
        check(r.returncode == 0 and narratives(db) == want,
              "gwyr.xlsx takes Gwyr.Narrative.txt and GWYR.NARRATIVE.CY.TXT", r.stderr)
        r = run(["--db", db, "show", ID, "--json"], tmp)
        check("GWYR.NARRATIVE.CY.TXT" in r.stdout and "Gwyr.Narrative.txt" in r.stdout,
              "workbook bundle: the narratives are stored files of the inspection", r.stdout)

        # 4. Two names that differ only in letter case: refused with both names, exit 65,
        #    the database as it was (here: it already holds another inspection).
        base = os.path.join(tmp, "base.db")
        shutil.copy(ref, base)
        run(["--db", base, "delete", ID, "--force"], tmp)
        before = tables(base)
        cases = [
            ("narrative.txt", "Narrative.txt",
             'twice/Narrative.txt: "Narrative.txt" and "narrative.txt" differ only in letter '
             'case, so it is not certain which narrative is meant: keep one of them'),
            ("narrative.cy.txt", "NARRATIVE.CY.TXT",
             'twice/NARRATIVE.CY.TXT: "NARRATIVE.CY.TXT" and "narrative.cy.txt" differ only in '
             'letter case, so it is not certain which narrative is meant: keep one of them'),
            ("cases.csv", "Cases.csv",
             'twice/Cases.csv: "Cases.csv" and "cases.csv" differ only in letter case, so it is '
             'not certain which file is meant: keep one of them'),
        ]
        for src, dup, message in cases:
            shutil.rmtree(os.path.join(tmp, "twice"), ignore_errors=True)
            bundle(tmp, "twice", copies=[(src, dup)])
            r = run(["--db", base, "import", "twice"], tmp)
            check(r.returncode == 65, f"{src} and {dup}: exit 65", r.stderr)
            check(message in r.stderr.splitlines(), f"{src} and {dup}: both names in the message",
                  r.stderr)
            check(tables(base) == before, f"{src} and {dup}: the database as it was")
        shutil.rmtree(os.path.join(tmp, "twice"))
        bundle(tmp, "twice", copies=[("narrative.cy.txt", "gwyr.Narrative.CY.txt")])
        os.rename(os.path.join(tmp, "wb", "gwyr.xlsx"), os.path.join(tmp, "twice", "gwyr.xlsx"))
        shutil.copy(os.path.join(fixture, "narrative.cy.txt"),
                    os.path.join(tmp, "twice", "gwyr.narrative.cy.txt"))
        r = run(["--db", base, "import", "twice/gwyr.xlsx"], tmp)
        check(r.returncode == 65 and 'twice/gwyr.Narrative.CY.txt: "gwyr.Narrative.CY.txt" and '
              '"gwyr.narrative.cy.txt" differ only in letter case, so it is not certain which '
              'narrative is meant: keep one of them' in r.stderr.splitlines(),
              "workbook: two narratives beside it that differ only in letter case", r.stderr)
        check(tables(base) == before, "workbook: the database as it was")

        # 5. English named as a translation is refused in any letter case, as before.
        bundle(tmp, "en", renames=[("narrative.cy.txt", "Narrative.EN.txt")])
        r = run(["--db", base, "import", "en"], tmp)
        check(r.returncode == 65 and "en/Narrative.EN.txt: the English narrative is "
              "narrative.txt" in r.stderr, "Narrative.EN.txt: refused like narrative.en.txt", r.stderr)


run_main(main)
