#!/usr/bin/python3
"""Write the synthetic Wales region fixture into fixtures/wales/.

Usage: scripts/make-wales-fixture.py [OUTPUT_DIR]

The Wales region has six PDUs. North Wales is the existing fixture (linked in
as fixtures/wales/north-wales -> ../north-wales and never rewritten here); the
other five are made up by this script, with real Welsh PDU area names and
invented cases, so that the region as a whole has the published sample of
338 cases (224 community, 114 licence) and rates Requires improvement.

For every one of the five PDUs the script fixes, per key question and per
sentence type, exactly how many cases answer Yes (from a table of target
percentages below). Which cases get the Yes answers is decided by hidden
per-case quality scores from a seeded generator, so a case weak on one
question tends to be weak on others. Prompts are then drawn to agree with
their key question. Nothing depends on the clock, the machine or the Python
version: the generator is splitmix64, written out here.

After writing, the script reads all six PDU bundles back (North Wales
included), recounts every figure, prints the pooled region figures, and
asserts them against the EXPECTED tables further down, which the region
calculator's tests use. Any difference exits with status 1.

Also written: the region bundle (inspection.csv, judgements.csv, pdus.csv) and
region/recommendations.txt. Only the Python standard library is used.
"""

import csv
import io
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FRAMEWORK = os.path.join(ROOT, "frameworks", "probation-pdu-2023")
SEED = 20250728
ATTRS = ["sentence_type", "rosh", "gender", "ethnicity", "probation_reset"]
INSPECTORATE = "HM Inspectorate of Probation"

# ---------------------------------------------------------------------------
# A PRNG that gives the same numbers on every Python.
# ---------------------------------------------------------------------------

MASK = (1 << 64) - 1


class Rng:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return ((self.next() >> 32) * n) >> 32

    def uniform(self):
        return (self.next() >> 11) / float(1 << 53)

    def chance(self, p):
        return self.uniform() < p

    def bell(self):
        """Mean 0, roughly normal with sd 1: the sum of twelve uniforms less six."""
        return sum(self.uniform() for _ in range(12)) - 6.0

    def shuffle(self, xs):
        for i in range(len(xs) - 1, 0, -1):
            j = self.below(i + 1)
            xs[i], xs[j] = xs[j], xs[i]


# ---------------------------------------------------------------------------
# The five synthetic PDUs.
#
# rates: per standard, target percent Yes for (engaging, desistance, keeping
# safe). Community and licence cases get these plus the PDU's desistance and
# keeping-safe adjustments, so licence cases do a little worse on desistance
# as the North Wales report found. Counts are the target times the relevant
# cases of each sentence type, rounded half up.
# ---------------------------------------------------------------------------

