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


def imported(tmp, name):
    db = os.path.join(tmp, name + ".db")
    if not os.path.exists(db):
        run(["import", fixture], tmp, db)
    return db


def library_errors(tmp):
    db = imported(tmp, "lib")
    out = os.path.join(tmp, "lib-out")
    os.mkdir(out)
    # A layout whose regular face is not a font (the shipped layout, one line changed).
    layout = os.path.join(root, "layouts", "pdu-report.yaml")
    text = open(layout, encoding="utf-8").read()
    notfont = os.path.join(tmp, "not-a-font.ttf")
    open(notfont, "w").write("this is not a TrueType file\n" * 100)
    mine = os.path.join(root, "layouts", f".test-notfont-{os.getpid()}.yaml")
    open(mine, "w", encoding="utf-8").write(
        text.replace("regular: PdurepSans-Regular.ttf", f"regular: {notfont}"))
    try:
        r = run(["report", ID, "--layout", mine, "-o", os.path.join(out, "r.pdf")], tmp, db)
    finally:
        os.unlink(mine)
    check(r.returncode == 65 and f"{notfont}: not a TrueType font" in r.stderr
          and "libharu error" not in r.stderr and not os.listdir(out),
          "a font that is not a font: its name, what is wrong, exit 65, no file", r.stderr)
    # An existing folder as the output.
    os.mkdir(os.path.join(out, "taken.pdf"))
    os.mkdir(os.path.join(out, "taken.xlsx"))
    r = run(["report", ID, "-o", os.path.join(out, "taken.pdf")], tmp, db)
    check(r.returncode == 73 and "output path names a folder" in r.stderr,
          "report -o EXISTING_DIR exits 73", f"{r.returncode} {r.stderr}")
    r = run(["annexe", ID, "-o", os.path.join(out, "taken.xlsx")], tmp, db)
    check(r.returncode == 73 and "output path names a folder" in r.stderr,
          "annexe -o EXISTING_DIR exits 73", f"{r.returncode} {r.stderr}")
    check(sorted(os.listdir(out)) == ["taken.pdf", "taken.xlsx"], "and nothing is left beside")
    # A layout nested 200,000 deep: refused at once, with the place.
    deep = os.path.join(root, "layouts", f".test-deep-{os.getpid()}.yaml")
    open(deep, "w").write("styles:\n  body: " + "[" * 200_000 + "]" * 200_000 + "\n")
    try:
        t = time.time()
        r = run(["report", ID, "--layout", deep, "-o", os.path.join(out, "d.pdf")], tmp, db,
                timeout=60)
    finally:
        os.unlink(deep)
    check(r.returncode == 65 and ":2:" in r.stderr and "nested more than 64 levels deep"
          in r.stderr and time.time() - t < 10, "a layout nested 200,000 deep is refused at once",
          r.stderr)


def unreadable(tmp):
    if os.geteuid() != 0:
        print("skip unreadable files: needs root to run as another user")
        return
    db = os.path.join(tmp, "unread.db")
    d = bundle(tmp, "unread")
    for p in [d] + [os.path.join(d, f) for f in os.listdir(d)]:
        os.chmod(p, 0o755 if os.path.isdir(p) else 0o644)
    os.chmod(os.path.join(d, "cases.csv"), 0)
    def nobody():
        os.setgid(65534)
        os.setuid(65534)
    r = run(["import", d], tmp, db, preexec_fn=nobody)
    check(r.returncode == 66 and "cases.csv: cannot open: Permission denied" in r.stderr,
          "an unreadable cases.csv exits 66 and says so", f"{r.returncode} {r.stderr}")
    os.chmod(os.path.join(d, "cases.csv"), 0o644)
    os.chmod(d, 0)
    r = run(["import", d], tmp, db, preexec_fn=nobody)
    check(r.returncode == 66 and "cannot read the bundle folder: Permission denied" in r.stderr
          and "missing file" not in r.stderr, "an unreadable bundle folder is not 'missing'",
          f"{r.returncode} {r.stderr}")
    os.chmod(d, 0o755)
    check(not os.path.exists(db), "no database is left by the refused imports")


