#!/usr/bin/python3
"""End-to-end test: import the North Wales fixture, rate it, check every published figure.

Usage: test_north_wales.py PDUREP_BINARY FIXTURE_DIR

Runs, in a fresh temporary folder:
    PDUREP import FIXTURE_DIR --db T/x.db
    PDUREP --db T/x.db rate north-wales-2025 --json
    PDUREP rate north-wales-2025 --db T/x.db
and compares what comes back with the figures the inspectorate published for
North Wales PDU (see fixtures/north-wales/README.md for which prompt carries
which finding). It also recounts every question straight from the fixture's
cases.csv and checks that pdurep's counts agree.

Prints one line per check, then "N passed, N failed"; exits 1 on any failure.
Only the Python standard library is used.
"""

import csv
import json
import os
import subprocess
import sys
import tempfile

INSPECTION_ID = "north-wales-2025"


class _Missing:
    def __repr__(self):
        return "<missing>"


MISSING = _Missing()

# ---------------------------------------------------------------------------
# The published figures (methodology.md, "Figures published for North Wales PDU").
# ---------------------------------------------------------------------------

KQ_PERCENT = {
    "2.1.1": 82, "2.1.2": 73, "2.1.3": 53,
    "2.2.1": 83, "2.2.2": 79, "2.2.3": 52,
    "2.3.1": 88, "2.3.2": 62, "2.3.3": 55,
    "2.4.1": 85, "2.4.2": 76, "2.4.3": 51,
}

STANDARDS = [
    # code, name, source, rating, points, driver, band
    ("P1.1", "Leadership", "judgement", "Good", 2, None, None),
    ("P1.2", "Staffing", "judgement", "Good", 2, None, None),
    ("P1.3", "Services", "judgement", "Good", 2, None, None),
    ("P2.1", "Assessment", "cases", "Requires improvement", 1, "2.1.3", "Too few"),
    ("P2.2", "Planning", "cases", "Requires improvement", 1, "2.2.3", "Too few"),
    ("P2.3", "Implementation and delivery", "cases", "Requires improvement", 1, "2.3.3", "Too few"),
    ("P2.4", "Reviewing", "cases", "Requires improvement", 1, "2.4.3", "Too few"),
]

# Prompt-level counts printed in the report: code -> (yes, relevant).
PROMPT_COUNTS = {
    "2.1.3d": (32, 61),  # 29 of 61 did not use information well enough to assess risk
    "2.1.3b": (44, 77),  # drew enough on every source
    "2.2.3c": (40, 68),  # 28 of 68 plans lacked links to other agencies
    "2.3.1c": (34, 41),  # enough enforcement action
    "2.3.1d": (29, 35),  # re-engaged after enforcement
    "2.3.1e": (7, 8),    # Probation Reset: services beyond supervised contact
    "2.3.2a": (52, 62),  # offered commissioned rehabilitative services
    "2.3.2b": (40, 63),  # local services engaged
    "2.3.2c": (51, 69),  # building on strengths (diversity section)
    "2.4.1a": (50, 61),  # written reviews
    "2.4.2b": (59, 71),  # reviews building strengths
    "2.4.3b": (37, 69),  # reviews informed by other agencies
    "2.4.3c": (33, 63),  # person and key people involved in reviewing risk
}
# The "did not" findings, given as No counts.
PROMPT_NO = {"2.1.3d": (29, 61), "2.2.3c": (28, 68)}

# Counts by risk of serious harm: code -> {group: (yes, relevant)}; "high+" is high + very high.
ROSH_COUNTS = {
    "2.3.3a": {"medium": (10, 22), "high+": (12, 20)},
    "2.4.2a": {"medium": (22, 32), "high+": (25, 29)},
}

# Rounded percentages by sentence type.
SENTENCE_PERCENT = {"2.2.2": {"community": 86, "licence": 62}}