PDUS = [
    {
        "slug": "cardiff-and-the-vale", "name": "Cardiff and the Vale", "prefix": "CV",
        "fieldwork": "2025-07-28", "caseload": 3120,
        "community": 38, "licence": 22, "not_reviewed": (3, 1),
        "rosh": {"low": 6, "medium": 27, "high": 22, "very high": 5},
        "gender": {"male": 51, "female": 9},
        "ethnicity": {"white": 46, "mixed": 4, "asian": 4, "black": 4, "other": 1, "not stated": 1},
        "reset": 9,
        "rates": {"2.1": (85, 72, 57), "2.2": (84, 75, 56), "2.3": (87, 68, 58), "2.4": (83, 71, 55)},
        "desist_adjust": (3, -5), "safe_adjust": (0, 1),
        "judgements": [
            ("P1.1", "Good",
             "Leaders have a plan built around the mix of services in and around the capital and "
             "share it widely; their drive on risk of harm work is recent and has not reached every team."),
            ("P1.2", "Requires improvement",
             "Probation officer vacancies leave many cases with trainees or agency staff, and caseloads "
             "in two teams are too high for the supervision those cases need."),
            ("P1.3", "Good",
             "Specialist provision for accommodation, women and young adults is strong and well used; "
             "waits for some accredited programmes are long."),
        ],
    },
    {
        "slug": "swansea-neath-port-talbot", "name": "Swansea Neath Port Talbot", "prefix": "SN",
        "fieldwork": "2025-08-04", "caseload": 2540,
        "community": 33, "licence": 19, "not_reviewed": (2, 1),
        "rosh": {"low": 6, "medium": 24, "high": 18, "very high": 4},
        "gender": {"male": 44, "female": 8},
        "ethnicity": {"white": 48, "mixed": 1, "asian": 2, "black": 1},
        "reset": 8,
        "rates": {"2.1": (81, 70, 54), "2.2": (80, 72, 53), "2.3": (84, 66, 56), "2.4": (80, 69, 46)},
        "desist_adjust": (3, -6), "safe_adjust": (0, 2),
        "judgements": [
            ("P1.1", "Good",
             "The head of service and senior managers are visible and well regarded, and a practice "
             "improvement plan shaped by staff is under way."),
            ("P1.2", "Requires improvement",
             "Sickness absence and turnover among middle grades have broken the rhythm of supervision, "
             "and too few staff have had recent training in domestic abuse work."),
            ("P1.3", "Requires improvement",
             "Demand for substance misuse and mental health support outstrips supply, and practitioners "
             "are unsure which local services will take a referral."),
        ],
    },
    {
        "slug": "gwent", "name": "Gwent", "prefix": "GW",
        "fieldwork": "2025-08-11", "caseload": 2890,
        "community": 37, "licence": 21, "not_reviewed": (4, 1),
        "rosh": {"low": 7, "medium": 26, "high": 21, "very high": 4},
        "gender": {"male": 49, "female": 9},
        "ethnicity": {"white": 52, "mixed": 2, "asian": 2, "black": 1, "not stated": 1},
        "reset": 9,
        "rates": {"2.1": (86, 74, 60), "2.2": (85, 76, 58), "2.3": (89, 71, 61), "2.4": (84, 73, 57)},
        "desist_adjust": (3, -5), "safe_adjust": (0, 1),
        "judgements": [
            ("P1.1", "Good",
             "Leaders pair a clear direction with close working alongside the police and health boards, "
             "and they follow the quality of casework closely."),
            ("P1.2", "Good",
             "Most posts are filled, workloads are looked at weekly and staff value the learning time "
             "their managers protect; oversight is not always written up."),
            ("P1.3", "Good",
             "A wide range of commissioned and local services is on offer, with good use of women's "
             "centres and of employment and training support."),
        ],
    },
    {
        "slug": "dyfed-powys", "name": "Dyfed-Powys", "prefix": "DP",
        "fieldwork": "2025-08-18", "caseload": 2050,
        "community": 30, "licence": 15, "not_reviewed": (2, 1),
        "rosh": {"low": 6, "medium": 21, "high": 15, "very high": 3},
        "gender": {"male": 38, "female": 7},
        "ethnicity": {"white": 43, "mixed": 1, "not stated": 1},
        "reset": 7,
        "rates": {"2.1": (88, 78, 67), "2.2": (87, 80, 67), "2.3": (90, 73, 62), "2.4": (86, 75, 60)},
        "desist_adjust": (2, -4), "safe_adjust": (0, 0),
        "judgements": [
            ("P1.1", "Good",
             "Leaders run a large rural area well, using hub offices and remote contact sensibly, and "
             "they act on what their audits find."),
            ("P1.2", "Good",
             "A settled, experienced workforce carries manageable caseloads; newer officers have mentors "
             "and feel able to ask for advice."),
            ("P1.3", "Good",
             "Distances limit access to some programmes, but outreach and remote delivery have been "
             "arranged to close most of the gaps."),
        ],
    },
    {
        "slug": "cwm-taf-morgannwg", "name": "Cwm Taf Morgannwg", "prefix": "CT",
        "fieldwork": "2025-09-15", "caseload": 2210,
        "community": 30, "licence": 16, "not_reviewed": (3, 1),
        "rosh": {"low": 5, "medium": 21, "high": 17, "very high": 3},
        "gender": {"male": 39, "female": 7},
        "ethnicity": {"white": 44, "mixed": 1, "asian": 1},
        "reset": 7,
        "rates": {"2.1": (80, 68, 47), "2.2": (79, 70, 52), "2.3": (83, 65, 53), "2.4": (78, 67, 52)},
        "desist_adjust": (3, -5), "safe_adjust": (0, 4),
        "judgements": [
            ("P1.1", "Requires improvement",
             "Several changes of senior manager within a year have slowed improvement work, and teams "
             "do not yet know the plan for better risk of harm practice."),
            ("P1.2", "Requires improvement",
             "High caseloads and a reliance on newly qualified officers leave too little time for "
             "thorough assessment, and management oversight is thin."),
            ("P1.3", "Requires improvement",
             "Routes into housing and mental health services are unclear, and some commissioned "
             "services are under-used."),
        ],
    },
]

