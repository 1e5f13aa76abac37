#!/usr/bin/python3
"""The corruption trial: a damaged database must end in a refusal, never in
different figures. Edited answers, judgements and framework rows, removed
cases, a PDU moved out of its region, random bit flips and truncations: each
run of rate must either print exactly the figures of the undamaged database
or fail with a documented status; `pdurep check` must find every edit.

usage: test_corruption.py PDUREP SOURCE_ROOT [TRIALS]"""
import os, random, shutil, sqlite3, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
from harness import check, run_main

pdurep, root = (os.path.abspath(a) for a in sys.argv[1:3])
trials = int(sys.argv[3]) if len(sys.argv) > 3 else 60
ID = "north-wales-2025"


def run(args, db, cwd):
    e = dict(os.environ, PDUREP_DB=db)
    return subprocess.run([pdurep] + args, capture_output=True, text=True, env=e, cwd=cwd,
                          timeout=120)


def sql(db, statement):
    c = sqlite3.connect(db, isolation_level=None)
    n = c.execute(statement).rowcount
    c.close()
    return n


def edits(tmp, db, base):
    """Deliberate edits, as a hand or a bad tool would make them."""
    cases = [
        ("an answer changed", f"UPDATE inspection_case SET answers = 'Y' || substr(answers, 2) "
                              f"WHERE inspection = '{ID}' AND answers LIKE 'N%' AND rowid = "
                              f"(SELECT min(rowid) FROM inspection_case WHERE answers LIKE 'N%')"),
        ("a case removed", f"DELETE FROM inspection_case WHERE rowid = (SELECT max(rowid) FROM "
                           f"inspection_case WHERE inspection = '{ID}')"),
        ("a case's group changed", "UPDATE inspection_case SET attributes = CASE WHEN "
                                   "instr(attributes, 'male') THEN replace(attributes, 'male', "
                                   "'female') ELSE attributes || 'x' END WHERE rowid = (SELECT "
                                   "min(rowid) FROM inspection_case)"),
        ("a judgement changed", "UPDATE judgement SET rating = CASE rating WHEN 'Good' THEN "
                                "'Outstanding' ELSE 'Good' END WHERE rowid = (SELECT min(rowid) "
                                "FROM judgement)"),
        ("a framework band moved", "UPDATE framework_band SET min_percent = min_percent + 1 "
                                   "WHERE rowid = (SELECT max(rowid) FROM framework_band)"),
        ("a question moved to another standard",
         "UPDATE framework_question SET standard = (SELECT code FROM framework_standard WHERE "
         "code <> framework_question.standard AND rated_by = 'cases' LIMIT 1) WHERE rowid = "
         "(SELECT min(rowid) FROM framework_question)"),
        ("a narrative line edited", "UPDATE narrative SET body = body || ' (edited)' WHERE rowid = "
                                    "(SELECT min(rowid) FROM narrative)"),
        # Flip the first hex digit: a replace() of one letter changes nothing when the
        # digest happens not to contain it (1 run in 60 or so).
        ("the checksum itself edited", "UPDATE checksum SET sha256 = CASE WHEN substr(sha256, 1, 1) "
                                       "= '0' THEN '1' ELSE '0' END || substr(sha256, 2) "
                                       "WHERE owner = 'inspection'"),
        ("the checksum removed", "DELETE FROM checksum WHERE owner = 'inspection'"),
    ]
    out = os.path.join(tmp, "edit-out")
    os.mkdir(out)
    for what, statement in cases:
        d = os.path.join(tmp, "edited.db")
        shutil.copy(db, d)
        check(sql(d, statement) >= 1, f"{what}: the edit applies")
        r = run(["rate", ID], d, tmp)
        check(r.returncode == 74 and (f"inspection {ID}:" in r.stderr or "framework " in r.stderr),
              f"{what}: rate refuses (74) and says which", f"{r.returncode} {r.stderr}")
        r = run(["report", ID, "-o", os.path.join(out, "r.pdf")], d, tmp)
        r2 = run(["annexe", ID, "-o", os.path.join(out, "a.xlsx")], d, tmp)
        check(r.returncode == 74 and r2.returncode == 74 and not os.listdir(out),
              f"{what}: report and annexe refuse and write nothing",
              f"{r.returncode} {r2.returncode} {os.listdir(out)}")
        r = run(["check"], d, tmp)
        check(r.returncode == 74 and "DAMAGED" in r.stdout, f"{what}: check finds it",
              r.stdout + r.stderr)


