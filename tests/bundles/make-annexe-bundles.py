#!/usr/bin/env python3
"""Write the small synthetic PDU bundles the annexe tests import beside North Wales.

Deterministic (a fixed linear congruential generator, no random module state), so
running it again rewrites the same files. The PDUs, their names and their cases are
invented: they exist to prove that a sharing workbook never shows another PDU's
rows or name, and to give the comparators something to pool.
"""
import csv
import os
import sys

KQ = ["2.1.1", "2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3",
      "2.3.1", "2.3.2", "2.3.3", "2.4.1", "2.4.2", "2.4.3"]
BUNDLES = [
    # id, name, region, case prefix, cases, seed
    ("glan-teifi-2025", "Glan Teifi Test PDU", "Wales", "GTX", 24, 11),
    ("bro-hafren-2025", "Bro Hafren Test PDU", "Wales", "BHX", 30, 23),
    ("fenland-test-2025", "Fenland Test PDU", "Anglia", "FTX", 18, 37),
]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 1103515245 + 12345) % (1 << 31)
        return (self.state >> 8) % n


def write(root, bid, name, region, prefix, n, seed):
    d = os.path.join(root, bid.rsplit("-", 1)[0])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "inspection.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["key", "value"])
        for k, v in [("id", bid), ("kind", "pdu"), ("name", name), ("region", region),
                     ("framework", "probation-pdu-2023"), ("fieldwork_start", "2025-06-02")]:
            w.writerow([k, v])
    with open(os.path.join(d, "judgements.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["standard", "rating", "rationale"])
        for s, r in [("P1.1", "Requires improvement"), ("P1.2", "Good"), ("P1.3", "Good")]:
            w.writerow([s, r, "Synthetic test judgement."])
    rng = Lcg(seed)
    with open(os.path.join(d, "cases.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["case_id", "sentence_type", "rosh", "gender", "ethnicity", "probation_reset"] + KQ)
        for i in range(n):
            row = [f"{prefix}-{i + 1:03d}",
                   ["community", "community", "licence"][rng.next(3)],
                   ["low", "medium", "medium", "high", "very high"][rng.next(5)],
                   ["male", "male", "male", "female", "other"][rng.next(5)],
                   ["white", "white", "white", "asian", "black", "mixed", "not stated"][rng.next(7)],
                   ["no", "no", "yes"][rng.next(3)]]
            for q in KQ:
                v = rng.next(10)
                row.append("NA" if q.startswith("2.4") and v == 9 else ("Y" if v < 6 else "N"))
            w.writerow(row)


if __name__ == "__main__":
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for b in BUNDLES:
        write(root, *b)
