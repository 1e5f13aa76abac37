#!/usr/bin/python3
"""The defects of issue 13, each as a user would meet it: hostile bundle
files, memory exhaustion, a crashed import, failed imports and the database,
library failures as messages, temp files and signals.

usage: test_defects.py PDUREP SOURCE_ROOT"""
import os, resource, shutil, signal, sqlite3, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
from harness import check, run_main

pdurep, root = (os.path.abspath(a) for a in sys.argv[1:3])
fixture = os.path.join(root, "fixtures", "north-wales")
ID = "north-wales-2025"
ASAN = b"libasan" in subprocess.run(["ldd", pdurep], capture_output=True).stdout


def run(args, cwd, db, timeout=120, **kw):
    e = dict(os.environ)
    e["PDUREP_DB"] = db
    return subprocess.run([pdurep] + args, cwd=cwd, capture_output=True, text=True, env=e,
                          timeout=timeout, **kw)


def sha(path):
    return open(path, "rb").read() if os.path.exists(path) else None


def bundle(tmp, name, cases=None):
    """A copy of the fixture, with cases.csv replaced by `cases` (bytes) if given."""
    d = os.path.join(tmp, name)
    shutil.copytree(fixture, d)
    if cases is not None:
        os.unlink(os.path.join(d, "cases.csv"))
        open(os.path.join(d, "cases.csv"), "wb").write(cases)
    return d


def memory_exhaustion(tmp):
    if ASAN:
        print("skip memory exhaustion: AddressSanitizer cannot run under RLIMIT_AS")
        return
    db = os.path.join(tmp, "oom.db")
    run(["import", fixture], tmp, db)
    before = sha(db)
    rows = open(os.path.join(fixture, "cases.csv"), "rb").read().splitlines(keepends=True)
    # A row of twenty million empty fields at row 42: about 500 MB to hold.
    cases = b"".join(rows[:42]) + b"," * 20_000_000 + b"\n" + b"".join(rows[42:])
    d = bundle(tmp, "oom", cases)
    shutil.copy(os.path.join(fixture, "inspection.csv"), d)
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (400 << 20, 400 << 20))
    r = run(["import", "--replace", d], tmp, db, preexec_fn=limit)
    check(r.returncode == 70 and "cases.csv:43: out of memory" in r.stderr and
          "imported" not in r.stdout, "running out of memory fails the import (exit 70)",
          f"{r.returncode}\n{r.stdout}{r.stderr}")
    check(sha(db) == before, "and the database is unchanged")


def hot_journal(tmp):
    db = os.path.join(tmp, "hot.db")
    run(["import", fixture], tmp, db)
    rate = run(["rate", ID], tmp, db).stdout
    # A writer killed inside a transaction, after part of it reached the file.
    child = os.fork()
    if child == 0:
        c = sqlite3.connect(db, isolation_level=None)
        c.execute("PRAGMA cache_size = 1")
        c.execute("BEGIN IMMEDIATE")
        c.execute("UPDATE inspection_case SET answers = replace(answers, 'N', 'Y')")
        c.execute("DELETE FROM judgement")
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(child, 0)
    check(os.path.getsize(db + "-journal") > 0, "the killed writer left a hot journal")
    r = run(["list"], tmp, db)
    check(r.returncode == 0 and ID in r.stdout, "list works right after a crashed write",
          r.stderr)
    r = run(["rate", ID], tmp, db)
    check(r.returncode == 0 and r.stdout == rate, "rate gives the figures of before the crash",
          r.stderr)
    out = os.path.join(tmp, "hot-out")
    os.mkdir(out)
    r = run(["report", ID, "-o", os.path.join(out, "r.pdf")], tmp, db)
    check(r.returncode == 0, "report works after a crashed write", r.stderr)


