#!/usr/bin/python3
"""Fault injection over pdurep, as SQLite's test harness does it: failing
allocations (failmalloc.so, a countdown), a full disk (a small tmpfs, root
only) and kill -9 at random moments. Each run must keep pdurep's promises:
a documented exit status, no partial output (a final file is whole or absent),
the database unchanged by a failed command, and no sanitizer report.

usage: fault_injection.py PDUREP SOURCE_ROOT SHIM [--quick] [--only=PART[:CMD],...]
                          [--every] [--jobs=N]

--quick runs a bounded sample (scripts/test.sh); without it every part runs
at full length (scripts/fault-injection.sh). --only runs some of it, so a
long run can be split: PART is alloc, kill or disk, CMD one of the commands
of that part (alloc:report, kill:batch), or for alloc a library whose own
allocations are aimed at (alloc:libsqlite3, alloc:libhpdf, alloc:libxlsxwriter,
alloc:libminizip). --every fails every allocation of the alloc part, not a
sample (each one alone or with every later one failing too, alternately), and
--jobs=N runs N of them at a time: an exhaustive run of one command or one
library, such as --only=alloc:libxlsxwriter --every --jobs=2."""
import concurrent.futures, json, os, queue, random, shutil, signal, sqlite3, subprocess, sys
import tempfile, time, zipfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
from harness import check, run_main

pdurep, root, shim = (os.path.abspath(a) for a in sys.argv[1:4])
quick = "--quick" in sys.argv
only = [w for a in sys.argv if a.startswith("--only=") for w in a[7:].split(",") if w]
every = "--every" in sys.argv
jobs = max([int(a[7:]) for a in sys.argv if a.startswith("--jobs=")] or [1])


def wanted(part, cmd=None):
    return not only or part in only or (cmd is not None and f"{part}:{cmd}" in only)
ID = "north-wales-2025"
DOCUMENTED = {0, 64, 65, 66, 70, 73, 74}
ASAN = b"libasan" in subprocess.run(["ldd", pdurep], capture_output=True).stdout
rng = random.Random(13)
counts = {}


def env(db, extra=None):
    e = dict(os.environ, PDUREP_DB=db, PDUREP_DATA_DIR=root, SOURCE_DATE_EPOCH="1700000000")
    if ASAN:
        # The shim goes before the sanitizer's allocator and forwards to it.
        # A crash inside an uninstrumented library goes to pdurep's own handler (exit 70);
        # a memory error in pdurep's code is still caught by the instrumentation.
        # The libraries are built without frame pointers: the fast unwinder stops at their
        # first frame, and a suppression naming a function of theirs would never match.
        e["ASAN_OPTIONS"] = ("verify_asan_link_order=0:detect_leaks=1:exitcode=99:"
                             "handle_segv=0:handle_sigbus=0:fast_unwind_on_malloc=0")
        e["UBSAN_OPTIONS"] = "halt_on_error=1:exitcode=99"
        # Third-party leaks on their own error paths, named and explained in the file.
        e["LSAN_OPTIONS"] = ("suppressions=" + os.path.join(root, "tests", "lsan.supp") +
                             ":print_suppressions=0")
    e.update(extra or {})
    return e


def run(args, db, cwd, extra=None, timeout=300):
    return subprocess.run([pdurep] + args, capture_output=True, text=True, cwd=cwd,
                          env=env(db, extra), timeout=timeout)


def whole(path):
    """A finished output: a PDF with its end marker, or a workbook zip that opens."""
    if path.endswith(".pdf"):
        data = open(path, "rb").read()
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if path.endswith(".json"):
        try:
            json.load(open(path, encoding="utf-8"))
            return True
        except ValueError:
            return False
    if path.endswith(".csv"):
        return open(path, "rb").read().endswith(b"\n")
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and "[Content_Types].xml" in z.namelist()
    except Exception:
        return False


def outputs_ok(out, allow_hidden=False):
    """Nothing half-written in an output folder: every file whole, no temp file left."""
    bad = []
    for f in os.listdir(out):
        p = os.path.join(out, f)
        if f.startswith("."):
            if not allow_hidden:
                bad.append(f + " (temporary file left)")
        elif not whole(p):
            bad.append(f + " (not whole)")
    return bad


