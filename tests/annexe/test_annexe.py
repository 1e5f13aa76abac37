#!/usr/bin/python3
"""End-to-end tests of `pdurep annexe`: every figure read back with openpyxl and
compared with `pdurep rate --json`, the package parts (charts, tables, conditional
formats, print set-up, defined names, properties), the sharing workbook's privacy
rules and small-number suppression, reproducibility, and failure without leftovers.

usage: test_annexe.py PDUREP SOURCE_ROOT
Prints one line per check and ends with `N passed, N failed`.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.cell import range_boundaries

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spreadsheet_standard import problems  # noqa: E402

PDUREP, ROOT = sys.argv[1], sys.argv[2]
FIXTURE = os.path.join(ROOT, "fixtures", "north-wales")
DATA = os.path.join(ROOT, "tests", "bundles")
NW = "north-wales-2025"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
SUPPRESS = 5
RRI_MIN = 5
OTHER_NAMES = ["Glan Teifi", "Bro Hafren", "Fenland", "glan-teifi", "bro-hafren", "fenland-test"]
CASE_ID = re.compile(r"\b(NW|GTX|BHX|FTX)-\d{3}\b")

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}")
    return cond


def run(db, *args, env_extra=None):
    env = dict(os.environ)
    env["PDUREP_DATA_DIR"] = ROOT
    env["SOURCE_DATE_EPOCH"] = EPOCH
    if env_extra:
        env.update(env_extra)
    p = subprocess.run([PDUREP, "--db", db, *args], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def make_db(tmp, name, bundles):
    db = os.path.join(tmp, name + ".db")
    for b in bundles:
        rc, out, err = run(db, "import", b)
        assert rc == 0, f"import {b}: {err}"
    return db


def rate(db, ident):
    rc, out, err = run(db, "rate", ident, "--json")
    assert rc == 0, err
    return json.loads(out)


def close(a, b, tol=1e-9):
    return isinstance(a, (int, float)) and abs(a - b) <= tol


# Headers carry their units; the checks below use the short names.
SHORT = {"Yes (cases)": "Yes", "No (cases)": "No", "Not applicable (cases)": "Not applicable",
         "Relevant cases": "Relevant", "% Yes (of relevant cases)": "% Yes", "Rounded % Yes": "Rounded %",
         "RRI (ratio)": "RRI", "% of sample": "Share of sample"}
SHEETS = ["Cover", "Contents", "Notes", "Ratings", "Score", "Key questions", "Prompts", "Breakdowns",
          "Sample", "Chart 1", "Chart 2", "Bands", "Points", "Overall bands"]


def table(ws):
    """Rows of the sheet's one table (or autofilter range), as dicts keyed by header."""
    ref = list(ws.tables.values())[0].ref if ws.tables else ws.auto_filter.ref
    c1, r1, c2, r2 = range_boundaries(ref)
    headers = [ws.cell(r1, c).value for c in range(c1, c2 + 1)]
    rows = []
    for r in range(r1 + 1, r2 + 1):
        row = dict(zip(headers, (ws.cell(r, c).value for c in range(c1, c2 + 1))))
        for long, short in SHORT.items():
            if long in row:
                row[short] = row[long]
        rows.append(row)
    return headers, rows


def sheet_text(wb, *names):
    return " ".join(str(c) for n in names for r in wb[n].iter_rows(values_only=True) for c in r if c)


def all_text(path):
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


def pct(yes, relevant):
    return yes / relevant if relevant else None