def not_regular_files(tmp):
    db = os.path.join(tmp, "fifo.db")
    run(["import", fixture], tmp, db)
    before = sha(db)
    d = bundle(tmp, "fifo")
    os.unlink(os.path.join(d, "cases.csv"))
    os.mkfifo(os.path.join(d, "cases.csv"))
    t = time.time()
    r = run(["import", "--replace", d], tmp, db, timeout=30)
    check(r.returncode == 65 and f"{d}/cases.csv: is not a regular file (a pipe)" in r.stderr
          and time.time() - t < 10, "a FIFO as cases.csv is refused at once (65)", r.stderr)
    # Meanwhile nothing held the write lock: another writer gets in at once.
    c = sqlite3.connect(db, timeout=0)
    c.execute("BEGIN IMMEDIATE")
    c.execute("ROLLBACK")
    c.close()
    os.unlink(os.path.join(d, "cases.csv"))
    os.symlink("/dev/zero", os.path.join(d, "cases.csv"))
    t = time.time()
    r = run(["import", "--replace", d], tmp, db)
    check(r.returncode == 65 and "is not a regular file (a device)" in r.stderr and
          time.time() - t < 10, "a link to /dev/zero is refused at once", r.stderr)
    os.unlink(os.path.join(d, "cases.csv"))
    os.mkdir(os.path.join(d, "cases.csv"))
    r = run(["import", "--replace", d], tmp, db)
    check(r.returncode == 65 and "cases.csv: is a folder, not a file" in r.stderr,
          "a folder as cases.csv is refused", r.stderr)
    os.rmdir(os.path.join(d, "cases.csv"))
    os.unlink(os.path.join(d, "narrative.txt"))
    os.mkfifo(os.path.join(d, "narrative.txt"))
    shutil.copy(os.path.join(fixture, "cases.csv"), d)
    r = run(["import", "--replace", d], tmp, db, timeout=30)
    check(r.returncode == 65 and "narrative.txt: is not a regular file" in r.stderr,
          "a FIFO as narrative.txt is refused", r.stderr)
    check(sha(db) == before, "the database is unchanged by refused files")


def nul_and_cr(tmp):
    db = os.path.join(tmp, "nul.db")
    text = open(os.path.join(fixture, "cases.csv"), "rb").read()
    lines = text.splitlines()
    bad = lines[:]
    bad[3] = bad[3].replace(b",", b"\0 Hidden,", 1)
    d = bundle(tmp, "nul", b"\n".join(bad) + b"\n")
    r = run(["import", d], tmp, db)
    check(r.returncode == 65 and "cases.csv:4:1: a NUL byte" in r.stderr,
          "a NUL byte in cases.csv is refused with its line and column", r.stderr)
    check(not os.path.exists(db), "and the database the failed run created is removed")
    # CR-only line ends: a mistake on line 6 is reported on line 6.
    bad = lines[:]
    bad[5] = bad[5].replace(b",Y,", b",Yse,", 1).replace(b",N,", b",Yse,", 1)
    d = bundle(tmp, "cr", b"\r".join(bad) + b"\r")
    r = run(["import", d], tmp, db)
    check(r.returncode == 65 and "cases.csv:6:" in r.stderr and "cases.csv:2:" not in r.stderr,
          "CR-only line ends: problems on their physical line", r.stderr)
    d = bundle(tmp, "cr-ok", b"\r".join(lines) + b"\r")
    r = run(["import", d], tmp, db)
    check(r.returncode == 0 and "77 cases" in r.stdout, "a CR-only file imports", r.stderr)


def failed_import_and_database(tmp):
    bad = bundle(tmp, "bad-for-db", b"case_id\n")
    for size in ("zero", "full"):
        db = os.path.join(tmp, f"exist-{size}.db")
        if size == "zero":
            open(db, "wb").close()
        else:
            run(["import", fixture], tmp, db)
        before = sha(db)
        r = run(["import", bad], tmp, db)
        check(r.returncode == 65 and sha(db) == before,
              f"a failed import leaves an existing {size} database byte-identical",
              f"{r.returncode} {r.stderr}")
    db = os.path.join(tmp, "new.db")
    r = run(["import", bad], tmp, db)
    check(r.returncode == 65 and not os.path.exists(db) and not os.path.exists(db + "-journal"),
          "a failed import removes the database it created", r.stderr)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o777)
        for t in (not_regular_files, nul_and_cr, hot_journal, failed_import_and_database,
                  memory_exhaustion):
            print(f"# {t.__name__}")
            try:
                t(tmp)
            except Exception as e:  # a hang or crash in one part must not hide the others
                check(False, f"{t.__name__} ran to the end", repr(e))


run_main(main)