REGION_INSPECTION = [
    ("id", "wales-2025"),
    ("kind", "region"),
    ("name", "Wales"),
    ("region", "Wales"),
    ("framework", "probation-region-2024"),
    ("fieldwork_start", "2025-07-28"),
    ("published", "2026-01-21"),
    ("inspectorate", INSPECTORATE),
]

REGION_JUDGEMENTS = [
    ("R1.1", "Good",
     "Regional and local leaders share one direction, have championed the human factors approach to "
     "supervision and are open about how far work to keep people safe still falls short."),
    ("R1.2", "Requires improvement",
     "Recruitment has picked up, but experienced officers are still short in several PDUs and "
     "management oversight of cases is uneven from one unit to the next."),
    ("R2.4", "Requires improvement",
     "Reports for court are prepared on time, but too few are informed by domestic abuse and child "
     "safeguarding checks before sentence is passed."),
    ("R2.5", "Requires improvement",
     "Placements exist across the region, yet hours are completed slowly and risk information does "
     "not reliably reach the supervisors of unpaid work."),
    ("R2.6", "Requires improvement",
     "Victims are contacted promptly and kept informed, but victim liaison staff and probation "
     "practitioners do not pass information to each other consistently."),
]

RECOMMENDATIONS = [
    "Agree with the police forces and local authorities in Wales how domestic abuse and child "
    "safeguarding information will reach practitioners before each assessment and review.",
    "Make sure practitioners ask for, record and act on what partner agencies know when they assess "
    "and plan work to keep other people safe.",
    "Improve practitioners' contact with partner agencies so that rehabilitative services are in "
    "place when people on probation need them.",
    "Judge the human factors model and other new initiatives by what they change in the quality of "
    "risk of harm work in cases, and adjust them accordingly.",
    "Strengthen and record management oversight of risk of harm work, and follow up every gap that "
    "case audits find with the practitioner concerned.",
    "Give practitioners the training and time to review risk of harm whenever circumstances change, "
    "involving the person on probation and the people around them.",
]

# ---------------------------------------------------------------------------
# What the region must come to. Counts are (yes, relevant) pooled over every
# case of the six PDUs; the licence table counts licence cases only.
# ---------------------------------------------------------------------------

EXPECTED_SAMPLE = {"cases": 338, "community": 224, "licence": 114}

EXPECTED_POOLED = {
    "2.1.1": (282, 338), "2.1.2": (244, 338), "2.1.3": (192, 338),
    "2.2.1": (280, 338), "2.2.2": (256, 338), "2.2.3": (189, 338),
    "2.3.1": (295, 338), "2.3.2": (227, 338), "2.3.3": (195, 338),
    "2.4.1": (259, 313), "2.4.2": (226, 313), "2.4.3": (168, 313),
}

EXPECTED_LICENCE = {
    "2.1.2": (77, 114), "2.1.3": (66, 114),
    "2.2.2": (77, 114), "2.2.3": (61, 114),
    "2.3.2": (69, 114), "2.3.3": (63, 114),
    "2.4.2": (70, 108), "2.4.3": (58, 108),
}

EXPECTED_REGION = [
    # standard, source, rating, driver
    ("R1.1", "judgement", "Good", None),
    ("R1.2", "judgement", "Requires improvement", None),
    ("R2.1", "pooled", "Good", "2.3.2"),
    ("R2.2", "pooled", "Requires improvement", "2.4.3"),
    ("R2.3", "pooled licence", "Requires improvement", "2.2.3"),
    ("R2.4", "judgement", "Requires improvement", None),
    ("R2.5", "judgement", "Requires improvement", None),
    ("R2.6", "judgement", "Requires improvement", None),
]
EXPECTED_SCORE = 10
EXPECTED_OVERALL = "Requires improvement"