def signals_and_temps(tmp):
    db = imported(tmp, "sig")
    out = os.path.join(tmp, "sig-out")
    os.mkdir(out)
    e = dict(os.environ, PDUREP_DB=db)
    for cmd, name in (("annexe", "a.xlsx"), ("report", "r.pdf")):
        for sig in (signal.SIGINT, signal.SIGTERM):
            # Stopped as soon as its temporary file exists.
            p = subprocess.Popen([pdurep, cmd, ID, "-o", os.path.join(out, name)], env=e,
                                 stderr=subprocess.DEVNULL)
            t = time.time()
            while p.poll() is None and not any(f.startswith(".") for f in os.listdir(out)) \
                    and time.time() - t < 20:
                time.sleep(0.001)
            p.send_signal(sig)
            p.wait()
            left = [f for f in os.listdir(out) if f.startswith(".")]
            check(not left, f"{cmd} stopped by {sig.name} leaves no temporary file", str(left))
            for f in os.listdir(out):
                os.unlink(os.path.join(out, f))
    # Leftovers of killed processes are cleaned; a live process's file is kept.
    dead = subprocess.Popen(["true"])
    dead.wait()
    live = subprocess.Popen(["sleep", "30"])
    stale = os.path.join(out, f".r.pdf.{dead.pid}.AbC123")
    mine = os.path.join(out, f".r.pdf.{live.pid}.XyZ789")
    other = os.path.join(out, ".notes.txt")
    for f in (stale, mine, other):
        open(f, "w").write("x")
    r = run(["report", ID, "-o", os.path.join(out, "r.pdf")], tmp, db)
    live.kill()
    live.wait()
    check(r.returncode == 0 and not os.path.exists(stale), "a dead process's temp file is removed",
          r.stderr)
    check(os.path.exists(mine) and os.path.exists(other),
          "a live process's temp file and other hidden files are kept")


def excel_rows(tmp):
    db = os.path.join(tmp, "rows.db")
    syn = os.path.join(tmp, "rows-syn")
    r = run(["synth", "--out", syn, "--regions", "1", "--pdus", "1", "--cases", "1048574"], tmp,
            db, timeout=600)
    pdu = [os.path.join(dp) for dp, dn, fn in os.walk(syn) if "cases.csv" in fn]
    if r.returncode or not pdu:
        check(False, "synth makes a big bundle", r.stderr)
        return
    r = run(["import", pdu[0]], tmp, db, timeout=600)
    check(r.returncode == 0, "a million cases import", r.stderr)
    ident = r.stdout.split()[1]
    out = os.path.join(tmp, "rows-out")
    os.mkdir(out)
    r = run(["annexe", ident, "--with-cases", "-o", os.path.join(out, "a.xlsx")], tmp, db)
    check(r.returncode == 65 and "1048574 cases do not fit on one worksheet" in r.stderr
          and not os.listdir(out), "annexe --with-cases past the row limit: a message, exit 65",
          f"{r.returncode} {r.stderr}")


def full_disk(tmp):
    mnt = os.path.join(tmp, "small")
    os.mkdir(mnt)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs",
                                            mnt], capture_output=True).returncode:
        print("skip full disk: cannot mount a small tmpfs (needs root)")
        return
    try:
        db = imported(tmp, "full")
        # Leave 16 KiB: enough to start each file, too little to finish it.
        st = os.statvfs(mnt)
        open(os.path.join(mnt, "filler"), "wb").write(b"\0" * (st.f_bavail * st.f_frsize - 16384))
        for cmd, name in (("report", "r.pdf"), ("annexe", "a.xlsx")):
            r = run([cmd, ID, "-o", os.path.join(mnt, name)], tmp, db)
            # libxlsxwriter prints its own [ERROR] lines (naming its temporary file) to
            # stderr; pdurep's own lines must name the real file.
            ours = "\n".join(l for l in r.stderr.splitlines() if not l.startswith("[ERROR]"))
            check(r.returncode == 74 and f"{mnt}/{name}: cannot write: the disk is full" in ours
                  and f"/.{name}." not in ours and os.listdir(mnt) == ["filler"],
                  f"{cmd} on a full disk: says so, names the file, exit 74, leaves nothing",
                  f"{r.returncode} {r.stderr} {os.listdir(mnt)}")
        newdb = os.path.join(mnt, "new.db")
        r = run(["import", fixture], tmp, newdb)
        check(r.returncode == 74 and os.listdir(mnt) == ["filler"],
              "import into a new database on a full disk: exit 74, no file left",
              f"{r.returncode} {r.stderr} {os.listdir(mnt)}")
    finally:
        subprocess.run(["umount", mnt])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        os.chmod(tmp, 0o777)
        for t in (not_regular_files, nul_and_cr, hot_journal, failed_import_and_database,
                  memory_exhaustion, library_errors, unreadable, signals_and_temps, full_disk,
                  excel_rows):
            print(f"# {t.__name__}")
            try:
                t(tmp)
            except Exception as e:  # a hang or crash in one part must not hide the others
                check(False, f"{t.__name__} ran to the end", repr(e))


run_main(main)
