#!/usr/bin/python3
"""Write the synthetic North Wales inspection bundle into fixtures/north-wales/.

Usage: scripts/make-north-wales-fixture.py [OUTPUT_DIR]

Every case in the bundle is invented. The script builds 77 made-up cases whose
answers, once counted, give back each figure the inspectorate published for
North Wales PDU (fieldwork from 1 September 2025): the twelve key-question
percentages, the prompt-level "X of Y" counts, the risk-level and
sentence-type splits, and from those the seven ratings and the score 10/21.

How it works: each case gets three hidden quality scores (engagement,
desistance work, risk-of-harm work) from a seeded random generator. For each
question we decide which cases it applies to, then hand out exactly the
required number of Yes answers to the best-scoring applicable cases. For a
prompt, cases that got Yes on the prompt's key question rank first, so the
No answers on prompts land mostly on cases that failed the key question.

Nothing here depends on the clock or on the machine: the same seed gives the
same files byte for byte. After writing, the script reads the files back,
recounts every figure and exits with status 1 if any target is missed.

Only the Python standard library is used.
"""

import csv
import io
import os
import random
import sys
from collections import Counter

SEED = 20250901
N_CASES = 77

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
QUESTIONS_CSV = os.path.join(ROOT, "frameworks", "probation-pdu-2023", "questions.csv")
ATTRIBUTES_CSV = os.path.join(ROOT, "frameworks", "probation-pdu-2023", "attributes.csv")

ATTRS = ["sentence_type", "rosh", "gender", "ethnicity", "probation_reset"]
HIGH = ("high", "very high")

# ---------------------------------------------------------------------------
# Targets. (yes, relevant) per question, optionally per stratum.
# ---------------------------------------------------------------------------

# Key questions: every case is assessed, planned and gets a delivery judgement;
# six cases had not reached a review, so reviewing applies to 71.
KEY_TARGETS = {
    "2.1.1": (63, 77),  # 81.8 -> 82
    "2.1.2": (56, 77),  # 72.7 -> 73
    "2.1.3": (41, 77),  # 53.2 -> 53
    "2.2.1": (64, 77),  # 83.1 -> 83
    "2.2.2": (61, 77),  # 79.2 -> 79, as 48/56 community + 13/21 licence
    "2.2.3": (40, 77),  # 51.9 -> 52
    "2.3.1": (68, 77),  # 88.3 -> 88
    "2.3.2": (48, 77),  # 62.3 -> 62
    "2.3.3": (42, 77),  # 54.5 -> 55
    "2.4.1": (60, 71),  # 84.5 -> 85
    "2.4.2": (54, 71),  # 76.1 -> 76
    "2.4.3": (36, 71),  # 50.7 -> 51
}
PUBLISHED_KQ_PERCENT = {
    "2.1.1": 82, "2.1.2": 73, "2.1.3": 53,
    "2.2.1": 83, "2.2.2": 79, "2.2.3": 52,
    "2.3.1": 88, "2.3.2": 62, "2.3.3": 55,
    "2.4.1": 85, "2.4.2": 76, "2.4.3": 51,
}
# 2.2.2 split by sentence type: (yes, relevant) per stratum.
KQ_STRATA = {
    "2.2.2": ("sentence_type", {"community": (48, 56), "licence": (13, 21)}),
}