# ---------------------------------------------------------------- full annexe
def check_full(db, path, j):
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == SHEETS, f"sheet names {wb.sheetnames}")
    bad = problems(path)
    check(not bad, "meets the spreadsheet standard: " + "; ".join(bad[:5]))

    # Ratings
    _, rows = table(wb["Ratings"])
    check(len(rows) == len(j["standards"]), "one Ratings row per standard")
    for s, row in zip(j["standards"], rows):
        check(row["Code"] == s["code"] and row["Standard"] == s["name"], f"{s['code']} name")
        check(row["Rated from"] == {"judgement": "Inspectors' judgement", "cases": "Case data"}[s["source"]],
              f"{s['code']} source")
        check(row["Final rating"] == s["rating"], f"{s['code']} rating")
        check(row["Points"] == s["points"], f"{s['code']} points")
        if s["source"] == "cases":
            check(row["Computed rating"] == s["computed_rating"], f"{s['code']} computed rating")
            check(row["Driver question"] == s["driver"], f"{s['code']} driver")
            check(row["Band"] == s["band"], f"{s['code']} band")
            kq = next(k for k in s["key_questions"] if k["code"] == s["driver"])
            check(row["Driver Yes"] == kq["yes"] and row["Driver relevant"] == kq["relevant"],
                  f"{s['code']} driver counts")
            check(close(row["Driver % Yes"] * 100, kq["percent"]), f"{s['code']} driver percent")
            check(row["Driver rounded %"] == kq["rounded"], f"{s['code']} driver rounded")
            check(row["Panel changed"] == ("Yes" if s.get("overridden") else "No"), f"{s['code']} override")
    ws = wb["Ratings"]
    dn = {n: wb.defined_names[n].attr_text for n in ("Score", "MaximumScore", "OverallRating")} \
        if hasattr(wb.defined_names, "__getitem__") else {}

    def named(name):
        d = wb.defined_names.get(name) if hasattr(wb.defined_names, "get") else wb.defined_names[name]
        (sheet, ref), = list(d.destinations)
        return wb[sheet][ref.replace("$", "")].value
    check(named("Score") == j["score"], "Score defined name = score")
    check(named("MaximumScore") == j["max_score"], "MaximumScore = max_score")
    check(named("OverallRating") == j["overall"], "OverallRating = overall")
    del dn, ws

    # Key questions and prompts
    kqs = [k for s in j["standards"] for k in s.get("key_questions", [])]
    prompts = [(k["code"], p) for k in kqs for p in k.get("prompts", [])]
    _, rows = table(wb["Key questions"])
    check(len(rows) == len(kqs), f"Key questions rows {len(rows)} = {len(kqs)}")
    for k, row in zip(kqs, rows):
        check(row["Code"] == k["code"], f"KQ code {k['code']}")
        check(row["Question"] == k["text"], f"KQ text {k['code']}")
        for col, key in (("Yes", "yes"), ("No", "no"), ("Not applicable", "not_applicable"),
                         ("Relevant", "relevant"), ("Rounded %", "rounded")):
            check(row[col] == k[key], f"KQ {k['code']} {col}: {row[col]} vs {k[key]}")
        check(close(row["% Yes"] * 100, k["percent"]), f"KQ {k['code']} percent")
    _, rows = table(wb["Prompts"])
    check(len(rows) == len(prompts), f"Prompts rows {len(rows)} = {len(prompts)}")
    for (parent, p), row in zip(prompts, rows):
        check(row["Prompt"] == p["code"] and row["Key question"] == parent, f"prompt {p['code']}")
        for col, key in (("Yes", "yes"), ("No", "no"), ("Not applicable", "not_applicable"),
                         ("Relevant", "relevant"), ("Rounded %", "rounded")):
            check(row[col] == p[key], f"prompt {p['code']} {col}")
        if p["relevant"]:
            check(close(row["% Yes"] * 100, p["percent"]), f"prompt {p['code']} percent")
        else:
            check(row["% Yes"] == "[z]" and row["Rounded %"] == "[z]",
                  f"prompt {p['code']}: no relevant case, percentage [z]")

    # Breakdowns: every key question by every attribute, with RRI against the largest group
    _, rows = table(wb["Breakdowns"])
    it = iter(rows)
    n = 0
    for b in j["breakdowns"]:
        ref = max(b["values"], key=lambda v: (v["cases"], -b["values"].index(v)))
        for k in kqs:
            rq = next(q for q in ref["questions"] if q["code"] == k["code"])
            for v in b["values"]:
                row = next(it)
                n += 1
                q = next(q for q in v["questions"] if q["code"] == k["code"])
                where = f"breakdown {b['attribute']}={v['value']} {k['code']}"
                check(row["Attribute"] == b["label"] and row["Group"] == v["label"] and
                      row["Question"] == k["code"], where + " labels")
                check(row["Cases in group"] == v["cases"], where + " cases")
                for col, key in (("Yes", "yes"), ("No", "no"), ("Not applicable", "not_applicable"),
                                 ("Relevant", "relevant")):
                    check(row[col] == q[key], f"{where} {col}")
                if q["relevant"]:
                    check(close(row["% Yes"] * 100, q["percent"]), where + " percent")
                    check(row["Rounded %"] == q["rounded"], where + " rounded")
                else:
                    check(row["% Yes"] == "[z]", where + " no relevant case: percentage [z]")
                check(row["Reference group"] == ref["label"], where + " reference group named")
                if v is ref:
                    check(row["RRI"] == "[z]" and row["RRI flag"] == "[z]", where + " reference: RRI [z]")
                elif q["relevant"] >= RRI_MIN and rq["relevant"] >= RRI_MIN and rq["yes"] > 0:
                    rri = (q["yes"] / q["relevant"]) / (rq["yes"] / rq["relevant"])
                    check(close(row["RRI"], rri, 1e-12), where + " RRI")
                    flag = "Lower rate" if rri < 0.8 else "Higher rate" if rri > 1.25 else "Within range"
                    check(row["RRI flag"] == flag, where + " RRI flag")
                else:
                    check(row["RRI"] == "[z]", where + " no RRI for a small group: [z]")
    check(n == len(rows), "no extra breakdown rows")

    # Sample
    _, rows = table(wb["Sample"])
    it = iter(rows)
    for b in j["breakdowns"]:
        for v in b["values"]:
            row = next(it)
            check(row["Cases"] == j["sample"][b["attribute"]][v["value"]] == v["cases"],
                  f"sample {b['attribute']}={v['value']}")
            check(close(row["Share of sample"], v["cases"] / j["cases"]), f"sample share {v['value']}")

    # Cover: cases, score and overall; the notes call the RRI convention the toolkit's own
    cover = [r[0] for r in wb["Cover"].iter_rows(values_only=True) if r[0]]
    check(f"Cases inspected: {j['cases']}" in cover, "Cover: cases")
    check(f"Score: {j['score']} out of {j['max_score']}. Overall rating: {j['overall']}." in cover,
          "Cover: score and overall")
    _, score = table(wb["Score"])
    check(score == [{"Cases inspected": j["cases"], "Score": j["score"],
                     "Highest possible score": j["max_score"], "Overall rating": j["overall"]}],
          f"Score sheet: one row of score, maximum and overall ({score})")
    text = sheet_text(wb, "Notes")
    check("conventions of this toolkit" in text, "Notes: RRI convention is the toolkit's")
    check(wb["Breakdowns"]["A2"].value and "toolkit convention" in wb["Breakdowns"]["A2"].value,
          "Breakdowns: convention noted")

    # Chart data: every key question of the computed standards, with its own wording
    _, rows = table(wb["Chart 1"])
    charted = [(s, k) for s in j["standards"] if s["source"] == "cases" for k in s["key_questions"]]
    check(len(rows) == len(charted), "Chart 1: one row per key question")
    for (s, k), r in zip(charted, rows):
        check(r["Standard"] == f"{s['code']} {s['name']}" and r["Code"] == k["code"] and
              r["Key question"] == k["text"], f"chart table row {k['code']}")
        check(close(r["% Yes"] * 100, k["percent"]), f"chart value {k['code']}")
    _, rows = table(wb["Chart 2"])
    st = j["breakdowns"][0]
    for (s, k), r in zip(charted, rows):
        for v in st["values"]:
            q = next(q for q in v["questions"] if q["code"] == k["code"])
            check(close(r[f"{v['label']}: % Yes"] * 100, q["percent"]), f"chart 2 {k['code']} {v['label']}")

    # Package parts
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        read = lambda n: z.read(n).decode()
        check("xl/charts/chart1.xml" in names and "xl/charts/chart2.xml" in names, "two native charts")
        check("<c:barChart>" in read("xl/charts/chart1.xml"), "chart 1 is a bar/column chart")
        tables = [n for n in names if n.startswith("xl/tables/")]
        check(len(tables) == len(SHEETS) - 1, f"a worksheet table on every sheet but the cover ({len(tables)})")
        check(all("<autoFilter" in read(t) for t in tables), "tables have autofilters")
        sheets = [f"xl/worksheets/sheet{i}.xml" for i in range(1, len(SHEETS) + 1)]
        for name, n in zip(SHEETS, sheets):
            x = read(n)
            check('orientation="landscape"' in x or name in ("Cover", "Contents", "Notes"), f"{name} landscape")
            if name.startswith("Chart"):
                check('fitToPage="1"' in x and "fitToHeight" not in x, f"{name} fit to one page")
            else:
                check('fitToPage="1"' in x and 'fitToHeight="0"' in x, f"{name} fit to one page wide")
            check("<headerFooter" not in x, f"{name}: no print header or footer")
            check(("<tableParts" in x) == (name != "Cover"), f"{name} has a table, unless the cover")
            if name in ("Ratings", "Key questions", "Prompts", "Breakdowns", "Sample"):
                check('state="frozen"' in x, f"{name} frozen header")
                check("<conditionalFormatting" in x or name == "Sample", f"{name} conditional fills")
        wbx = read("xl/workbook.xml")
        for name in ("Score", "MaximumScore", "OverallRating", "KeyQuestionPercents", "BreakdownPercents",
                     "RatingBands", "_xlnm.Print_Titles"):
            check(f'name="{name}"' in wbx, f"defined name {name}")
        core = read("docProps/core.xml")
        check("<dc:title>North Wales: inspection data annexe</dc:title>" in core, "title property")
        check("<dc:creator>HM Inspectorate of Probation</dc:creator>" in core, "author property")
        check("<cp:keywords>" in core and "<dc:subject>" in core, "keywords and subject properties")
        check("2026-01-01T00:00:00Z" in core, "created from SOURCE_DATE_EPOCH")
        check("<Company>HM Inspectorate of Probation</Company>" in read("docProps/app.xml"), "company")
        contents = read(sheets[1])
        check("location=\"'Ratings'!A1\"" in contents, "Contents links to the sheets")
        cf = read(sheets[SHEETS.index("Key questions")])
        check("ISNUMBER" in cf and "&gt;=0.8" in cf, "band fills on percentages")


