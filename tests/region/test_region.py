#!/usr/bin/python3
"""Region ratings pool the cases of every PDU inspection of the region.

usage: test_region.py PDUREP SOURCE_ROOT"""
import json, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, edit, finish  # noqa: E402

pdurep, root = (os.path.abspath(a) for a in sys.argv[1:3])
fixture = os.path.join(root, "fixtures/north-wales")
region = os.path.join(root, "tests/bundles/region-test")
def run(db, *args, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([pdurep, "--db", db] + list(args), capture_output=True, text=True, env=e)

def rate(db, ident, env=None):
    r = run(db, "rate", "--json", ident, env=env)
    return json.loads(r.stdout) if r.returncode == 0 else r

def kq(doc):
    return {q["code"]: q for s in doc["standards"] for q in s.get("key_questions", [])}

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "r.db")
    r = run(db, "import", region)
    check(r.returncode == 0, "a region imports before its PDUs", r.stderr)
    check("warning: published totals do not add up: 216 community + 115 licence = 331, not 330" in r.stderr,
          "published totals that do not add up give a warning, not a failure", r.stderr)
    r = run(db, "rate", "test-region-2025")
    check(r.returncode == 66 and "region test-region-2025 lists PDU inspection north-wales-2025, "
          "which is not in the database" in r.stderr,
          "a region whose listed PDU is missing cannot be rated", r.stderr)
    r = run(db, "report", "test-region-2025", "-o", os.path.join(tmp, "missing.pdf"))
    check(r.returncode == 66 and "lists PDU inspection north-wales-2025" in r.stderr
          and not os.path.exists(os.path.join(tmp, "missing.pdf")),
          "a region whose listed PDU is missing cannot be reported", r.stderr)

    run(db, "import", fixture)
    reg, pdu = rate(db, "test-region-2025"), rate(db, "north-wales-2025")
    check(reg["cases"] == 77 and reg["pdus"] == ["north-wales-2025"], "region pools the PDU's 77 cases",
          (reg["cases"], reg.get("pdus")))
    check(reg["max_score"] == 24 and reg["provisional"] is True, "region scores out of 24, provisional")
    rk, pk = kq(reg), kq(pdu)
    pairs = {"R2.1.1": "2.1.2", "R2.1.2": "2.2.2", "R2.1.3": "2.3.2", "R2.1.4": "2.4.2",
             "R2.2.1": "2.1.3", "R2.2.2": "2.2.3", "R2.2.3": "2.3.3", "R2.2.4": "2.4.3"}
    for rc, pc in pairs.items():
        check((rk[rc]["yes"], rk[rc]["relevant"]) == (pk[pc]["yes"], pk[pc]["relevant"]),
              f"{rc} pools {pc}", (rk[rc], pk[pc]))
    lic = {b["value"]: b for b in pdu["breakdowns"] if b["attribute"] == "sentence_type"
           for b in b["values"]}["licence"]
    lic_q = {q["code"]: q for q in lic["questions"]}
    for rc, pc in zip([f"R2.3.{i}" for i in range(1, 9)], list(pairs.values())):
        check((rk[rc]["yes"], rk[rc]["relevant"]) == (lic_q[pc]["yes"], lic_q[pc]["relevant"]),
              f"{rc} pools licence cases of {pc}", (rk[rc], lic_q[pc]))
    check(rk["R2.3.1"]["not_applicable"] >= 56, "community cases are not applicable to resettlement")

    # A second PDU of the region: its cases join the pool, and a changed PDU changes the region.
    second = os.path.join(tmp, "second")
    shutil.copytree(fixture, second)
    p = os.path.join(second, "inspection.csv")
    edit(p, "north-wales-2025", "second-pdu-2025")
    run(db, "import", second)
    check(rate(db, "test-region-2025")["cases"] == 77,
          "a PDU of the same region that the region does not list is not pooled")
    listed = os.path.join(tmp, "region-listing-both")
    shutil.copytree(region, listed)
    with open(os.path.join(listed, "pdus.csv"), "w") as f:
        f.write("inspection\nnorth-wales-2025\nsecond-pdu-2025\n")
    r = run(db, "import", "--replace", listed)
    check(r.returncode == 0, "the region re-imported with both PDUs listed", r.stderr)
    check(rate(db, "test-region-2025")["cases"] == 154, "a second listed PDU adds its cases (154)")
    lines = open(os.path.join(second, "cases.csv")).read().splitlines()
    open(os.path.join(second, "cases.csv"), "w").write("\n".join(lines[:11]) + "\n")
    run(db, "import", "--replace", second)
    check(rate(db, "test-region-2025")["cases"] == 87, "replacing a PDU recomputes the region (87)")

    # PDUs that disagree on framework cannot be pooled.
    data = os.path.join(tmp, "data")
    shutil.copytree(os.path.join(root, "frameworks"), os.path.join(data, "frameworks"))
    shutil.copytree(os.path.join(data, "frameworks/probation-pdu-2023"),
                    os.path.join(data, "frameworks/probation-pdu-2099"))
    f = os.path.join(data, "frameworks/probation-pdu-2099/framework.csv")
    edit(f, "probation-pdu-2023", "probation-pdu-2099")
    edit(p, "probation-pdu-2023", "probation-pdu-2099")
    r = run(db, "import", "--replace", second, env={"PDUREP_DATA_DIR": data})
    check(r.returncode == 0, "a PDU on another framework imports", r.stderr)
    r = run(db, "rate", "test-region-2025")
    check(r.returncode == 65 and "uses framework probation-pdu-2099 but" in r.stderr,
          "a region whose PDUs disagree on framework is refused", r.stderr)

    # A region bundle with cases.csv, or with a PDU framework, is refused.
    bad = os.path.join(tmp, "bad-region")
    shutil.copytree(region, bad)
    shutil.copy(os.path.join(fixture, "cases.csv"), bad)
    r = run(db, "import", bad)
    check(r.returncode == 65 and "a region bundle takes no cases.csv" in r.stderr, "region cases.csv refused", r.stderr)
    os.remove(os.path.join(bad, "cases.csv"))
    p = os.path.join(bad, "inspection.csv")
    edit(p, "probation-region-2024", "probation-pdu-2023")
    r = run(db, "import", bad)
    check(r.returncode == 65 and "framework probation-pdu-2023 is for pdu inspections, but kind is region" in r.stderr,
          "kind and framework must agree", r.stderr)

finish()
