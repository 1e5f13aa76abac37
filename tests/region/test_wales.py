#!/usr/bin/python3
"""The Wales fixture: six PDUs pooled into the region give the published sample
(338 cases: 224 community, 114 licence) and a Requires improvement rating, and
every pooled count equals the sum of the PDUs' counts.

usage: test_wales.py PDUREP SOURCE_ROOT"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, finish  # noqa: E402

pdurep, root = (os.path.abspath(a) for a in sys.argv[1:3])
wales = os.path.join(root, "fixtures/wales")
pdus = ["north-wales", "cardiff-and-the-vale", "swansea-neath-port-talbot", "gwent", "dyfed-powys",
        "cwm-taf-morgannwg"]

def run(db, *args):
    return subprocess.run([pdurep, "--db", db] + list(args), capture_output=True, text=True)

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "w.db")
    r = run(db, "import", *[os.path.join(wales, p) for p in pdus], os.path.join(wales, "region"))
    check(r.returncode == 0, "the six PDUs and the region import", r.stderr)
    check("warning" not in r.stderr, "the region's published totals add up", r.stderr)
    reg = json.loads(run(db, "rate", "--json", "wales-2025").stdout)
    check(reg["cases"] == 338, "338 cases pooled", reg["cases"])
    check(reg["sample"]["sentence_type"] == {"community": 224, "licence": 114}, "224 community, 114 licence",
          reg["sample"]["sentence_type"])
    check(len(reg["pdus"]) == 6, "six PDUs pooled", reg["pdus"])
    check(reg["overall"] == "Requires improvement", "Wales rates Requires improvement", reg["overall"])
    check((reg["score"], reg["max_score"]) == (10, 24), "score 10/24", (reg["score"], reg["max_score"]))
    want = {"R1.1": "Good", "R1.2": "Requires improvement", "R2.1": "Good", "R2.2": "Requires improvement",
            "R2.3": "Requires improvement", "R2.4": "Requires improvement", "R2.5": "Requires improvement",
            "R2.6": "Requires improvement"}
    got = {s["code"]: s["rating"] for s in reg["standards"]}
    check(got == want, "every regional rating", got)
    drivers = {s["code"]: s.get("driver") for s in reg["standards"] if s["source"] == "cases"}
    check(drivers == {"R2.1": "R2.1.3", "R2.2": "R2.2.4", "R2.3": "R2.3.6"}, "drivers of the pooled standards", drivers)

    # Pooled counts equal the sums of the PDUs' counts.
    rated = [json.loads(run(db, "rate", "--json", i).stdout) for i in reg["pdus"]]
    def pdu_sum(code, licence_only):
        yes = rel = 0
        for d in rated:
            if licence_only:
                vals = {v["value"]: v for b in d["breakdowns"] if b["attribute"] == "sentence_type" for v in b["values"]}
                q = {q["code"]: q for q in vals["licence"]["questions"]}[code]
            else:
                q = {q["code"]: q for s in d["standards"] for q in s.get("key_questions", [])}[code]
            yes, rel = yes + q["yes"], rel + q["relevant"]
        return yes, rel
    expected_all = {"2.1.2": (244, 338), "2.2.2": (256, 338), "2.3.2": (227, 338), "2.4.2": (226, 313),
                    "2.1.3": (192, 338), "2.2.3": (189, 338), "2.3.3": (195, 338), "2.4.3": (168, 313)}
    expected_lic = {"2.1.2": (77, 114), "2.2.2": (77, 114), "2.3.2": (69, 114), "2.4.2": (70, 108),
                    "2.1.3": (66, 114), "2.2.3": (61, 114), "2.3.3": (63, 114), "2.4.3": (58, 108)}
    for s in reg["standards"]:
        for q in s.get("key_questions", []):
            src = {"R2.1": ["2.1.2", "2.2.2", "2.3.2", "2.4.2"], "R2.2": ["2.1.3", "2.2.3", "2.3.3", "2.4.3"],
                   "R2.3": ["2.1.2", "2.2.2", "2.3.2", "2.4.2", "2.1.3", "2.2.3", "2.3.3", "2.4.3"]}[s["code"]]
            pooled = src[int(q["code"].split(".")[-1]) - 1]
            lic = s["code"] == "R2.3"
            got = (q["yes"], q["relevant"])
            check(got == pdu_sum(pooled, lic), f"{q['code']} equals the sum of the PDUs' {pooled}"
                  + (" (licence)" if lic else ""), (got, pdu_sum(pooled, lic)))
            check(got == (expected_lic if lic else expected_all)[pooled], f"{q['code']} is {got[0]}/{got[1]}",
                  got)
finish()