# Each PDU's own ratings: P1.1 .. P2.4, score out of 21, overall.
EXPECTED_PDU = {
    "north-wales": (["Good", "Good", "Good", "RI", "RI", "RI", "RI"], 10, "Requires improvement"),
    "cardiff-and-the-vale": (["Good", "RI", "Good", "RI", "RI", "RI", "RI"], 9, "Requires improvement"),
    "swansea-neath-port-talbot": (["Good", "RI", "RI", "RI", "RI", "RI", "Inadequate"], 7,
                                  "Requires improvement"),
    "gwent": (["Good", "Good", "Good", "RI", "RI", "RI", "RI"], 10, "Requires improvement"),
    "dyfed-powys": (["Good", "Good", "Good", "Good", "Good", "RI", "RI"], 12, "Good"),
    "cwm-taf-morgannwg": (["RI", "RI", "RI", "Inadequate", "RI", "RI", "RI"], 6,
                          "Requires improvement"),
}

DESISTANCE = ["2.1.2", "2.2.2", "2.3.2", "2.4.2"]
SAFETY = ["2.1.3", "2.2.3", "2.3.3", "2.4.3"]
POINTS = {"Outstanding": 3, "Good": 2, "Requires improvement": 1, "Inadequate": 0}
SHORT = {"RI": "Requires improvement"}

# ---------------------------------------------------------------------------


def round_half_up(yes, relevant):
    return (200 * yes + relevant) // (2 * relevant)


def band(yes, rel):
    """Methodology rule 2: the band of the unrounded fraction."""
    for floor, rating in ((80, "Outstanding"), (65, "Good"), (50, "Requires improvement"),
                          (0, "Inadequate")):
        if 100 * yes >= floor * rel:
            return rating
    raise AssertionError


def region_overall(score):
    return ("Inadequate" if score <= 5 else "Requires improvement" if score <= 11
            else "Good" if score <= 17 else "Outstanding")


def pdu_overall(score):
    return ("Inadequate" if score <= 5 else "Requires improvement" if score <= 10
            else "Good" if score <= 15 else "Outstanding")


