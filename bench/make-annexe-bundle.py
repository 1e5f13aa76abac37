#!/usr/bin/env python3
"""Write a synthetic inspection bundle of N cases (default 100,000) for bench-annexe.sh.

usage: make-annexe-bundle.py DIR [N]
Deterministic: a fixed linear congruential generator, so the same N gives the same
files. Every question of probation-pdu-2023 is answered, prompts blank now and then.
"""
import os
import sys

FRAMEWORK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "frameworks",
                         "probation-pdu-2023", "questions.csv")


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    with open(FRAMEWORK) as f:
        codes = [line.split(",", 1)[0] for line in f.read().splitlines()[1:] if line]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "inspection.csv"), "w") as f:
        f.write("key,value\nid,bench-annexe\nkind,pdu\nname,Benchmark PDU\nregion,Benchland\n"
                "framework,probation-pdu-2023\nfieldwork_start,2025-01-06\n")
    with open(os.path.join(out, "judgements.csv"), "w") as f:
        f.write("standard,rating,rationale\nP1.1,Good,Synthetic.\nP1.2,Good,Synthetic.\n"
                "P1.3,Requires improvement,Synthetic.\n")
    sentence = ["community", "community", "licence"]
    rosh = ["low", "medium", "medium", "high", "very high"]
    gender = ["male", "male", "male", "female", "other", "not stated"]
    ethnicity = ["white", "white", "white", "mixed", "asian", "black", "other", "not stated"]
    reset = ["no", "no", "no", "yes"]
    state = 20250106
    lines = ["case_id,sentence_type,rosh,gender,ethnicity,probation_reset," + ",".join(codes)]
    for i in range(n):
        row = [f"B{i + 1:07d}"]
        for choices in (sentence, rosh, gender, ethnicity, reset):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            row.append(choices[(state >> 8) % len(choices)])
        for code in codes:
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            v = (state >> 8) % 20
            is_prompt = code[-1].isalpha()
            row.append("" if is_prompt and v == 19 else ("Y" if v < 13 else "N"))
        lines.append(",".join(row))
    with open(os.path.join(out, "cases.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