# ----------------------------------------------------------- sharing workbook
def check_share(path, j, cmps, label):
    """cmps: list of (label, [json of pooled inspections]) expected to be shown."""
    wb = openpyxl.load_workbook(path)
    check("Cases" not in wb.sheetnames, f"{label}: no case sheet")
    text = all_text(path)
    for other in OTHER_NAMES:
        check(other not in text, f"{label}: no other PDU's name '{other}'")
    check(not CASE_ID.search(text), f"{label}: no case id")
    C = "[c]"

    _, kq_rows = table(wb["Key questions"])
    kq_total = {r["Code"]: r for r in kq_rows}
    headers, rows = table(wb["Breakdowns"])
    _, sample_rows = table(wb["Sample"])
    kqs = [k for s in j["standards"] for k in s.get("key_questions", [])]

    # Sample: small groups hidden with secondary suppression; visible figures true.
    it = iter(sample_rows)
    sample_hidden = {}
    for b in j["breakdowns"]:
        hid = []
        for v in b["values"]:
            row = next(it)
            h = row["Cases"] == C
            sample_hidden[(b["attribute"], v["value"])] = h
            if 0 < v["cases"] < SUPPRESS:
                check(h, f"{label}: sample {v['value']} ({v['cases']}) hidden")
            if v["cases"] == 0:
                check(row["Cases"] == 0, f"{label}: sample {v['value']}: a group with no cases shows 0")
            if not h:
                check(row["Cases"] == v["cases"], f"{label}: sample {v['value']} value")
            else:
                check(row["Share of sample"] == C, f"{label}: sample share hidden with count")
                hid.append(v["cases"])
        check(len(hid) != 1, f"{label}: sample {b['attribute']} not one hidden cell alone")
        if hid and len(hid) < len(b["values"]):
            check(sum(hid) >= SUPPRESS, f"{label}: hidden {b['attribute']} groups add up to >= {SUPPRESS}")
            visible = sum(v["cases"] for v in b["values"] if not sample_hidden[(b["attribute"], v["value"])])
            check(j["cases"] - visible == sum(hid) and len(hid) >= 2,
                  f"{label}: total minus visible gives only a sum of >= 2 cells")

    # Breakdowns: per attribute and key question.
    it = iter(rows)
    n_hidden = 0
    for b in j["breakdowns"]:
        for k in kqs:
            block = []
            for v in b["values"]:
                row = next(it)
                q = next(q for q in v["questions"] if q["code"] == k["code"])
                block.append((v, q, row))
            hid = [(v, q) for v, q, row in block if row["Relevant"] == C]
            n_hidden += len(hid)
            for v, q, row in block:
                where = f"{label}: {b['attribute']}={v['value']} {k['code']}"
                h = row["Relevant"] == C
                if 0 < q["relevant"] < SUPPRESS or sample_hidden[(b["attribute"], v["value"])]:
                    check(h, where + " hidden")
                if v["cases"] == 0:
                    check(row["Relevant"] == 0 and row["% Yes"] == "[z]",
                          where + " no cases: 0 relevant, percentage [z], nothing hidden")
                if h:
                    check(all(row[c] == C for c in ("Yes", "No", "Not applicable", "% Yes", "Rounded %", "RRI")),
                          where + " every figure of a hidden group is [c]")
                else:
                    check(row["Yes"] == q["yes"] and row["Relevant"] == q["relevant"], where + " visible values")
            # Recovery attempt: the key question's total minus the visible groups.
            if hid:
                total = kq_total[k["code"]]
                vis_rel = sum(row["Relevant"] for _, _, row in block if row["Relevant"] != C)
                vis_yes = sum(row["Yes"] for _, _, row in block if row["Yes"] != C)
                rest_rel, rest_yes = total["Relevant"] - vis_rel, total["Yes"] - vis_yes
                check(len(hid) >= 2, f"{label}: {b['attribute']} {k['code']}: more than one cell hidden")
                check(rest_rel == sum(q["relevant"] for _, q in hid) and rest_yes == sum(q["yes"] for _, q in hid),
                      f"{label}: subtraction yields only the sum of the hidden cells")
                if len(hid) < len(block):
                    check(rest_rel >= SUPPRESS, f"{label}: hidden cells together are not small")
    check(n_hidden > 0, f"{label}: some breakdown cells are suppressed")
    # The 12 women: a gender with other groups empty is shown, not hidden to protect empty groups.
    women = next(v for b in j["breakdowns"] if b["attribute"] == "gender" for v in b["values"]
                 if v["value"] == "female")
    others = [v["cases"] for b in j["breakdowns"] if b["attribute"] == "gender" for v in b["values"]
              if v["value"] not in ("female", "male")]
    if women["cases"] >= SUPPRESS and not any(0 < n < SUPPRESS for n in others):
        check(not sample_hidden[("gender", "female")],
              f"{label}: the {women['cases']} women are shown (other groups {others} disclose nothing)")

    # Comparators: headers, values, and their own suppression.
    for clabel, members in cmps:
        col = f"{clabel}: % Yes"
        check(col in headers, f"{label}: comparator column '{col}'")
        for k in kqs:
            ys = sum(next(x for s in m["standards"] for x in s.get("key_questions", []) if x["code"] == k["code"])["yes"] for m in members)
            rs = sum(next(x for s in m["standards"] for x in s.get("key_questions", []) if x["code"] == k["code"])["relevant"] for m in members)
            row = kq_total[k["code"]]
            check(row[f"{clabel}: Yes"] == ys and row[f"{clabel}: relevant"] == rs,
                  f"{label}: {clabel} {k['code']} pooled counts")
            check(close(row[f"{clabel}: % Yes"], ys / rs), f"{label}: {clabel} {k['code']} pooled percent")
        it = iter(rows)
        for bi, b in enumerate(j["breakdowns"]):
            for k in kqs:
                hid = 0
                for vi, v in enumerate(b["values"]):
                    row = next(it)
                    tot = [next(q for q in m["breakdowns"][bi]["values"][vi]["questions"] if q["code"] == k["code"])
                           for m in members]
                    rel = sum(t["relevant"] for t in tot)
                    own = next(q for q in v["questions"] if q["code"] == k["code"])["relevant"]
                    if 0 < rel - own < SUPPRESS:
                        check(row[col] == C, f"{label}: {clabel} {v['value']} {k['code']} hidden (others {rel - own})")
                    if row[col] == C:
                        hid += 1
                    elif rel:
                        check(close(row[col], sum(t["yes"] for t in tot) / rel),
                              f"{label}: {clabel} {v['value']} {k['code']} pooled percent")
                check(hid != 1, f"{label}: {clabel} {b['attribute']} {k['code']} not one hidden cell alone")
    about = sheet_text(wb, "Cover", "Notes")
    check("[c]" in about and "fewer than 5" in about, f"{label}: suppression note")
    bad = problems(path)
    check(not bad, f"{label}: meets the spreadsheet standard: " + "; ".join(bad[:5]))
    return wb, headers