def load_framework():
    with open(os.path.join(FRAMEWORK, "questions.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    order = [r["code"] for r in rows]
    keys = [r["code"] for r in rows if not r["parent"]]
    parent = {r["code"]: r["parent"] for r in rows if r["parent"]}
    values = {}
    with open(os.path.join(FRAMEWORK, "attributes.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            values.setdefault(r["attribute"], []).append(r["value"])
    return order, keys, parent, values


def expand(counts):
    out = []
    for value, n in counts.items():
        out += [value] * n
    return out


def role(code):
    """0 engaging, 1 desistance, 2 keeping safe: the framework's order of key questions."""
    return int(code.split(".")[2][0]) - 1


def targets(pdu, keys):
    """(yes, relevant) per key question and sentence type."""
    out = {}
    nr = dict(zip(("community", "licence"), pdu["not_reviewed"]))
    for code in keys:
        std = code[:3]
        base = pdu["rates"][std][role(code)]
        for i, st in enumerate(("community", "licence")):
            p = base
            if role(code) == 1:
                p += pdu["desist_adjust"][i]
            elif role(code) == 2:
                p += pdu["safe_adjust"][i]
            rel = pdu[st] - (nr[st] if std == "2.4" else 0)
            out[code, st] = ((2 * p * rel + 100) // 200, rel)
    return out


def build_cases(pdu, rng):
    n = pdu["community"] + pdu["licence"]
    columns = {
        "sentence_type": expand({"community": pdu["community"], "licence": pdu["licence"]}),
        "rosh": expand(pdu["rosh"]),
        "gender": expand(pdu["gender"]),
        "ethnicity": expand(pdu["ethnicity"]),
    }
    for name, col in columns.items():
        assert len(col) == n, (pdu["slug"], name, len(col), n)
        rng.shuffle(col)
    cases = []
    for i in range(n):
        base = rng.bell()
        cases.append({
            "case_id": "%s-%03d" % (pdu["prefix"], i + 1),
            **{a: columns[a][i] for a in columns},
            "probation_reset": "no",
            "q": [base + rng.bell() for _ in range(3)],
            "answers": {},
        })
    # Probation Reset was for lower-risk people, so draw it from low and medium.
    pool = [c for c in cases if c["rosh"] in ("low", "medium")]
    rng.shuffle(pool)
    for c in pool[:pdu["reset"]]:
        c["probation_reset"] = "yes"
    # Cases that had not reached a review, by sentence type, none under reset.
    for st, k in zip(("community", "licence"), pdu["not_reviewed"]):
        pool = [c for c in cases if c["sentence_type"] == st and c["probation_reset"] == "no"]
        rng.shuffle(pool)
        for c in pool[:k]:
            c["not_reviewed"] = True
    return cases


def answer_keys(cases, rng, keys, tg):
    for code in keys:
        r = role(code)
        for st in ("community", "licence"):
            pool = [c for c in cases if c["sentence_type"] == st
                    and not (code.startswith("2.4.") and c.get("not_reviewed"))]
            yes, rel = tg[code, st]
            assert len(pool) == rel
            ranked = sorted(pool, key=lambda c: (c["q"][r] + 0.4 * rng.bell(), c["case_id"]),
                            reverse=True)
            for i, c in enumerate(ranked):
                c["answers"][code] = "Y" if i < yes else "N"
        for c in cases:
            c["answers"].setdefault(code, "NA")


def answer_prompts(cases, rng, order, parent):
    """Prompts follow their key question; the applicability rules mirror the North Wales fixture."""
    prompts = [q for q in order if q in parent]
    for c in cases:
        for code in prompts:
            kq = parent[code]
            if c["answers"][kq] == "NA":
                relevant = False
            elif code == "2.3.1e":  # services beyond supervised contact: reset cases only
                relevant = c["probation_reset"] == "yes" and rng.chance(0.75)
            elif code == "2.3.1c":  # enforcement: only where it was needed
                relevant = rng.chance(0.5)
            elif code == "2.3.1d":  # re-engagement follows enforcement
                relevant = c["answers"]["2.3.1c"] != "" and rng.chance(0.85)
            elif code == "2.3.3a":  # safeguarding children: where children were involved
                relevant = rng.chance(0.6)
            else:
                relevant = rng.chance(0.93)
            if not relevant:
                c["answers"][code] = ""
                continue
            p = 0.88 if c["answers"][kq] == "Y" else 0.3
            c["answers"][code] = "Y" if rng.chance(p) else "N"
        # A Yes on a key question is never made of nothing but No prompts, and a
        # No is explained by at least one No prompt where any prompt applies.
        for kq in sorted({parent[p] for p in prompts}):
            mine = [p for p in prompts if parent[p] == kq and c["answers"][p]]
            if not mine:
                continue
            got = [c["answers"][p] for p in mine]
            if c["answers"][kq] == "Y" and "Y" not in got:
                c["answers"][mine[rng.below(len(mine))]] = "Y"
            elif c["answers"][kq] == "N" and "N" not in got:
                c["answers"][mine[rng.below(len(mine))]] = "N"


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_pdu(outdir, pdu, cases, order):
    d = os.path.join(outdir, pdu["slug"])
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "inspection.csv"), ["key", "value"], inspection_rows(pdu))
    write_csv(os.path.join(d, "judgements.csv"), ["standard", "rating", "rationale"],
              pdu["judgements"])
    rows = [[c["case_id"]] + [c[a] for a in ATTRS] + [c["answers"][q] for q in order]
            for c in cases]
    write_csv(os.path.join(d, "cases.csv"), ["case_id"] + ATTRS + order, rows)


def inspection_rows(pdu):
    return [
        ("id", pdu["slug"] + "-2025"),
        ("kind", "pdu"),
        ("name", pdu["name"]),
        ("region", "Wales"),
        ("framework", "probation-pdu-2023"),
        ("fieldwork_start", pdu["fieldwork"]),
        ("caseload", str(pdu["caseload"])),
        ("inspectorate", INSPECTORATE),
    ]


def write_region(outdir):
    d = os.path.join(outdir, "region")
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "inspection.csv"), ["key", "value"], REGION_INSPECTION)
    write_csv(os.path.join(d, "judgements.csv"), ["standard", "rating", "rationale"],
              REGION_JUDGEMENTS)
    # The round: exactly these PDU inspections are pooled, whatever else the database holds.
    write_csv(os.path.join(d, "pdus.csv"), ["inspection"],
              sorted([["north-wales-2025"]] + [[p["slug"] + "-2025"] for p in PDUS]))
    with open(os.path.join(d, "recommendations.txt"), "w", encoding="utf-8", newline="") as f:
        f.write("".join(r + "\n" for r in RECOMMENDATIONS))


def link_north_wales(outdir):
    link = os.path.join(outdir, "north-wales")
    if os.path.islink(link):
        return
    if os.path.exists(link):
        raise SystemExit("%s exists and is not the symlink to ../north-wales" % link)
    os.symlink(os.path.join("..", "north-wales"), link)


# ---------------------------------------------------------------------------
# Self-check.
# ---------------------------------------------------------------------------

class Checker:
    def __init__(self):
        self.passed = self.failed = 0

    def eq(self, what, got, want):
        if got == want:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: got %r, want %r" % (what, got, want), file=sys.stderr)

    def true(self, what, cond, detail=""):
        self.eq(what + (" " + detail if detail else ""), bool(cond), True)


def tally(rows, code, where=lambda r: True):
    t = Counter(r[code] for r in rows if where(r))
    return t["Y"], t["Y"] + t["N"]


def read_bundle(d):
    with open(os.path.join(d, "cases.csv"), newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    with open(os.path.join(d, "inspection.csv"), newline="", encoding="utf-8") as f:
        meta = dict(list(csv.reader(f))[1:])
    with open(os.path.join(d, "judgements.csv"), newline="", encoding="utf-8") as f:
        judged = {r["standard"]: r["rating"] for r in csv.DictReader(f)}
    return header, rows, meta, judged


def pdu_ratings(rows, judged, keys):
    ratings = [judged["P1.1"], judged["P1.2"], judged["P1.3"]]
    for std in ("2.1", "2.2", "2.3", "2.4"):
        kq = [k for k in keys if k.startswith(std + ".")]
        t = {k: tally(rows, k) for k in kq}
        ratings.append(band(*t[lowest(t, kq)]))
    score = sum(POINTS[r] for r in ratings)
    return ratings, score, pdu_overall(score)


def lowest(pooled, codes):
    """Lowest question, compared exactly as fractions; the first wins a tie."""
    best = codes[0]
    for c in codes[1:]:
        y, r = pooled[c]
        by, br = pooled[best]
        if y * br < by * r:
            best = c
    return best


def self_check(outdir, order, keys, parent, values):
    ck = Checker()
    slugs = ["north-wales"] + [p["slug"] for p in PDUS]
    everything = []
    print("%-27s %5s %5s %5s  %-62s %5s  %s" % ("PDU", "cases", "comm", "lic",
                                                "P1.1..P2.4", "score", "overall"))
    for slug in slugs:
        header, rows, meta, judged = read_bundle(os.path.join(outdir, slug))
        ck.eq("%s header" % slug, header, ["case_id"] + ATTRS + order)
        ck.eq("%s region" % slug, meta.get("region"), "Wales")
        ck.eq("%s framework" % slug, meta.get("framework"), "probation-pdu-2023")
        ck.true("%s fieldwork in the window" % slug,
                "2025-07-28" <= meta.get("fieldwork_start", "") <= "2025-09-26")
        ck.eq("%s unique case ids" % slug, len({r["case_id"] for r in rows}), len(rows))
        for r in rows:
            for a in ATTRS:
                ck.true("%s %s %s allowed" % (slug, r["case_id"], a), r[a] in values[a])
            for q in keys:
                ck.true("%s %s %s answered" % (slug, r["case_id"], q), r[q] in ("Y", "N", "NA"))
            for q in order:
                if q in parent:
                    ck.true("%s %s %s" % (slug, r["case_id"], q), r[q] in ("Y", "N", ""))
                    if r[parent[q]] == "NA":
                        ck.eq("%s %s %s blank under NA" % (slug, r["case_id"], q), r[q], "")
        pdu = next((p for p in PDUS if p["slug"] == slug), None)
        if pdu:
            tg = targets(pdu, keys)
            for (code, st), want in sorted(tg.items()):
                ck.eq("%s %s %s" % (slug, code, st),
                      tally(rows, code, lambda r, st=st: r["sentence_type"] == st), want)
            ck.eq("%s sample" % slug, dict(Counter(r["sentence_type"] for r in rows)),
                  {"community": pdu["community"], "licence": pdu["licence"]})
            ck.eq("%s reset" % slug, sum(r["probation_reset"] == "yes" for r in rows), pdu["reset"])
            for kq in keys:
                mine = [p for p in order if parent.get(p) == kq]
                for r in rows:
                    given = [r[p] for p in mine if r[p]]
                    if given and r[kq] == "Y":
                        ck.true("%s %s %s Yes has a Yes prompt" % (slug, r["case_id"], kq), "Y" in given)
                    if given and r[kq] == "N":
                        ck.true("%s %s %s No has a No prompt" % (slug, r["case_id"], kq), "N" in given)
        ratings, score, overall = pdu_ratings(rows, judged, keys)
        want = EXPECTED_PDU[slug]
        ck.eq("%s ratings" % slug, ratings, [SHORT.get(x, x) for x in want[0]])
        ck.eq("%s score" % slug, score, want[1])
        ck.eq("%s overall" % slug, overall, want[2])
        n_comm = sum(r["sentence_type"] == "community" for r in rows)
        print("%-27s %5d %5d %5d  %-62s %2d/21  %s" % (
            slug, len(rows), n_comm, len(rows) - n_comm,
            ", ".join({"Requires improvement": "RI"}.get(x, x) for x in ratings), score, overall))
        everything += rows

    # The region.
    n = len(everything)
    comm = sum(r["sentence_type"] == "community" for r in everything)
    ck.eq("region sample", {"cases": n, "community": comm, "licence": n - comm}, EXPECTED_SAMPLE)
    print("\nWales: %d cases, %d community, %d licence" % (n, comm, n - comm))
    pooled = {k: tally(everything, k) for k in keys}
    lic = {k: tally(everything, k, lambda r: r["sentence_type"] == "licence")
           for k in DESISTANCE + SAFETY}
    print("\n%-7s %-18s %s" % ("", "all cases", "licence cases"))
    for k in keys:
        y, r = pooled[k]
        line = "%-7s %4d / %-4d %3d%%" % (k, y, r, round_half_up(y, r))
        if k in lic:
            ly, lr = lic[k]
            line += "   %4d / %-4d %3d%%" % (ly, lr, round_half_up(ly, lr))
        print(line)
        ck.eq("pooled %s" % k, pooled[k], EXPECTED_POOLED[k])
        if k in lic:
            ck.eq("pooled licence %s" % k, lic[k], EXPECTED_LICENCE[k])

    judged = dict((s, r) for s, r, _ in REGION_JUDGEMENTS)
    computed = {
        "R2.1": (pooled, lowest(pooled, DESISTANCE)),
        "R2.2": (pooled, lowest(pooled, SAFETY)),
        "R2.3": (lic, lowest(lic, DESISTANCE + SAFETY)),
    }
    score = 0
    print()
    for std, source, want_rating, want_driver in EXPECTED_REGION:
        if std in computed:
            table, driver = computed[std]
            y, r = table[driver]
            rating = band(y, r)
            ck.eq("%s driver" % std, driver, want_driver)
            print("%-5s %-21s lowest %s: %d of %d (%.1f%%)%s" % (
                std, rating, driver, y, r, 100.0 * y / r,
                ", licence cases" if std == "R2.3" else ""))
        else:
            rating = judged[std]
            print("%-5s %-21s inspectors' judgement" % (std, rating))
        ck.eq("%s rating" % std, rating, want_rating)
        score += POINTS[rating]
    overall = region_overall(score)
    print("Score %d/24, overall %s" % (score, overall))
    ck.eq("region score", score, EXPECTED_SCORE)
    ck.eq("region overall", overall, EXPECTED_OVERALL)

    with open(os.path.join(outdir, "region", "recommendations.txt"), encoding="utf-8") as f:
        ck.eq("six recommendations", len(f.read().splitlines()), 6)
    return ck


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures", "wales")
    order, keys, parent, values = load_framework()
    os.makedirs(outdir, exist_ok=True)
    link_north_wales(outdir)
    for i, pdu in enumerate(PDUS):
        rng = Rng(SEED * 1000 + i)
        cases = build_cases(pdu, rng)
        answer_keys(cases, rng, keys, targets(pdu, keys))
        answer_prompts(cases, rng, order, parent)
        write_pdu(outdir, pdu, cases, order)
    write_region(outdir)
    ck = self_check(outdir, order, keys, parent, values)
    print("\n%s: %d checks passed, %d failed" % (outdir, ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main())