def allocation_failures(tmp):
    base = os.path.join(tmp, "base.db")
    r = run(["import", os.path.join(root, "fixtures", "north-wales")], base, tmp)
    assert r.returncode == 0, r.stderr
    gwent = os.path.join(root, "fixtures", "wales", "gwent")
    # Each command with the document it writes into a folder OUT (None: it writes none).
    commands = {
        "import": (lambda out: ["import", gwent], None),
        "rate": (lambda out: ["rate", ID], None),
        "report": (lambda out: ["report", ID, "-o", os.path.join(out, "r.pdf")], "r.pdf"),
        "annexe": (lambda out: ["annexe", ID, "-o", os.path.join(out, "a.xlsx")], "a.xlsx"),
    }
    per_command = 12 if quick else 150
    for name, (args, output) in commands.items():
        if wanted("alloc", name):
            fail_points(tmp, base, f"alloc {name}", name, args, output, {},
                        lambda total: range(1, total + 1) if every else
                        sorted({rng.randint(1, total) for _ in range(per_command)} |
                               {total // k for k in range(1, 6)}))
    # Aimed at one library's own allocations (PDUREP_FAIL_IN): each library's
    # out-of-memory paths, which a countdown over the whole process seldom reaches.
    # Evenly spaced points, so the quick run tries the same ones every time.
    # The last 30 % of libxlsxwriter's allocations are those of workbook_close (from 72 % on
    # for the North Wales annexe), where it goes on silently after most failures: a defined
    # name, a selection or a chart's cached label left out, exit 0 before its allocations
    # were counted (src/xlsx/alloc.c).
    per_library = 10 if quick else 60
    aimed = [("import", "libsqlite3", 0), ("rate", "libsqlite3", 0), ("report", "libhpdf", 0),
             ("annexe", "libxlsxwriter", 0), ("annexe", "libminizip", 0),
             ("annexe", "libxlsxwriter", 70)]
    for name, lib, from_percent in aimed:
        if every and from_percent:
            continue  # every point of the library is already failed
        if wanted("alloc", name) or wanted("alloc", lib):
            args, output = commands[name]
            label = f"alloc {name} in {lib}" + (" while closing" if from_percent else "")
            fail_points(tmp, base, label, name, args, output, {"PDUREP_FAIL_IN": lib},
                        lambda total, f=from_percent: range(1, total + 1) if every else sorted(
                            {max(1, total * f // 100 + (total - total * f // 100) * k //
                                 (per_library + 1)) for k in range(1, per_library + 1)} |
                            {total}))


def fail_points(tmp, base, label, name, make_args, output, extra, choose):
    """Fail the allocations choose(total) picks, one run each, and check every promise.
    With --jobs=N, N runs at a time, each in a folder of its own (a database copy, an output
    folder)."""
    started = time.time()
    before = open(base, "rb").read()
    slots = queue.Queue()
    for k in range(jobs):
        slot = os.path.join(tmp, f"slot{k}")
        os.makedirs(os.path.join(slot, "out"), exist_ok=True)
        slots.put(slot)
    first = slots.get()
    db, out = os.path.join(first, "alloc.db"), os.path.join(first, "out")
    shutil.copy(base, db)
    countfile = os.path.join(tmp, "count")
    ok = run(make_args(out), db, tmp, dict(extra, LD_PRELOAD=shim, PDUREP_FAIL_COUNT=countfile))
    total = int(open(countfile).read())
    good_stdout = ok.stdout
    good_file = open(os.path.join(out, output), "rb").read() if output else None
    for f in os.listdir(out):
        os.unlink(os.path.join(out, f))
    slots.put(first)

    def one(i, n):
        slot = slots.get()
        try:
            db, out = os.path.join(slot, "alloc.db"), os.path.join(slot, "out")
            shutil.copy(base, db)
            persist = "1" if i % 2 else "0"
            r = run(make_args(out), db, tmp, dict(extra, LD_PRELOAD=shim, PDUREP_FAIL_AT=str(n),
                                                  PDUREP_FAIL_PERSIST=persist))
            problems = []
            if r.returncode not in DOCUMENTED:
                problems.append(f"exit status {r.returncode}")
            # The inputs are good: a failed allocation is never "invalid data", and a NULL
            # stopped by a constraint means a failed copy went unnoticed.
            if r.returncode == 65:
                problems.append("exit 65, invalid data, for good input")
            # Nor a database or disk error: the user is told what happened.
            if r.returncode == 74:
                problems.append("exit 74, a database or disk error, for a failed allocation")
            if r.returncode != 0 and "memory" not in r.stderr.lower():
                problems.append("no word of memory")
            # The command's crash handler keeps the promises above, but a program using the
            # library has none: a library that crashed on a failed allocation is a failure.
            if "a library crashed" in r.stderr:
                problems.append("a library crashed (the command's handler caught it)")
            if "NOT NULL constraint failed" in r.stderr:
                problems.append("a value lost to the failed allocation reached the database")
            # A read-only command recovers a journal a dying writer left; then the bytes count.
            subprocess.run([pdurep, "list"], capture_output=True, env=env(db))
            if r.returncode != 0 and name == "import" and open(db, "rb").read() != before:
                problems.append("the database changed")
            if r.returncode == 0 and name == "import" and "imported" not in r.stdout:
                problems.append("exit 0 without saying what was imported")
            if r.returncode == 0 and name == "rate" and r.stdout != good_stdout:
                problems.append("other figures")
            if output:
                problems += outputs_ok(out)
                made = os.path.join(out, output)
                if r.returncode == 0 and (not os.path.exists(made) or
                                          open(made, "rb").read() != good_file):
                    problems.append("exit 0 without the same document")
                if r.returncode != 0 and os.path.exists(made):
                    problems.append("a document after a failure")
                for f in os.listdir(out):
                    os.unlink(os.path.join(out, f))
            return n, persist, r, problems
        finally:
            slots.put(slot)

    failures = 0
    statuses = {}
    points = choose(total) if total else []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for n, persist, r, problems in pool.map(one, range(len(points)), points):
            statuses[r.returncode] = statuses.get(r.returncode, 0) + 1
            if problems:
                failures += 1
                check(False, f"{label}: allocation {n} of {total} failing"
                             f"{' and after' if persist == '1' else ''}",
                      "; ".join(problems) + "\n" + r.stderr[-1500:])
    counts[label] = (len(points), failures, statuses, total, time.time() - started)
    check(failures == 0 and total > 0, f"{label}: {len(points)} failing allocations (of {total}) "
                                       f"keep every promise; exit statuses {statuses}")


def kill9(tmp):
    base = os.path.join(tmp, "k-base.db")
    r = run(["import", os.path.join(root, "fixtures", "north-wales")], base, tmp)
    syn = os.path.join(tmp, "k-syn")
    r = run(["synth", "--out", syn, "--regions", "1", "--pdus", "2", "--cases", "20000"], base,
            tmp)
    big = sorted(os.path.join(syn, d) for d in os.listdir(syn) if "-p" in d)[0]
    rate = run(["rate", ID], base, tmp).stdout
    out = os.path.join(tmp, "k-out")
    os.mkdir(out)
    trials = 6 if quick else 40
    jobs = {
        "import": ["import", big],
        "report": ["report", ID, "-o", os.path.join(out, "r.pdf")],
        "annexe": ["annexe", ID, "--with-cases", "-o", os.path.join(out, "a.xlsx")],
        "batch": ["batch", "--all", "--out", out, "--quiet"],
    }
    for name, args in jobs.items():
        if not wanted("kill", name):
            continue
        started = time.time()
        # How long a whole run takes, to kill it anywhere inside.
        db = os.path.join(tmp, "k.db")
        shutil.copy(base, db)
        t = time.time()
        run(args, db, tmp)
        length = max(time.time() - t, 0.05)
        shutil.rmtree(out)
        os.mkdir(out)
        failures = 0
        for i in range(trials):
            shutil.copy(base, db)
            before_ids = sqlite3.connect(db).execute("SELECT id FROM inspection").fetchall()
            p = subprocess.Popen([pdurep] + args, env=env(db), cwd=tmp,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, length))
            p.send_signal(signal.SIGKILL)
            p.wait()
            problems = outputs_ok(out, allow_hidden=True)
            r = run(["list"], db, tmp)
            if r.returncode != 0:
                problems.append("list fails after the kill: " + r.stderr)
            r = run(["rate", ID], db, tmp)
            if r.returncode != 0 or r.stdout != rate:
                problems.append("rate changed after the kill: " + r.stderr)
            r = run(["check"], db, tmp)
            if r.returncode != 0:
                problems.append("check fails after the kill: " + r.stdout)
            ids = sqlite3.connect(db).execute("SELECT id FROM inspection").fetchall()
            if name != "import" and ids != before_ids:
                problems.append("the inspections changed")
            # The next run in the folder removes what the killed one left.
            if name in ("report", "annexe"):
                r = run(args, db, tmp)
                left = [f for f in os.listdir(out) if f.startswith(".")]
                if r.returncode != 0 or left:
                    problems.append(f"the next run failed or left {left}: {r.stderr}")
            if problems:
                failures += 1
                check(False, f"kill -9 during {name} (trial {i})", "; ".join(problems))
            shutil.rmtree(out)
            os.mkdir(out)
        counts[f"kill {name}"] = (trials, failures, {}, None, time.time() - started)
        check(failures == 0, f"kill -9 at {trials} random moments of {name}: database whole, "
                             f"outputs whole or absent")


def full_disk(tmp):
    if not wanted("disk"):
        return
    started = time.time()
    mnt = os.path.join(tmp, "fd")
    os.mkdir(mnt)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mnt],
                                           capture_output=True).returncode:
        print("skip full disk: needs root to mount a small tmpfs")
        return
    try:
        base = os.path.join(tmp, "fd-base.db")
        run(["import", os.path.join(root, "fixtures", "north-wales")], base, tmp)
        rate = run(["rate", ID], base, tmp).stdout
        steps = 6 if quick else 40
        failures = 0
        statuses = {}
        # Outputs: the free space left ranges from none to a whole document.
        for i in range(steps):
            for f in os.listdir(mnt):
                os.unlink(os.path.join(mnt, f))
            st = os.statvfs(mnt)
            free = st.f_bavail * st.f_frsize
            leave = int(free * 0.5 * i / steps) if i else 0
            open(os.path.join(mnt, "filler"), "wb").write(b"\0" * (free - leave))
            for cmd, name in (("report", "r.pdf"), ("annexe", "a.xlsx")):
                r = run([cmd, ID, "-o", os.path.join(mnt, name)], base, tmp)
                statuses[r.returncode] = statuses.get(r.returncode, 0) + 1
                problems = [p for p in outputs_ok(mnt) if not p.startswith("filler")]
                if r.returncode not in (0, 74):
                    problems.append(f"exit {r.returncode}")
                if r.returncode == 74 and "the disk is full" not in r.stderr:
                    problems.append("no word of the full disk: " + r.stderr)
                if problems:
                    failures += 1
                    check(False, f"{cmd} with {leave} bytes free", "; ".join(problems))
                if os.path.exists(os.path.join(mnt, name)):
                    os.unlink(os.path.join(mnt, name))
        # The database on the full disk: imports fail whole, the database stays good.
        for f in os.listdir(mnt):
            os.unlink(os.path.join(mnt, f))
        db = os.path.join(mnt, "fd.db")
        shutil.copy(base, db)
        syn = os.path.join(tmp, "fd-syn")
        run(["synth", "--out", syn, "--regions", "1", "--pdus", "6", "--cases", "4000",
             "--no-regions"], base, tmp)
        for b in sorted(os.listdir(syn)):
            before = open(db, "rb").read()
            r = run(["import", os.path.join(syn, b)], db, tmp)
            statuses[r.returncode] = statuses.get(r.returncode, 0) + 1
            if r.returncode != 0:
                ok = r.returncode == 74 and open(db, "rb").read() == before
                c = run(["check"], db, tmp)
                ok = ok and c.returncode == 0 and run(["rate", ID], db, tmp).stdout == rate
                if not ok:
                    failures += 1
                    check(False, f"import of {b} into a full database", r.stderr + c.stdout)
        counts["full disk"] = (steps * 2 + 6, failures, statuses, None, time.time() - started)
        check(failures == 0, f"full disk: outputs whole or absent, imports whole or refused "
                             f"(74); exit statuses {statuses}")
    finally:
        subprocess.run(["umount", mnt])


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for part in (allocation_failures, kill9, full_disk):
            print(f"# {part.__name__}")
            try:
                part(tmp)
            except Exception as e:
                check(False, f"{part.__name__} ran to the end", repr(e))
    for k, (runs, bad, st, total, secs) in counts.items():
        of = f" (of {total} allocations)" if total else ""
        print(f"summary: {k}: {runs} runs{of}, {bad} broke a promise, {secs:.0f} s"
              f"{' ' + str(st) if st else ''}")


run_main(main)
