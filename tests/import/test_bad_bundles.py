#!/usr/bin/python3
"""Feeds every broken bundle in BAD_DIR to `pdurep import` against a database
that already holds the North Wales fixture, and checks the exact messages, the
exit status, and that the database file is byte for byte unchanged.

usage: test_bad_bundles.py PDUREP BAD_DIR FIXTURE_DIR"""
import hashlib, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, finish  # noqa: E402

pdurep, bad_dir, fixture = (os.path.abspath(a) for a in sys.argv[1:4])
data_dir = os.environ.get("PDUREP_DATA_DIR", "")
def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()

def run(args, cwd):
    return subprocess.run([pdurep] + args, cwd=cwd, capture_output=True, text=True)

with tempfile.TemporaryDirectory() as tmp:
    template = os.path.join(tmp, "template.db")
    r = run(["--db", template, "import", fixture], tmp)
    check(r.returncode == 0, "fixture imports into the template database", r.stderr)

    for name in sorted(os.listdir(bad_dir)):
        case = os.path.join(bad_dir, name)
        if not os.path.isdir(case):
            continue
        lines = open(os.path.join(case, "expected.txt"), encoding="utf-8").read().splitlines()
        status = int(lines[0].split()[1])
        want = [l.replace("DATA/", data_dir.rstrip("/") + "/") for l in lines[1:]]
        work = os.path.join(tmp, name)
        os.makedirs(work)
        db = os.path.join(work, "pdurep.db")
        shutil.copy(template, db)
        before = digest(db)
        r = run(["--db", db, "import", name], bad_dir)
        got = r.stderr.splitlines()
        check(r.returncode == status, f"{name}: exit status {status}", f"  got {r.returncode}\n{r.stderr}")
        check(got[:-1] == want, f"{name}: exact messages",
              "  want:\n    " + "\n    ".join(want) + "\n  got:\n    " + "\n    ".join(got))
        check(len(got) > 0 and got[-1].startswith("pdurep import: "), f"{name}: ends with a summary line",
              r.stderr)
        check(digest(db) == before, f"{name}: database unchanged")
        check(sorted(os.listdir(work)) == ["pdurep.db"], f"{name}: no journal or stray file left",
              str(os.listdir(work)))

    # A failed import into a database that did not exist leaves no file behind.
    fresh = os.path.join(tmp, "fresh.db")
    r = run(["--db", fresh, "import", "answer-misspelt"], bad_dir)
    check(r.returncode == 65 and not os.path.exists(fresh), "failed import creates no database")

    r = run(["--db", fresh, "import", "no-such-folder"], bad_dir)
    check(r.returncode == 66, "missing bundle folder exits 66", r.stderr)
    check(r.stderr.splitlines()[0] == "no-such-folder: no such bundle folder",
          "missing bundle folder message", r.stderr)

finish()