# Prompts. Counts marked "published" come straight from the report; the
# others either hit a percentage printed in the report ("also matched") or
# are plausible values of our own ("filler").
PROMPT_TARGETS = {
    "2.1.1a": (60, 77),  # also matched: over three-quarters took part
    "2.1.1b": (65, 77),  # filler
    "2.1.1c": (60, 75),  # also matched: 80%
    "2.1.2a": (59, 77),  # also matched: over three-quarters
    "2.1.2b": (57, 76),  # also matched: 75%
    "2.1.3a": (45, 77),  # filler
    "2.1.3b": (44, 77),  # published
    "2.1.3c": (37, 70),  # filler
    "2.1.3d": (32, 61),  # published (29 of 61 fell short)
    "2.2.1a": (62, 77),  # also matched: 81%
    "2.2.1b": (66, 77),  # filler
    "2.2.2a": (64, 77),  # also matched: 83%
    "2.2.2b": (52, 71),  # also matched: almost three-quarters
    "2.2.3a": (42, 77),  # filler
    "2.2.3b": (46, 77),  # filler
    "2.2.3c": (40, 68),  # published (28 of 68 fell short)
    "2.3.1a": (55, 77),  # also matched: 71%
    "2.3.1b": (72, 77),  # also matched: 94%
    "2.3.1c": (34, 41),  # published
    "2.3.1d": (29, 35),  # published
    "2.3.1e": (7, 8),    # published (Probation Reset cases only)
    "2.3.2a": (52, 62),  # published
    "2.3.2b": (40, 63),  # published
    "2.3.2c": (51, 69),  # published (diversity strengths)
    "2.3.2d": (30, 66),  # also matched: less than half
    "2.3.3a": None,      # published, by risk level: see PROMPT_STRATA
    "2.3.3b": (34, 64),  # filler
    "2.4.1a": (50, 61),  # published
    "2.4.1b": (59, 68),  # filler
    "2.4.2a": None,      # published, by risk level: see PROMPT_STRATA
    "2.4.2b": (59, 71),  # published
    "2.4.3a": (33, 68),  # also matched: just under half
    "2.4.3b": (37, 69),  # published
    "2.4.3c": (33, 63),  # published
}
# Strata use the rosh groups "low", "medium" and "high+" (high or very high).
PROMPT_STRATA = {
    "2.3.3a": {"low": (0, 0), "medium": (10, 22), "high+": (12, 20)},
    "2.4.2a": {"low": (4, 5), "medium": (22, 32), "high+": (25, 29)},
}

# Sample make-up. Sentence type and Probation Reset are published; the rest
# is an invented but plausible mix.
SAMPLE = {
    "sentence_type": {"community": 56, "licence": 21},
    "rosh": {"low": 9, "medium": 35, "high": 26, "very high": 7},
    "gender": {"male": 67, "female": 10},
    "ethnicity": {"white": 70, "mixed": 2, "asian": 2, "black": 1, "other": 1, "not stated": 1},
    "probation_reset": {"yes": 11, "no": 66},
}
N_RESET_ADJUSTED = 8  # reset cases whose supervision stopped for the last third
N_NOT_REVIEWED = 6    # cases that had not reached a review: 2.4.x not applicable

JUDGEMENTS = [
    ("P1.1", "Good",
     "A settled senior team with a clear direction, well known to partners; "
     "risk-of-harm work is the stated priority and quality work is under way, "
     "though information exchange with police and children's services still lags."),
    ("P1.2", "Good",
     "Posts are filled across almost all grades, workloads are manageable and "
     "staff have routes to learn and progress; recording of management "
     "oversight and the confidence of newer staff need work."),
    ("P1.3", "Good",
     "Commissioned and local services cover most needs, with strong public "
     "protection partnerships; mental health and substance misuse provision "
     "cannot meet demand."),
]

INSPECTION = [
    ("id", "north-wales-2025"),
    ("kind", "pdu"),
    ("name", "North Wales"),
    ("region", "Wales"),
    ("framework", "probation-pdu-2023"),
    ("fieldwork_start", "2025-09-01"),
    ("caseload", "2660"),
    ("inspectorate", "HM Inspectorate of Probation"),
]

# ---------------------------------------------------------------------------


def round_half_up(yes, relevant):
    """Whole-number percent, halves rounded up, in exact integer arithmetic."""
    return (200 * yes + relevant) // (2 * relevant)