def main():
    tmp = tempfile.mkdtemp(prefix="annexe-test-")
    try:
        bundles = {b: os.path.join(DATA, b) for b in ("glan-teifi", "bro-hafren", "fenland-test")}
        db1 = make_db(tmp, "one", [FIXTURE, bundles["glan-teifi"]])
        j = rate(db1, NW)

        full = os.path.join(tmp, "nw.xlsx")
        rc, out, err = run(db1, "annexe", NW, "-o", full)
        check(rc == 0 and os.path.exists(full), f"annexe writes ({rc}: {err})")
        check_full(db1, full, j)
        text = all_text(full)
        check(not CASE_ID.search(text), "full annexe without --with-cases has no case id")

        # Reproducible bytes
        again = os.path.join(tmp, "nw2.xlsx")
        run(db1, "annexe", NW, "-o", again)
        check(open(full, "rb").read() == open(again, "rb").read(), "same SOURCE_DATE_EPOCH, same bytes")
        share_a, share_b = os.path.join(tmp, "s1.xlsx"), os.path.join(tmp, "s2.xlsx")
        run(db1, "annexe", NW, "--share", "-o", share_a)
        run(db1, "annexe", NW, "--share", "-o", share_b)
        check(open(share_a, "rb").read() == open(share_b, "rb").read(), "sharing workbook reproducible")

        # Sharing with only two PDUs: both comparators withheld (subtraction would give the other PDU).
        wb, headers = check_share(share_a, j, [], "two PDUs")
        check(not any(h and "Wales region" in h for h in headers), "two PDUs: region comparator withheld")
        about = sheet_text(wb, "Notes")
        check("Wales region: not shown" in about and "All inspections: not shown" in about,
              "two PDUs: withheld comparators explained")

        # Three Welsh PDUs plus one elsewhere: region shown, all-inspections withheld (it minus the
        # region would be the one PDU outside Wales).
        db2 = make_db(tmp, "four", [FIXTURE] + list(bundles.values()))
        js = {i: rate(db2, i) for i in (NW, "glan-teifi-2025", "bro-hafren-2025", "fenland-test-2025")}
        p = os.path.join(tmp, "s-four.xlsx")
        rc, _, err = run(db2, "annexe", NW, "--share", "-o", p)
        check(rc == 0, f"share with four PDUs ({err})")
        wales = [js[NW], js["glan-teifi-2025"], js["bro-hafren-2025"]]
        wb, headers = check_share(p, js[NW], [("Wales region", wales)], "four PDUs")
        check(not any(h and h.startswith("All inspections") for h in headers),
              "four PDUs: all-inspections withheld (one PDU outside the region)")

        # Three Welsh PDUs: region and all inspections both shown and equal.
        db3 = make_db(tmp, "three", [FIXTURE, bundles["glan-teifi"], bundles["bro-hafren"]])
        p = os.path.join(tmp, "s-three.xlsx")
        run(db3, "annexe", NW, "--share", "-o", p)
        check_share(p, js[NW], [("Wales region", wales), ("All inspections", wales)], "three PDUs")
        # --suppress 0 turns suppression off but keeps every privacy rule.
        p0 = os.path.join(tmp, "s-nosup.xlsx")
        run(db3, "annexe", NW, "--share", "--suppress", "0", "-o", p0)
        check(not any(c.value == "[c]" for ws in openpyxl.load_workbook(p0).worksheets
                      for r in ws.iter_rows() for c in r), "--suppress 0: nothing hidden")
        check(not CASE_ID.search(all_text(p0)), "--suppress 0: still no case id")

        # Case sheet, normal and constant memory
        for extra, label in (([], "cases"), (["--constant-memory"], "cases, constant memory")):
            pc = os.path.join(tmp, "nwc.xlsx")
            rc, _, err = run(db1, "annexe", NW, "--with-cases", *extra, "-o", pc)
            check(rc == 0, f"{label}: written ({err})")
            wb = openpyxl.load_workbook(pc)
            check(wb.sheetnames[-1] == "Cases", f"{label}: Cases sheet")
            headers, rows = table(wb["Cases"])
            check(len(rows) == j["cases"], f"{label}: one row per case")
            with open(os.path.join(FIXTURE, "cases.csv"), newline="") as f:
                import csv
                src = {r["case_id"]: r for r in csv.DictReader(f)}
            ok = True
            for row in rows:
                s = src[row["Case id"]]
                for code in [h for h in headers if h and re.match(r"\d\.\d\.\d", h)]:
                    want = {"Y": "Y", "YES": "Y", "N": "N", "NO": "N"}.get(s.get(code, "").strip().upper(), "NA")
                    ok &= row[code] == want
            check(ok, f"{label}: every answer matches cases.csv")
            with zipfile.ZipFile(pc) as z:
                n_tables = len([n for n in z.namelist() if n.startswith("xl/tables/")])
            check(n_tables == (0 if extra else len(SHEETS)), f"{label}: {n_tables} tables")
            if extra:
                wb2 = openpyxl.load_workbook(pc)
                check(wb2["Key questions"].auto_filter.ref is not None, f"{label}: autofilter instead of table")
                _, kr = table(wb2["Key questions"])
                check([r["Yes"] for r in kr] ==
                      [k["yes"] for s in j["standards"] for k in s.get("key_questions", [])],
                      f"{label}: same figures")

        # Errors
        rc, _, err = run(db1, "annexe", NW, "--share", "--with-cases", "-o", os.path.join(tmp, "x.xlsx"))
        check(rc == 64 and not os.path.exists(os.path.join(tmp, "x.xlsx")), "--share --with-cases is a usage error")
        for bad in (os.path.join(tmp, "no-such-folder", "x.xlsx"), os.path.join(full, "x.xlsx")):
            before = sorted(os.listdir(tmp))
            rc, _, err = run(db1, "annexe", NW, "-o", bad)
            check(rc == 73, f"unwritable {bad}: exit 73 ({rc})")
            check("x.xlsx" in err or bad in err, "error names the path")
            check(sorted(os.listdir(tmp)) == before and not os.path.exists(bad), "no file left behind")
        rc, _, err = run(db1, "annexe", "no-such-inspection", "-o", os.path.join(tmp, "y.xlsx"))
        check(rc == 66 and not os.path.exists(os.path.join(tmp, "y.xlsx")), "unknown inspection: 66")
        rc, _, _ = run(db1, "annexe", NW, "--suppress", "x")
        check(rc == 64, "--suppress needs a number")
        # An older file survives a failed write.
        keep = os.path.join(tmp, "keep.xlsx")
        shutil.copy(full, keep)
        rc, _, _ = run(db1, "annexe", "no-such-inspection", "-o", keep)
        check(open(keep, "rb").read() == open(full, "rb").read(), "failed write keeps the old file")
    finally:
        if os.environ.get("PDUREP_KEEP_TEST_FILES"):
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