# Further percentages printed in the report's prose, matched by the fixture.
ALSO_PERCENT = {
    "2.1.1c": 80,  # protected characteristics analysed at assessment
    "2.1.2b": 75,  # strengths and protective factors analysed at assessment
    "2.2.1a": 81,  # plan set a suitable level and pattern of contact
    "2.2.2a": 83,  # plans addressed the most critical offending factors
    "2.3.1a": 71,  # requirements started promptly
    "2.3.1b": 94,  # diversity needs considered in the working relationship
}
# Findings the report gives in words: code -> (low, high) bounds on the percent, exclusive.
ALSO_RANGE = {
    "2.1.1a": (75, 100, "over three-quarters"),
    "2.1.2a": (75, 100, "over three-quarters"),
    "2.2.2b": (70, 75, "almost three-quarters"),
    "2.3.2d": (0, 50, "less than half"),
    "2.4.3a": (45, 50, "just under half"),
}

# ---------------------------------------------------------------------------


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def _report(self, ok, name, detail):
        if ok:
            self.passed += 1
            print("ok   %s%s" % (name, (": " + detail) if detail else ""))
        else:
            self.failed += 1
            print("FAIL %s%s" % (name, (": " + detail) if detail else ""))

    def eq(self, name, got, want):
        if got is MISSING:
            self._report(False, name, "missing from the output (want %r)" % (want,))
        else:
            self._report(got == want, name, "%r" % (got,) if got == want
                         else "got %r, want %r" % (got, want))

    def true(self, name, cond, detail=""):
        self._report(bool(cond), name, detail)


def get(obj, *path):
    """obj[path[0]][path[1]]..., or MISSING."""
    for p in path:
        if isinstance(obj, dict) and p in obj:
            obj = obj[p]
        elif isinstance(obj, list) and isinstance(p, int) and 0 <= p < len(obj):
            obj = obj[p]
        else:
            return MISSING
    return obj


def find(items, key, value):
    if not isinstance(items, list):
        return MISSING
    for it in items:
        if isinstance(it, dict) and it.get(key) == value:
            return it
    return MISSING


def round_half_up(yes, relevant):
    return (200 * yes + relevant) // (2 * relevant)


def run(cmd, cwd, env):
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        return 127, "", str(e)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


class Ratings:
    """Lookups into the JSON of `pdurep rate --json`."""

    def __init__(self, data):
        self.data = data
        self.questions = {}
        for std in get(data, "standards") if isinstance(get(data, "standards"), list) else []:
            for kq in get(std, "key_questions") if isinstance(get(std, "key_questions"), list) else []:
                if isinstance(kq, dict):
                    self.questions[kq.get("code")] = kq
                    for pr in kq.get("prompts") if isinstance(kq.get("prompts"), list) else []:
                        if isinstance(pr, dict):
                            self.questions[pr.get("code")] = pr

    def standard(self, code):
        return find(get(self.data, "standards"), "code", code)

    def question(self, code):
        return self.questions.get(code, MISSING)

    def breakdown_value(self, attribute, value):
        bd = find(get(self.data, "breakdowns"), "attribute", attribute)
        return find(get(bd, "values"), "value", value)

    def breakdown(self, attribute, value, code):
        return find(get(self.breakdown_value(attribute, value), "questions"), "code", code)


def tally_of(q):
    """(yes, relevant) of a question object, or MISSING."""
    yes, rel = get(q, "yes"), get(q, "relevant")
    if yes is MISSING or rel is MISSING:
        return MISSING
    return (yes, rel)


def check_percent(ck, name, q, want_rounded):
    """Check 'rounded' and that the unrounded 'percent' agrees with the counts and rounds to it."""
    ck.eq("%s rounded percent" % name, get(q, "rounded"), want_rounded)
    t = tally_of(q)
    pct = get(q, "percent")
    if t is MISSING or pct is MISSING or not isinstance(pct, (int, float)) or not t[1]:
        ck.true("%s unrounded percent" % name, False, "percent %r, counts %r" % (
            None if pct is MISSING else pct, None if t is MISSING else t))
        return
    exact = 100.0 * t[0] / t[1]
    ck.true("%s unrounded percent" % name,
            abs(pct - exact) < 0.01 and round_half_up(t[0], t[1]) == want_rounded,
            "%r (%d of %d)" % (pct, t[0], t[1]))


