#!/usr/bin/python3
"""End-to-end test of a region's annexe: the PDUs sheet, the provisional status,
and that sharing workbooks still never hold another PDU's rows.

usage: test_region_annexe.py PDUREP SOURCE_ROOT

Imports the Wales fixture, writes `pdurep annexe wales-2025` and reads the PDUs
sheet back with openpyxl: each PDU's row equals its `pdurep rate --json`
(cases, every standard's rating and points, score, maximum, overall, every key
question's % Yes as an exact fraction with a 0% format and band fills), and the
pooled row equals the region's (cases; the pooled questions the region rates
on equal the region's pooled key questions). The About sheet states that the
rules are provisional. A PDU's annexe and every sharing workbook (a PDU's and
the region's) have no PDUs sheet and name no other PDU. The Welsh files of the
region strings have exactly the keys the English ones added. Prints one line
per check and ends with `N passed, N failed`.
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import openpyxl
import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402

PDUREP, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
WALES = os.path.join(ROOT, "fixtures", "wales")
PDUS = ["north-wales", "cardiff-and-the-vale", "swansea-neath-port-talbot", "gwent", "dyfed-powys",
        "cwm-taf-morgannwg"]
REGION = "wales-2025"


def run(db, *args):
    env = dict(os.environ, PDUREP_DATA_DIR=ROOT, SOURCE_DATE_EPOCH="1768953600")
    return subprocess.run([PDUREP, "--db", db, *args], capture_output=True, text=True, env=env)


def flat_keys(node, prefix=""):
    if isinstance(node, dict):
        out = set()
        for k, v in node.items():
            out |= flat_keys(v, f"{prefix}{k}.")
        return out
    return {prefix[:-1]}


def every_text(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str):
                    yield ws.title, v


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "w.db")
        r = run(db, "import", *[os.path.join(WALES, p) for p in PDUS], os.path.join(WALES, "region"))
        check(r.returncode == 0, "import the Wales fixture", r.stderr)
        reg = json.loads(run(db, "rate", REGION, "--json").stdout)
        pdus = {i: json.loads(run(db, "rate", i, "--json").stdout) for i in reg["pdus"]}

        path = os.path.join(tmp, "wales.xlsx")
        r = run(db, "annexe", REGION, "-o", path)
        check(r.returncode == 0, "region annexe exits 0", r.stderr)
        wb = openpyxl.load_workbook(path)
        check(wb.sheetnames[:6] == ["Cover", "Contents", "Notes", "Ratings", "Score", "PDUs"],
              "the PDUs sheet follows Ratings and Score", wb.sheetnames)
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from spreadsheet_standard import problems
        bad = problems(path)
        check(not bad, "the region annexe meets the spreadsheet standard", bad[:10])
        cover = [row[0] for row in wb["Cover"].iter_rows(values_only=True) if row[0]]
        check("Prompts" not in wb.sheetnames and any("no Prompts sheet" in line for line in cover),
              "no empty Prompts sheet, and the cover says why", wb.sheetnames)
        # The chart labels each pooled question with its own framework wording.
        with open(os.path.join(ROOT, "frameworks", "probation-region-2024", "questions.csv"),
                  newline="") as f:
            wording = {q["code"]: q["text"] for q in csv.DictReader(f)}
        cw = wb["Chart 1"]
        t = list(cw.tables.values())[0].ref
        from openpyxl.utils.cell import range_boundaries
        c1, r1, c2, r2 = range_boundaries(t)
        labels = {cw.cell(r, c1 + 1).value: cw.cell(r, c1 + 2).value for r in range(r1 + 1, r2 + 1)}
        check(labels == {k: v for k, v in wording.items() if k in labels} and len(labels) == 16,
              "Chart 1 labels each pooled question with its framework wording", labels)
        ws = wb["PDUs"]
        rows = list(ws.iter_rows(values_only=True))
        head_i = next(i for i, row in enumerate(rows) if row[0] == "PDU")
        head = list(rows[head_i])
        body = [row for row in rows[head_i + 1:] if row[0]]
        col = {h: i for i, h in enumerate(head) if h}
        check(len(body) == 7, "one row per PDU and the pooled row", len(body))

        mismatches = []
        by_id = {row[col["Inspection id"]]: row for row in body}
        for ident, j in pdus.items():
            row = by_id.get(ident)
            if row is None:
                mismatches.append((ident, "no row"))
                continue
            want = {"PDU": j["name"], "Cases": j["cases"], "Score": j["score"],
                    "Highest possible score": j["max_score"], "Overall rating": j["overall"]}
            for s in j["standards"]:
                want[f"{s['code']} {s['name']}"] = s["rating"]
                want[f"{s['code']} points"] = s["points"]
                for k in s.get("key_questions", []):
                    want[f"{k['code']} % Yes"] = k["percent"] / 100
            for h, v in want.items():
                got = row[col[h]] if h in col else "(no column)"
                if isinstance(v, float) and isinstance(got, float) and abs(got - v) < 1e-12:
                    continue
                if got != v:
                    mismatches.append((ident, h, got, v))
        check(not mismatches, "every PDU's row equals its pdurep rate --json", mismatches[:5])

        # The pooled row: the region's cases; the questions the region pools equal its key questions.
        pooled = body[-1]
        check(pooled[col["Inspection id"]] == REGION and "pooled" in pooled[0],
              "the last row is the region's pooled row", pooled[:2])
        check(pooled[col["Cases"]] == reg["cases"], "pooled row: the region's cases",
              (pooled[col["Cases"]], reg["cases"]))
        with open(os.path.join(ROOT, "frameworks", "probation-region-2024", "questions.csv"),
                  encoding="utf-8") as f:
            pooled_from = {q["code"]: q["pooled_from"] for q in csv.DictReader(f) if not q["filter"]}
        bad = []
        for s in reg["standards"]:
            for k in s.get("key_questions", []):
                if k["code"] in pooled_from:
                    got = pooled[col[f"{pooled_from[k['code']]} % Yes"]]
                    if abs(got - k["percent"] / 100) > 1e-12:
                        bad.append((k["code"], got, k["percent"]))
        check(len(pooled_from) == 8 and not bad, "pooled row equals the region's pooled key questions",
              bad)
        # The questions the region does not rate on: the sum over the PDUs' counts.
        bad = []
        for code in ("2.1.1", "2.2.1", "2.3.1", "2.4.1"):
            yes = rel = 0
            for j in pdus.values():
                for s in j["standards"]:
                    for k in s.get("key_questions", []):
                        if k["code"] == code:
                            yes, rel = yes + k["yes"], rel + k["relevant"]
            if abs(pooled[col[f"{code} % Yes"]] - yes / rel) > 1e-12:
                bad.append(code)
        check(not bad, "pooled engagement questions equal the sums of the PDUs' counts", bad)
        rated = [h for h in col if h[:2] in ("P1", "P2") or h in ("Score", "Overall rating")]
        check(len(rated) == 16 and all(pooled[col[h]] == "[z]" for h in rated),
              "the pooled row is not rated", pooled)

        first_kq = col["2.1.1 % Yes"]
        cells = [ws.cell(row=head_i + 2, column=first_kq + 1 + k) for k in range(12)]
        check(all(c.number_format == "0%" for c in cells), "percentages carry a 0% format",
              [c.number_format for c in cells])
        ranges = " ".join(str(cf.sqref) for cf in ws.conditional_formatting)
        letter = cells[0].column_letter
        check(letter in ranges and cells[-1].column_letter in ranges,
              "key-question columns have band fills", ranges)

        check("Status of the rules: Provisional: see the Notes sheet" in cover,
              "the cover says the rules are provisional", cover)
        notes = [v for _, v in every_text(wb) if "provisional" in v.lower()]
        check(len(notes) >= 2, "the notes explain the provisional rules", notes)

        # Sharing workbooks are per PDU: no PDUs sheet, no other PDU's name.
        names = {i: j["name"] for i, j in pdus.items()}
        for ident, args in (("north-wales-2025", ["--share"]), (REGION, ["--share"]),
                            ("north-wales-2025", [])):
            p = os.path.join(tmp, f"{ident}{''.join(args)}.xlsx")
            r = run(db, "annexe", ident, *args, "-o", p)
            what = f"{ident} {' '.join(args) or 'full annexe'}"
            check(r.returncode == 0, f"{what}: written", r.stderr)
            if r.returncode:
                continue
            w = openpyxl.load_workbook(p)
            check("PDUs" not in w.sheetnames, f"{what}: no PDUs sheet", w.sheetnames)
            others = [n for i, n in names.items() if i != ident]
            leaks = [(t, v) for t, v in every_text(w) for n in others if n in v]
            check(not leaks, f"{what}: no other PDU named", leaks[:3])

        # A batch counts the region annexe's eight sheets and a PDU annexe's seven.
        out = os.path.join(tmp, "batch")
        r = run(db, "batch", "--region", "Wales", "--out", out, "--quiet")
        index = {x["file"]: x for x in csv.DictReader(open(os.path.join(out, "index.csv"),
                                                            encoding="utf-8"))}
        counts = {f: (index[f]["pages_or_sheets"], len(openpyxl.load_workbook(os.path.join(out, f)).sheetnames))
                  for f in ("wales-2025.xlsx", "north-wales-2025.xlsx", "north-wales-2025-share.xlsx")}
        check(r.returncode == 0 and all(int(a) == b for a, b in counts.values()),
              "index.csv counts each workbook's sheets", counts)

    # The Welsh strings of the region work have exactly the keys of the English blocks.
    strings = os.path.join(ROOT, "layouts", "strings")

    def load(name):
        with open(os.path.join(strings, name), encoding="utf-8") as f:
            return yaml.safe_load(f)
    for base, blocks in (("", ("provisional", "region")), ("annexe-", ("provisional", "pdus"))):
        en, cy = load(base + "en.yaml"), load(base + "cy.yaml")
        want = flat_keys({k: en[k] for k in blocks})
        got = flat_keys({k: cy.get(k, {}) for k in blocks})
        check(got == want, f"{base}cy.yaml has every key of {base}en.yaml's {' and '.join(blocks)} blocks",
              sorted(want ^ got))


if __name__ == "__main__":
    run_main(main)
