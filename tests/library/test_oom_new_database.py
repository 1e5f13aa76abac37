#!/usr/bin/python3
"""`pdurep import` into a database that does not exist yet, with allocations
failing (failmalloc.so): it ends 0 with the database made, or 70 with no word
but out of memory and no database file or journal left behind (the file the
run created is removed, as after any other failure). The library's own half,
the rolled-back transaction, is test oom-core's.

usage: test_oom_new_database.py PDUREP SHIM BUNDLE"""
import os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
from harness import check, run_main

pdurep, shim, bundle = (os.path.abspath(a) for a in sys.argv[1:4])


def run(db, extra):
    env = dict(os.environ, LD_PRELOAD=shim, **extra)
    return subprocess.run([pdurep, "--db", db, "import", bundle], capture_output=True,
                          text=True, env=env, timeout=60)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db, count = os.path.join(tmp, "new.db"), os.path.join(tmp, "count")
        r = run(db, {"PDUREP_FAIL_COUNT": count})
        check(r.returncode == 0 and os.path.exists(db), "imports with no failure", r.stderr)
        total = int(open(count).read())
        # The first allocations (options, the database file made), then others at random.
        points = sorted(set(range(1, 31)) | set(random.Random(9).sample(range(31, total + 1), 70)))
        bad, statuses = [], {}
        for n in points:
            for persist in "01":
                for f in (db, db + "-journal"):
                    if os.path.exists(f):
                        os.unlink(f)
                r = run(db, {"PDUREP_FAIL_AT": str(n), "PDUREP_FAIL_PERSIST": persist})
                statuses[r.returncode] = statuses.get(r.returncode, 0) + 1
                left = [os.path.basename(f) for f in (db, db + "-journal") if os.path.exists(f)]
                wrong = []
                if r.returncode not in (0, 70):
                    wrong.append(f"exit {r.returncode}")
                if r.returncode == 70 and left:
                    wrong.append("left " + ", ".join(left))
                if r.returncode == 70 and "memory" not in r.stderr:
                    wrong.append("no word of memory")
                if r.returncode == 0 and not os.path.exists(db):
                    wrong.append("exit 0 without a database")
                if wrong:
                    bad.append(f"allocation {n}{'+' if persist == '1' else ''}: "
                               f"{'; '.join(wrong)}: {r.stderr.strip()[-200:]}")
        check(not bad, f"{len(points)} of {total} allocations failing: exit 0 with the database "
                       f"or 70 with none left {statuses}", "\n".join(bad[:10]))


run_main(main)