def read_fixture(fixture):
    with open(os.path.join(fixture, "cases.csv"), newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        codes = [c for c in reader.fieldnames if c[:1].isdigit()]
    return rows, codes


def count(rows, code, where=lambda r: True):
    y = n = na = 0
    for r in rows:
        if not where(r):
            continue
        v = r[code].strip().upper()
        if v in ("Y", "YES"):
            y += 1
        elif v in ("N", "NO"):
            n += 1
        else:
            na += 1
    return {"yes": y, "no": n, "not_applicable": na, "relevant": y + n}


def main(argv):
    ck = Checks()
    try:
        check_all(argv, ck)
    except Exception as e:  # a malformed output must still end in a summary line
        ck.true("test ran to the end", False, "%s: %s" % (type(e).__name__, e))
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


def check_all(argv, ck):
    binary = os.path.abspath(argv[1])
    fixture = os.path.abspath(argv[2])
    env = dict(os.environ)
    env.pop("PDUREP_DB", None)
    env["LC_ALL"] = "C"

    with tempfile.TemporaryDirectory(prefix="pdurep-e2e-") as tmp:
        db = os.path.join(tmp, "x.db")

        rc, out, err = run([binary, "import", fixture, "--db", db], tmp, env)
        ck.eq("import exit status", rc, 0)
        if rc != 0:
            print(err.rstrip())

        rc, out, err = run([binary, "--db", db, "rate", INSPECTION_ID, "--json"], tmp, env)
        ck.eq("rate --json exit status", rc, 0)
        try:
            data = json.loads(out)
            ck.true("rate --json output is JSON", True)
        except ValueError as e:
            ck.true("rate --json output is JSON", False, "%s; stderr: %s" % (e, err.strip()))
            data = {}

        rc, table, err = run([binary, "rate", INSPECTION_ID, "--db", db], tmp, env)
        ck.eq("rate (table) exit status", rc, 0)
        ck.true("rate table shows the score 10/21", "10/21" in table, repr(table[:200]))
        ck.true("rate table shows Requires improvement", "Requires improvement" in table)

    r = Ratings(data)

    # Identity and sample.
    ck.eq("inspection id", get(data, "inspection"), INSPECTION_ID)
    ck.eq("framework", get(data, "framework"), "probation-pdu-2023")
    ck.eq("name", get(data, "name"), "North Wales")
    ck.eq("region", get(data, "region"), "Wales")
    ck.eq("cases inspected (77)", get(data, "cases"), 77)
    ck.eq("community orders (56)", get(data, "sample", "sentence_type", "community"), 56)
    ck.eq("releases on licence (21)", get(data, "sample", "sentence_type", "licence"), 21)
    ck.eq("under Probation Reset (11)", get(data, "sample", "probation_reset", "yes"), 11)
    ck.eq("not under Probation Reset (66)", get(data, "sample", "probation_reset", "no"), 66)

    # Key questions.
    for code, pct in KQ_PERCENT.items():
        check_percent(ck, "key question %s" % code, r.question(code), pct)

    # Standards.
    for code, name, source, rating, points, driver, band in STANDARDS:
        s = r.standard(code)
        ck.eq("%s name" % code, get(s, "name"), name)
        ck.eq("%s source" % code, get(s, "source"), source)
        ck.eq("%s rating" % code, get(s, "rating"), rating)
        ck.eq("%s points" % code, get(s, "points"), points)
        if source == "cases":
            ck.eq("%s computed rating" % code, get(s, "computed_rating"), rating)
            ck.eq("%s not overridden" % code, get(s, "overridden"), False)
            ck.eq("%s driver" % code, get(s, "driver"), driver)
            ck.eq("%s band" % code, get(s, "band"), band)
            reason = get(s, "reason")
            ck.true("%s reason names %s and %s" % (code, driver, band),
                    isinstance(reason, str) and driver in reason and band in reason, repr(reason))
            ck.eq("%s key questions" % code, [get(k, "code") for k in get(s, "key_questions")]
                  if isinstance(get(s, "key_questions"), list) else MISSING,
                  [driver[:4] + str(i) for i in (1, 2, 3)])
        else:
            rationale = get(s, "rationale")
            ck.true("%s rationale given" % code, isinstance(rationale, str) and rationale.strip())
    ck.eq("standards in order", [get(s, "code") for s in get(data, "standards")]
          if isinstance(get(data, "standards"), list) else MISSING, [s[0] for s in STANDARDS])
    ck.eq("score", get(data, "score"), 10)
    ck.eq("max_score", get(data, "max_score"), 21)
    ck.eq("overall", get(data, "overall"), "Requires improvement")

    # Prompt-level counts.
    for code, want in PROMPT_COUNTS.items():
        ck.eq("prompt %s yes of relevant" % code, tally_of(r.question(code)), want)
    for code, want in PROMPT_NO.items():
        q = r.question(code)
        ck.eq("prompt %s no of relevant" % code,
              MISSING if get(q, "no") is MISSING else (get(q, "no"), get(q, "relevant")), want)

    # Probation Reset: only reset cases are relevant to 2.3.1e.
    ck.eq("2.3.1e among reset cases", tally_of(r.breakdown("probation_reset", "yes", "2.3.1e")),
          (7, 8))
    ck.eq("2.3.1e relevant among cases not under reset",
          get(r.breakdown("probation_reset", "no", "2.3.1e"), "relevant"), 0)

    # Breakdowns by risk of serious harm.
    for code, groups in ROSH_COUNTS.items():
        for group, want in groups.items():
            if group == "high+":
                a = tally_of(r.breakdown("rosh", "high", code))
                b = tally_of(r.breakdown("rosh", "very high", code))
                got = MISSING if a is MISSING or b is MISSING else (a[0] + b[0], a[1] + b[1])
                label = "high or very high"
            else:
                got = tally_of(r.breakdown("rosh", group, code))
                label = group
            ck.eq("%s among %s risk cases" % (code, label), got, want)
    low = r.breakdown("rosh", "low", "2.3.3a")
    ck.eq("2.3.3a relevant among low risk cases", get(low, "relevant"), 0)
    ck.eq("2.3.3a percent is null with nothing relevant", get(low, "percent"), None)

    # Breakdown by sentence type.
    for code, values in SENTENCE_PERCENT.items():
        for value, pct in values.items():
            check_percent(ck, "%s among %s cases" % (code, value),
                          r.breakdown("sentence_type", value, code), pct)

    # Further figures from the report's prose.
    for code, pct in ALSO_PERCENT.items():
        check_percent(ck, "prompt %s" % code, r.question(code), pct)
    for code, (lo, hi, words) in ALSO_RANGE.items():
        t = tally_of(r.question(code))
        ck.true("prompt %s is %s" % (code, words),
                t is not MISSING and t[1] and lo * t[1] < 100 * t[0] < hi * t[1],
                "%r" % (t if t is not MISSING else None,))

    # Every count agrees with a recount of the fixture's cases.csv.
    rows, codes = read_fixture(fixture)
    bad = []
    for code in codes:
        want = count(rows, code)
        q = r.question(code)
        got = {k: get(q, k) for k in want}
        if got != want:
            bad.append("%s got %s want %s" % (code, got, want))
    ck.true("all %d questions agree with cases.csv" % len(codes), not bad, "; ".join(bad[:5]))
    for attribute in ("sentence_type", "rosh", "gender", "ethnicity", "probation_reset"):
        values = sorted({row[attribute] for row in rows})
        want_sample = {v: sum(1 for row in rows if row[attribute] == v) for v in values}
        got_sample = get(data, "sample", attribute)
        ck.true("sample %s agrees with cases.csv" % attribute,
                isinstance(got_sample, dict)
                and all(got_sample.get(v) == n for v, n in want_sample.items())
                and sum(got_sample.values()) == len(rows),
                "got %r want %r" % (None if got_sample is MISSING else got_sample, want_sample))
        bad = []
        for v in values:
            bv = r.breakdown_value(attribute, v)
            if get(bv, "cases") != want_sample[v]:
                bad.append("%s cases %r" % (v, None if get(bv, "cases") is MISSING else get(bv, "cases")))
            for code in codes:
                want = count(rows, code, lambda row: row[attribute] == v)
                q = r.breakdown(attribute, v, code)
                got = {k: get(q, k) for k in want}
                if got != want:
                    bad.append("%s=%s %s got %s want %s" % (attribute, v, code, got, want))
        ck.true("breakdown by %s agrees with cases.csv" % attribute, not bad, "; ".join(bad[:3]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: %s PDUREP_BINARY FIXTURE_DIR" % sys.argv[0], file=sys.stderr)
        sys.exit(64)
    sys.exit(main(sys.argv))
