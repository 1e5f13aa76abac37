#!/usr/bin/python3
"""A database failure during import keeps its own error: exit 74, not 65, and
the database is as it was; bad data still exits 65.

usage: test_errors.py PDUREP SOURCE_ROOT"""
import os
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Pdurep, rewrite  # noqa: E402
from harness import check, run_main  # noqa: E402


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    nw = os.path.join(root, "fixtures", "north-wales")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "e.db")
        p = Pdurep(exe, root, db)
        r = p("import", os.path.join(root, "fixtures", "wales", "gwent"))
        check(r.returncode == 0, "a database to break", r.stderr)
        # The database refuses every case row, as a full disk or a broken file would.
        con = sqlite3.connect(db)
        con.execute("CREATE TRIGGER refuse_cases BEFORE INSERT ON inspection_case "
                    "BEGIN SELECT RAISE(ABORT, 'simulated storage failure'); END")
        con.commit()
        con.close()
        before = open(db, "rb").read()
        r = p("import", nw)
        check(r.returncode == 74, "a database failure during import exits 74", f"{r.returncode} {r.stderr}")
        check("database error: simulated storage failure" in r.stderr,
              "the database's own message is shown", r.stderr)
        check("appears more than once" not in r.stderr,
              "a refused row is not taken for a repeated case id", r.stderr)
        check(open(db, "rb").read() == before, "the database is byte for byte as it was")

        # Bad data stays 65.
        con = sqlite3.connect(db)
        con.execute("DROP TRIGGER refuse_cases")
        con.commit()
        con.close()
        bad = os.path.join(tmp, "bad")
        shutil.copytree(nw, bad)
        rewrite(os.path.join(bad, "cases.csv"), ",medium,", ",extreme,")
        r = p("import", bad)
        check(r.returncode == 65 and 'rosh "extreme" is not one of' in r.stderr,
              "bad data exits 65", f"{r.returncode} {r.stderr}")


run_main(main)