def load_questions():
    with open(QUESTIONS_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    keys = [r["code"] for r in rows if not r["parent"]]
    parent = {r["code"]: r["parent"] for r in rows if r["parent"]}
    order = [r["code"] for r in rows]
    return order, keys, parent


def load_attribute_values():
    values = {}
    with open(ATTRIBUTES_CSV, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            values.setdefault(r["attribute"], []).append(r["value"])
    return values


def rosh_group(case):
    return "high+" if case["rosh"] in HIGH else case["rosh"]


def expand(counts):
    out = []
    for value, n in counts.items():
        out += [value] * n
    return out


def build_cases(rng):
    """The invented sample: attributes and hidden quality scores."""
    n = N_CASES
    rosh = expand(SAMPLE["rosh"])
    rng.shuffle(rosh)
    sentence = expand(SAMPLE["sentence_type"])
    rng.shuffle(sentence)
    gender = expand(SAMPLE["gender"])
    rng.shuffle(gender)
    ethnicity = expand(SAMPLE["ethnicity"])
    rng.shuffle(ethnicity)
    cases = []
    for i in range(n):
        cases.append({
            "case_id": "NW-%03d" % (i + 1),
            "sentence_type": sentence[i],
            "rosh": rosh[i],
            "gender": gender[i],
            "ethnicity": ethnicity[i],
            "probation_reset": "no",
            # Hidden quality of the work on each strand; a shared component
            # makes a case that is weak on one strand a little likelier to be
            # weak on the others, as real casework tends to be.
            "q": None,
            "answers": {},
        })
    for c in cases:
        base = rng.gauss(0, 1)
        c["q"] = {
            "engage": base + rng.gauss(0, 1),
            "desist": base + rng.gauss(0, 1),
            "safe": base + rng.gauss(0, 1),
            # Independent draws deciding where a prompt does not apply.
            "complexity": rng.gauss(0, 1),
        }
    # Probation Reset was not for the highest-risk people: draw the eleven
    # reset cases from low and medium risk of serious harm.
    eligible = [c for c in cases if c["rosh"] in ("low", "medium")]
    reset = rng.sample(eligible, SAMPLE["probation_reset"]["yes"])
    for c in reset:
        c["probation_reset"] = "yes"
    for c in rng.sample(reset, N_RESET_ADJUSTED):
        c["reset_adjusted"] = True
    # Six cases (two per risk group, none under reset) had not been reviewed.
    for group in ("low", "medium", "high+"):
        pool = [c for c in cases if rosh_group(c) == group and c["probation_reset"] == "no"]
        for c in rng.sample(pool, N_NOT_REVIEWED // 3):
            c["not_reviewed"] = True
    return cases


STRAND = {"1": "engage", "2": "desist", "3": "safe"}


def strand_of(code):
    return STRAND[code.split(".")[2][0]]


def give_yes(rng, pool, yes, score):
    """Answer Y for the `yes` best-scoring cases of `pool`, N for the rest."""
    if yes > len(pool):
        raise SystemExit("internal: %d Yes wanted from %d cases" % (yes, len(pool)))
    ranked = sorted(pool, key=lambda c: (score(c) + rng.gauss(0, 0.35), c["case_id"]), reverse=True)
    return {c["case_id"]: ("Y" if i < yes else "N") for i, c in enumerate(ranked)}


def choose_relevant(rng, pool, relevant, kq, prefer=None):
    """Pick which `relevant` cases of `pool` a prompt applies to.

    Cases that failed the key question lean towards being relevant, so that a
    No on a key question is nearly always explained by a No on some prompt.
    """
    if relevant > len(pool):
        raise SystemExit("internal: %d relevant wanted from %d cases" % (relevant, len(pool)))
    key = prefer or (lambda c: c["q"]["complexity"])
    ranked = sorted(pool, key=lambda c: (key(c) + (1.5 if c["answers"][kq] == "N" else 0.0)
                                         + rng.gauss(0, 0.5), c["case_id"]), reverse=True)
    return ranked[:relevant]


def answer(cases, rng, keys, parent, prompt_order):

    # Key questions.
    for code in keys:
        strand = strand_of(code)
        pool = [c for c in cases if not (code.startswith("2.4.") and c.get("not_reviewed"))]
        score = lambda c, s=strand: c["q"][s]
        if code in KQ_STRATA:
            attr, strata = KQ_STRATA[code]
            got = {}
            for value, (yes, rel) in strata.items():
                sub = [c for c in pool if c[attr] == value]
                assert len(sub) == rel, (code, value, len(sub), rel)
                got.update(give_yes(rng, sub, yes, score))
        else:
            yes, rel = KEY_TARGETS[code]
            assert len(pool) == rel, (code, len(pool), rel)
            got = give_yes(rng, pool, yes, score)
        for c in cases:
            c["answers"][code] = got.get(c["case_id"], "NA")

    # Prompts. A prompt applies only where its key question does.
    for code in prompt_order:
        kq = parent[code]
        strand = strand_of(kq)
        pool = [c for c in cases if c["answers"][kq] != "NA"]

        # Cases that passed the key question come first for a Yes on the prompt.
        def score(c, kq=kq, s=strand):
            return (3.0 if c["answers"][kq] == "Y" else 0.0) + c["q"][s]

        got = {}
        if code in PROMPT_STRATA:
            for group, (yes, rel) in PROMPT_STRATA[code].items():
                sub = [c for c in pool if rosh_group(c) == group]
                got.update(give_yes(rng, choose_relevant(rng, sub, rel, kq), yes, score))
        else:
            yes, rel = PROMPT_TARGETS[code]
            if code == "2.3.1e":
                # Only reset cases with the adjusted standards are relevant.
                sub = [c for c in pool if c.get("reset_adjusted")]
                assert len(sub) == rel
            elif code == "2.3.1d":
                # Re-engagement after enforcement: a subset of the enforcement cases.
                sub = choose_relevant(rng, [c for c in pool if c["answers"]["2.3.1c"] != ""], rel, kq)
            elif code in ("2.2.3c", "2.4.3b", "2.3.3b", "2.1.3d"):
                # Multi-agency prompts apply to the more involved cases.
                sub = choose_relevant(rng, pool, rel, kq, prefer=lambda c: c["q"]["complexity"] + (
                    1.0 if c["rosh"] != "low" else 0.0))
            else:
                sub = choose_relevant(rng, pool, rel, kq)
            got = give_yes(rng, sub, yes, score)
        for c in cases:
            c["answers"][code] = got.get(c["case_id"], "")


def write_files(outdir, cases, order):
    os.makedirs(outdir, exist_ok=True)

    def write(name, header, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            f.write(buf.getvalue())

    write("inspection.csv", ["key", "value"], INSPECTION)
    write("judgements.csv", ["standard", "rating", "rationale"], JUDGEMENTS)
    rows = [[c[a] for a in ["case_id"] + ATTRS] + [c["answers"][q] for q in order] for c in cases]
    write("cases.csv", ["case_id"] + ATTRS + order, rows)


# ---------------------------------------------------------------------------
# Self-check: read the files back and recount every figure.
# ---------------------------------------------------------------------------

class Checker:
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def eq(self, what, got, want):
        if got == want:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: got %r, want %r" % (what, got, want), file=sys.stderr)

    def true(self, what, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s %s" % (what, detail), file=sys.stderr)


def tally(rows, code, where=lambda r: True):
    t = Counter()
    for r in rows:
        if where(r):
            v = r[code]
            t["Y" if v == "Y" else "N" if v == "N" else "NA"] += 1
    return t["Y"], t["Y"] + t["N"]


def band(yes, rel):
    # Methodology rule 2: band on the unrounded fraction.
    for floor, name, rating in ((80, "Large majority", "Outstanding"),
                                (65, "Reasonable majority", "Good"),
                                (50, "Too few", "Requires improvement"),
                                (0, "Minority", "Inadequate")):
        if 100 * yes >= floor * rel:
            return name, rating
    raise AssertionError


def self_check(outdir, order, keys, parent, attr_values):
    ck = Checker()
    with open(os.path.join(outdir, "cases.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = list(reader)
    ck.eq("header", header, ["case_id"] + ATTRS + order)
    ck.eq("cases", len(rows), N_CASES)
    ck.eq("unique ids", len({r["case_id"] for r in rows}), N_CASES)
    for a in ATTRS:
        ck.eq("sample %s" % a, dict(Counter(r[a] for r in rows)), SAMPLE[a])
        for r in rows:
            ck.true("%s %s value %r allowed" % (r["case_id"], a, r[a]), r[a] in attr_values[a])
    for r in rows:
        for q in keys:
            ck.true("%s %s answered" % (r["case_id"], q), r[q] in ("Y", "N", "NA"))
        for q in order:
            if q in parent:
                ck.true("%s %s prompt value" % (r["case_id"], q), r[q] in ("Y", "N", ""))
                if r[parent[q]] == "NA":
                    ck.eq("%s %s blank when %s is NA" % (r["case_id"], q, parent[q]), r[q], "")

    # Key questions: the published rounded percentages.
    pct = {}
    for q in keys:
        yes, rel = tally(rows, q)
        ck.eq("%s yes/relevant" % q, (yes, rel), KEY_TARGETS[q])
        ck.eq("%s rounded percent" % q, round_half_up(yes, rel), PUBLISHED_KQ_PERCENT[q])
        pct[q] = (yes, rel)
    for q, (attr, strata) in KQ_STRATA.items():
        for value, want in strata.items():
            ck.eq("%s %s=%s" % (q, attr, value), tally(rows, q, lambda r: r[attr] == value), want)
    ck.eq("2.2.2 community rounded",
          round_half_up(*tally(rows, "2.2.2", lambda r: r["sentence_type"] == "community")), 86)
    ck.eq("2.2.2 licence rounded",
          round_half_up(*tally(rows, "2.2.2", lambda r: r["sentence_type"] == "licence")), 62)

    # Ratings, score and overall (methodology rules 2-4).
    points = {"Outstanding": 3, "Good": 2, "Requires improvement": 1, "Inadequate": 0}
    score = 3 * points["Good"]
    for std in ("2.1", "2.2", "2.3", "2.4"):
        kqs = [k for k in keys if k.startswith(std + ".")]
        driver = min(kqs, key=lambda k: pct[k][0] / pct[k][1])
        ck.eq("P%s driver" % std, driver, std + ".3")
        name, rating = band(*pct[driver])
        ck.eq("P%s band" % std, name, "Too few")
        ck.eq("P%s rating" % std, rating, "Requires improvement")
        score += points[rating]
    ck.eq("score", score, 10)
    ck.true("overall Requires improvement", 6 <= score <= 10)

    # Prompts.
    for q, want in PROMPT_TARGETS.items():
        if want is not None:
            ck.eq("%s yes/relevant" % q, tally(rows, q), want)
    for q, strata in PROMPT_STRATA.items():
        for group, want in strata.items():
            ck.eq("%s rosh %s" % (q, group), tally(rows, q, lambda r, g=group: (
                "high+" if r["rosh"] in HIGH else r["rosh"]) == g), want)
    # Published prompt counts, written out once more as the report gives them.
    ck.eq("2.1.3d did not use information", (lambda y, r: (r - y, r))(*tally(rows, "2.1.3d")), (29, 61))
    ck.eq("2.2.3c did not link", (lambda y, r: (r - y, r))(*tally(rows, "2.2.3c")), (28, 68))
    ck.eq("2.3.1e only reset cases",
          tally(rows, "2.3.1e", lambda r: r["probation_reset"] == "no")[1], 0)
    ck.eq("2.3.1d only where 2.3.1c applies",
          sum(1 for r in rows if r["2.3.1d"] and not r["2.3.1c"]), 0)
    # Also-matched percentages and phrases.
    for q, want in (("2.1.1c", 80), ("2.1.2b", 75), ("2.2.1a", 81), ("2.2.2a", 83),
                    ("2.3.1a", 71), ("2.3.1b", 94)):
        ck.eq("%s rounded" % q, round_half_up(*tally(rows, q)), want)
    for q, lo, hi in (("2.1.1a", 75, 100), ("2.1.2a", 75, 100), ("2.2.2b", 70, 75),
                      ("2.3.2d", 0, 50), ("2.4.3a", 45, 50)):
        y, r = tally(rows, q)
        ck.true("%s within (%d, %d)" % (q, lo, hi), lo * r < 100 * y < hi * r, "%d/%d" % (y, r))

    # Prompts should agree broadly with their key question.
    for kq in keys:
        prompts = [p for p in order if parent.get(p) == kq]
        no_cases = [r for r in rows if r[kq] == "N"]
        with_no = sum(1 for r in no_cases if any(r[p] == "N" for p in prompts))
        ck.true("%s: most No cases have a No prompt" % kq,
                20 * with_no >= 17 * len(no_cases), "(%d of %d)" % (with_no, len(no_cases)))
        yes_cases = [r for r in rows if r[kq] == "Y"]
        all_no = sum(1 for r in yes_cases
                     if [p for p in prompts if r[p]] and all(r[p] == "N" for p in prompts if r[p]))
        ck.eq("%s: Yes cases with every prompt No" % kq, all_no, 0)

    with open(os.path.join(outdir, "inspection.csv"), newline="", encoding="utf-8") as f:
        ck.eq("inspection.csv", [tuple(r) for r in csv.reader(f)][1:], INSPECTION)
    with open(os.path.join(outdir, "judgements.csv"), newline="", encoding="utf-8") as f:
        ck.eq("judgements.csv", [tuple(r) for r in csv.reader(f)][1:], JUDGEMENTS)
    return ck


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures", "north-wales")
    order, keys, parent = load_questions()
    attr_values = load_attribute_values()
    prompts = [q for q in order if q in parent]
    if sorted(prompts) != sorted(PROMPT_TARGETS):
        raise SystemExit("questions.csv prompts differ from this script's targets: %s"
                         % sorted(set(prompts) ^ set(PROMPT_TARGETS)))
    if len(keys) != 12 or sorted(keys) != sorted(KEY_TARGETS):
        raise SystemExit("questions.csv key questions differ from this script's targets")

    rng = random.Random(SEED)
    cases = build_cases(rng)
    answer(cases, rng, keys, parent, prompts)
    write_files(outdir, cases, order)

    ck = self_check(outdir, order, keys, parent, attr_values)
    print("%s: %d cases written; %d checks passed, %d failed"
          % (outdir, N_CASES, ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
