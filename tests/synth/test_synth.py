#!/usr/bin/python3
"""pdurep synth: the same seed gives the same bytes, another seed other bytes;
what it writes imports and rates; its sample looks like real inspection data;
bad arguments exit 64 and an output folder it cannot make exits 73.

usage: test_synth.py PDUREP"""
import csv, hashlib, json, os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, finish  # noqa: E402

pdurep = os.path.abspath(sys.argv[1])
def run(args, cwd):
    env = dict(os.environ)
    env.pop("PDUREP_DB", None)
    return subprocess.run([pdurep] + args, cwd=cwd, capture_output=True, text=True, env=env)

def tree(root):
    """Every file under root (hidden ones too) with its sha256."""
    out = {}
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            out[os.path.relpath(p, root)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out

def read_cases(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

data_dir = os.environ.get("PDUREP_DATA_DIR", "")
region_support = os.path.isdir(os.path.join(data_dir, "frameworks", "probation-region-2024"))

with tempfile.TemporaryDirectory() as tmp:
    small = ["--regions", "2", "--pdus", "3", "--cases", "40"]
    a, b, c = (os.path.join(tmp, n) for n in ("a", "b", "c"))
    r = run(["synth", "--out", a, "--seed", "7"] + small, tmp)
    check(r.returncode == 0, "synth writes bundles", r.stderr)
    check("8 bundles, 240 cases" in r.stdout and "wrote " + os.path.join(a, "r02-p03-2025") in r.stdout,
          "synth says what it wrote", r.stdout)
    r = run(["synth", "--seed", "7", "--out", b] + small, tmp)
    ta, tb = tree(a), tree(b)
    check(r.returncode == 0 and ta == tb and len(ta) == 2 * 3 * 3 + 2 * 3,
          "same seed gives byte-identical trees", f"{sorted(ta)}\n{sorted(tb)}")
    check(sorted(os.listdir(a)) == ["r01-2025", "r01-p01-2025", "r01-p02-2025", "r01-p03-2025",
                                    "r02-2025", "r02-p01-2025", "r02-p02-2025", "r02-p03-2025"],
          "one folder per bundle, no leftovers", str(os.listdir(a)))
    r = run(["synth", "--seed", "8", "--out", c] + small, tmp)
    tc = tree(c)
    check(r.returncode == 0 and sorted(tc) == sorted(ta) and
          all(tc[k] != ta[k] for k in ta if k.endswith("cases.csv")),
          "another seed gives other cases", "")

    # More cases leave a PDU's rates and judgements alone: streams are per purpose.
    d = os.path.join(tmp, "d")
    run(["synth", "--seed", "7", "--out", d, "--regions", "2", "--pdus", "3", "--cases", "41"], tmp)
    td = tree(d)
    check(all(td[k] == ta[k] for k in ta if not k.endswith("cases.csv") and "inspection" not in k),
          "judgements do not depend on the case count", "")
    first40 = open(os.path.join(d, "r01-p02-2025", "cases.csv")).read().splitlines()[:41]
    check(first40 == open(os.path.join(a, "r01-p02-2025", "cases.csv")).read().splitlines(),
          "cases do not depend on the case count", "")

    # Running again over its own output replaces it and clears a stale temporary folder.
    stale = os.path.join(a, ".r01-p01-2025.tmp")
    os.mkdir(stale)
    open(os.path.join(stale, "cases.csv"), "w").write("half a file")
    r = run(["synth", "--out", a, "--seed", "7"] + small, tmp)
    check(r.returncode == 0 and tree(a) == tb, "re-run replaces bundles and clears leftovers",
          r.stderr + str(sorted(tree(a))))

    # Inspection metadata: synthetic names, one region field per region.
    meta = {}
    for bundle in sorted(os.listdir(a)):
        with open(os.path.join(a, bundle, "inspection.csv"), newline="") as f:
            meta[bundle] = dict(list(csv.reader(f))[1:])
    m = meta["r02-p03-2025"]
    check(m["id"] == "r02-p03-2025" and m["name"] == "PDU 02-03" and m["region"] == "Region 02"
          and m["kind"] == "pdu" and m["framework"] == "probation-pdu-2023",
          "PDU bundle metadata", str(m))
    check({meta[k]["region"] for k in meta if k.startswith("r01-")} == {"Region 01"},
          "PDUs of a region share its region field", str(meta))
    m = meta["r01-2025"]
    check(m["kind"] == "region" and m["framework"] == "probation-region-2024" and
          not os.path.exists(os.path.join(a, "r01-2025", "cases.csv")),
          "region bundle metadata, no cases.csv", str(m))
    with open(os.path.join(a, "r01-2025", "judgements.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    check([x["standard"] for x in rows] == ["R1.1", "R1.2", "R2.4", "R2.5", "R2.6"] and
          all(x["rationale"] for x in rows), "region judgements R1.1 R1.2 R2.4 R2.5 R2.6",
          str(rows))

    # Every PDU bundle imports and rates.
    db = os.path.join(tmp, "s.db")
    pdus = [x for x in sorted(os.listdir(a)) if "-p" in x]
    r = run(["--db", db, "import"] + [os.path.join(a, x) for x in pdus], tmp)
    check(r.returncode == 0 and r.stdout.count("imported ") == 6, "PDU bundles import", r.stderr)
    ok = True
    detail = ""
    for x in pdus:
        r = run(["--db", db, "rate", "--json", x], tmp)
        try:
            j = json.loads(r.stdout)
            ok = ok and r.returncode == 0 and j["cases"] == 40 and len(j["standards"]) == 7 and \
                j["overall"] in ("Outstanding", "Good", "Requires improvement", "Inadequate")
        except ValueError:
            ok, detail = False, r.stdout + r.stderr
    check(ok, "PDU bundles rate with --json", detail)
    regions = [x for x in sorted(os.listdir(a)) if "-p" not in x]
    if region_support:
        r = run(["--db", db, "import"] + [os.path.join(a, x) for x in regions], tmp)
        check(r.returncode == 0, "region bundles import", r.stderr)
        r = run(["--db", db, "rate", "--json", "r01-2025"], tmp)
        check(r.returncode == 0 and json.loads(r.stdout)["kind"] == "region", "region bundle rates",
              r.stdout + r.stderr)
    else:
        print("note: frameworks/probation-region-2024 not present; region bundles not imported")

    # The sample looks like inspection data.
    e = os.path.join(tmp, "e")
    r = run(["synth", "--out", e, "--seed", "3", "--pdus", "6", "--cases", "500", "--no-regions"], tmp)
    check(r.returncode == 0 and sorted(os.listdir(e)) == [f"r01-p0{i}-2025" for i in range(1, 7)],
          "--no-regions writes PDU bundles only", r.stderr + str(os.listdir(e)))
    cases = []
    for x in sorted(os.listdir(e)):
        cases += read_cases(os.path.join(e, x, "cases.csv"))
    n = len(cases)
    share = lambda k, v: sum(cc[k] == v for cc in cases) / n
    check(0.64 <= share("sentence_type", "community") <= 0.76, "about 70% community",
          str(share("sentence_type", "community")))
    check(0.10 <= share("gender", "female") <= 0.20, "about 15% female", str(share("gender", "female")))
    check(0.10 <= share("probation_reset", "yes") <= 0.20, "about 15% Probation Reset",
          str(share("probation_reset", "yes")))
    check(share("ethnicity", "white") >= 0.75, "mostly white", str(share("ethnicity", "white")))
    check(share("rosh", "medium") + share("rosh", "high") >= 0.7, "rosh mostly medium or high", "")

    def pct(code, rows):
        yes = sum(rr[code] == "Y" for rr in rows)
        rel = sum(rr[code] in ("Y", "N") for rr in rows)
        return yes / rel
    keys = [q for q in cases[0] if q.count(".") == 2 and q[-1].isdigit()]
    byrole = {k: sum(pct(q, cases) for q in keys if q.endswith("." + k)) / 4 for k in "123"}
    check(byrole["3"] < byrole["2"] < byrole["1"], "keeping safe < desistance < engaging", str(byrole))
    lic = [cc for cc in cases if cc["sentence_type"] == "licence"]
    com = [cc for cc in cases if cc["sentence_type"] == "community"]
    gap = sum(pct(q, com) - pct(q, lic) for q in keys if q.endswith(".2")) / 4
    check(0.02 <= gap <= 0.10, "licence cases a few points lower on desistance", f"{gap:.3f}")
    check(any(cc["2.4.1"] == "NA" for cc in cases) and all(cc[q] in ("Y", "N", "NA")
                                                          for cc in cases for q in keys),
          "key questions answered Y, N or NA, some NA", "")
    py = [cc["2.1.3b"] == "Y" for cc in cases if cc["2.1.3"] == "Y" and cc["2.1.3b"]]
    pn = [cc["2.1.3b"] == "Y" for cc in cases if cc["2.1.3"] == "N" and cc["2.1.3b"]]
    check(sum(py) / len(py) > sum(pn) / len(pn) + 0.3, "prompts follow their key question",
          f"{sum(py) / len(py):.2f} vs {sum(pn) / len(pn):.2f}")
    check(all(cc["2.4.1a"] == "" for cc in cases if cc["2.4.1"] == "NA"),
          "a prompt is blank when its key question does not apply", "")
    pdu_rates = [pct("2.2.3", read_cases(os.path.join(e, x, "cases.csv"))) for x in sorted(os.listdir(e))]
    check(max(pdu_rates) - min(pdu_rates) >= 0.03, "PDUs differ in their rates", str(pdu_rates))

    # 100,000 cases must be quick (generous bound: sanitizer builds are slower).
    f = os.path.join(tmp, "f")
    t0 = time.monotonic()
    r = run(["synth", "--out", f, "--pdus", "1", "--cases", "100000", "--no-regions"], tmp)
    dt = time.monotonic() - t0
    print(f"     100,000 cases in {dt:.3f} s")
    check(r.returncode == 0 and dt < 5, "100,000 cases written quickly", r.stderr)
    with open(os.path.join(f, "r01-p01-2025", "cases.csv"), "rb") as fh:
        check(sum(1 for _ in fh) == 100001, "100,000 case rows", "")

    # Bad arguments exit 64 and write nothing.
    g = os.path.join(tmp, "g")
    for args in (["--cases", "0"], ["--cases", "abc"], ["--cases", "-3"], ["--pdus", "1000"],
                 ["--regions", ""], ["--seed", "-1"], ["--seed", "18446744073709551616"],
                 ["--seed", "x1"], ["--bogus"], ["extra"]):
        r = run(["synth", "--out", g] + args, tmp)
        check(r.returncode == 64 and not os.path.exists(g), f"synth {' '.join(args)} exits 64",
              f"{r.returncode} {r.stderr}")
    r = run(["synth"], tmp)
    check(r.returncode == 64 and "--out" in r.stderr, "synth without --out exits 64", r.stderr)
    r = run(["synth", "--out"], tmp)
    check(r.returncode == 64, "synth --out without a value exits 64", r.stderr)

    # An output folder that cannot be made: 73.
    afile = os.path.join(tmp, "afile")
    open(afile, "w").write("not a folder")
    r = run(["synth", "--out", os.path.join(afile, "out")], tmp)
    check(r.returncode == 73, "output under a file exits 73", f"{r.returncode} {r.stderr}")
    r = run(["synth", "--out", afile], tmp)
    check(r.returncode == 73, "output that is a file exits 73", f"{r.returncode} {r.stderr}")
    # A folder at a bundle's name that holds someone else's files is left alone.
    h = os.path.join(tmp, "h")
    os.makedirs(os.path.join(h, "r01-p01-2025"))
    open(os.path.join(h, "r01-p01-2025", "notes.txt"), "w").write("mine")
    r = run(["synth", "--out", h, "--pdus", "1", "--no-regions"], tmp)
    check(r.returncode == 73 and os.listdir(os.path.join(h, "r01-p01-2025")) == ["notes.txt"]
          and sorted(os.listdir(h)) == ["r01-p01-2025"],
          "a foreign folder is not replaced, nothing half-written", f"{r.returncode} {r.stderr}")

finish()