def region_pool(tmp):
    """A PDU moved out of its region changes the pooled figures: refused."""
    db = os.path.join(tmp, "wales.db")
    wales = os.path.join(root, "fixtures", "wales")
    bundles = sorted(os.path.join(wales, b) for b in os.listdir(wales)
                     if os.path.isdir(os.path.join(wales, b)))
    r = run(["import"] + [b for b in bundles if not b.endswith("region")] +
            [os.path.join(wales, "region")], db, tmp)
    check(r.returncode == 0, "the Wales bundles import", r.stderr)
    region = [l.split()[1] for l in r.stdout.splitlines() if "region" in l.split("(")[1]][0]
    base = run(["rate", region], db, tmp)
    check(base.returncode == 0, "the region rates", base.stderr)
    d = os.path.join(tmp, "moved.db")
    shutil.copy(db, d)
    sql(d, "UPDATE inspection SET region = 'Elsewhere' WHERE rowid = (SELECT min(rowid) FROM "
           "inspection WHERE kind = 'pdu')")
    r = run(["rate", region], d, tmp)
    check(r.returncode == 74, "a PDU moved out of the region: the region's rate refuses",
          f"{r.returncode} {r.stdout[:300]} {r.stderr}")
    shutil.copy(db, d)
    sql(d, "DELETE FROM region_pdu WHERE rowid = (SELECT min(rowid) FROM region_pdu)")
    r = run(["rate", region], d, tmp)
    check(r.returncode == 74, "a PDU dropped from the region's list: the region's rate refuses",
          f"{r.returncode} {r.stdout[:300]} {r.stderr}")


def random_damage(tmp, db, base):
    """Bit flips and truncations at random places: a refusal or the same figures."""
    data = open(db, "rb").read()
    rng = random.Random(13)
    same = refused = wrong = 0
    statuses = {}
    for t in range(trials):
        b = bytearray(data)
        if t % 4 == 3:
            b = b[:rng.randrange(100, len(b))]
            what = f"truncated to {len(b)} bytes"
        else:
            flips = [(rng.randrange(len(b)), rng.randrange(8)) for _ in range(rng.randint(1, 3))]
            for off, bit in flips:
                b[off] ^= 1 << bit
            what = f"bits flipped at {flips}"
        d = os.path.join(tmp, "flip.db")
        open(d, "wb").write(bytes(b))
        r = run(["rate", ID], d, tmp)
        statuses[r.returncode] = statuses.get(r.returncode, 0) + 1
        if r.returncode == 0 and r.stdout == base:
            same += 1
        elif r.returncode in (65, 66, 70, 74):
            refused += 1
        else:
            wrong += 1
            check(False, f"damage never gives other figures ({what})",
                  f"{r.returncode}\n{r.stdout[:400]}\n{r.stderr[:400]}")
    print(f"random damage: {trials} trials, {same} same figures, {refused} refused, "
          f"{wrong} wrong; exit statuses {statuses}")
    check(wrong == 0, f"{trials} random damages: every one refused or the same figures")
    check(refused > 0, "the trial did damage something that mattered")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "good.db")
        r = run(["import", os.path.join(root, "fixtures", "north-wales")], db, tmp)
        check(r.returncode == 0, "the fixture imports", r.stderr)
        r = run(["check"], db, tmp)
        check(r.returncode == 0 and "DAMAGED" not in r.stdout and f"ok      inspection {ID}"
              in r.stdout, "check passes on the undamaged database", r.stdout + r.stderr)
        r = run(["check", "nope"], db, tmp)
        check(r.returncode == 66, "check of an unknown inspection exits 66", r.stderr)
        base = run(["rate", ID], db, tmp).stdout
        # A database of the schema before checksums: the upgrade records them.
        old = os.path.join(tmp, "old.db")
        shutil.copy(db, old)
        sql(old, "DROP TABLE checksum")
        sql(old, "PRAGMA user_version = 4")
        r = run(["import", os.path.join(root, "fixtures", "wales", "gwent")], old, tmp)
        r2 = run(["check"], old, tmp)
        r3 = run(["rate", ID], old, tmp)
        check(r.returncode == 0 and r2.returncode == 0 and r3.stdout == base,
              "an older database gains checksums when it is upgraded",
              r.stderr + r2.stdout + r2.stderr + r3.stderr)
        for part in (lambda: edits(tmp, db, base), lambda: region_pool(tmp),
                     lambda: random_damage(tmp, db, base)):
            try:
                part()
            except Exception as e:
                check(False, "a part of the trial ran to the end", repr(e))


run_main(main)
