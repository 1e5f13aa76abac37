#!/usr/bin/python3
"""The command line as a user meets it: help, version, exit statuses, the
database location rules, listing and replacing.

usage: test_cli.py PDUREP FIXTURE_DIR"""
import json, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, finish  # noqa: E402

pdurep, fixture = (os.path.abspath(a) for a in sys.argv[1:3])
def run(args, cwd, env=None):
    e = dict(os.environ)
    e.pop("PDUREP_DB", None)
    e.update(env or {})
    return subprocess.run([pdurep] + args, cwd=cwd, capture_output=True, text=True, env=e)

with tempfile.TemporaryDirectory() as tmp:
    r = run(["--version"], tmp)
    check(r.returncode == 0 and r.stdout.startswith("pdurep "), "--version", r.stdout)
    r = run(["--help"], tmp)
    check(r.returncode == 0 and "Exit status" in r.stdout and "65" in r.stdout and "73" in r.stdout,
          "--help documents exit statuses", r.stdout)
    commands = [l.split()[0] for l in r.stdout.split("Commands:\n")[1].split("\n\n")[0].splitlines()]
    check(len(commands) >= 3, "--help lists commands", r.stdout)
    for c in commands:
        h = run([c, "--help"], tmp)
        check(h.returncode == 0 and h.stdout.startswith("usage: pdurep " + c), f"{c} --help", h.stdout + h.stderr)
    r = run(["frobnicate"], tmp)
    check(r.returncode == 64 and "not a pdurep command" in r.stderr, "unknown command exits 64", r.stderr)
    r = run(["rate", "--bogus", "x"], tmp)
    check(r.returncode == 64 and "unknown option '--bogus'" in r.stderr, "unknown option exits 64", r.stderr)
    huge = "9" * 25  # beyond a long: must not turn into LONG_MAX and pass a range check
    r = run(["batch", "--all", "--out", "x", "-j", huge], tmp)
    check(r.returncode == 64 and "-j needs a whole number" in r.stderr, "an out-of-range count exits 64", r.stderr)
    r = run(["annexe", "--suppress", huge, "x"], tmp)
    check(r.returncode == 64, "an out-of-range --suppress exits 64", r.stderr)
    r = run(["rate"], tmp)
    check(r.returncode == 64, "missing argument exits 64", r.stderr)
    r = run(["rate", "north-wales-2025"], tmp)
    check(r.returncode == 66 and not os.path.exists(os.path.join(tmp, "pdurep.db")),
          "rate without a database exits 66 and creates none", r.stderr)
    r = run(["list"], tmp)
    check(r.returncode == 66, "list without a database exits 66", r.stderr)

    # Default database: ./pdurep.db; PDUREP_DB overrides it; --db overrides both.
    r = run(["import", fixture], tmp)
    check(r.returncode == 0 and os.path.exists(os.path.join(tmp, "pdurep.db")), "default ./pdurep.db", r.stderr)
    check("imported north-wales-2025 (North Wales, 77 cases)" in r.stdout, "import says what it did", r.stdout)
    envdb = os.path.join(tmp, "env.db")
    r = run(["import", fixture], tmp, {"PDUREP_DB": envdb})
    check(r.returncode == 0 and os.path.exists(envdb), "PDUREP_DB is honoured", r.stderr)
    optdb = os.path.join(tmp, "opt.db")
    r = run(["import", "--db", optdb, fixture], tmp, {"PDUREP_DB": envdb})
    check(r.returncode == 0 and os.path.exists(optdb), "--db after the command wins", r.stderr)

    r = run(["list"], tmp)
    check(r.returncode == 0 and "north-wales-2025" in r.stdout and " 77" in r.stdout, "list shows the inspection", r.stdout)
    r = run(["rate", "nope"], tmp)
    check(r.returncode == 66 and 'no inspection "nope"' in r.stderr, "rate of an unknown id exits 66", r.stderr)
    r = run(["rate", "north-wales-2025"], tmp)
    check(r.returncode == 0 and "Score 10/21" in r.stdout and "lowest key question 2.1.3" in r.stdout,
          "rate table shows score and reasons", r.stdout)

    # --replace swaps atomically: a bundle with fewer cases replaces the old one.
    small = os.path.join(tmp, "small")
    shutil.copytree(fixture, small)
    lines = open(os.path.join(small, "cases.csv"), encoding="utf-8").read().splitlines()
    open(os.path.join(small, "cases.csv"), "w", encoding="utf-8").write("\n".join(lines[:41]) + "\n")
    r = run(["import", small], tmp)
    check(r.returncode == 65 and "already in the database" in r.stderr, "re-import without --replace refused", r.stderr)
    r = run(["import", "--replace", small], tmp)
    check(r.returncode == 0, "--replace succeeds", r.stderr)
    j = json.loads(run(["rate", "--json", "north-wales-2025"], tmp).stdout)
    check(j["cases"] == 40, "--replace swapped the cases", str(j["cases"]))

    # Text is stored in Unicode NFC: "o" + combining circumflex becomes one "ô".
    nfc = os.path.join(tmp, "nfc")
    shutil.copytree(fixture, nfc)
    p = os.path.join(nfc, "inspection.csv")
    text = open(p, encoding="utf-8").read().replace("north-wales-2025", "ynys-mon-2025")
    text = text.replace("name,North Wales", "name,Ynys Mo\u0302n a\u0300 Chaerdydd")
    open(p, "w", encoding="utf-8").write(text)
    r = run(["import", nfc], tmp)
    j = json.loads(run(["rate", "--json", "ynys-mon-2025"], tmp).stdout)
    check(j["name"] == "Ynys M\u00f4n \u00e0 Chaerdydd", "names are normalised to NFC", ascii(j["name"]))

    # A read-only database folder: import cannot write, says so, exits 74.
    if os.geteuid() != 0:
        pass
    r = run(["--db", "/proc/nope/x.db", "import", fixture], tmp)
    check(r.returncode == 74 and "cannot open database" in r.stderr, "unopenable database exits 74", r.stderr)

finish()
