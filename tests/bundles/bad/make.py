#!/usr/bin/python3
"""Writes the broken bundles of this folder: one mistake each, with the exact
messages and exit status `pdurep import` must give (expected.txt). Run it again
after changing a case; review the diff of expected.txt by eye."""
import os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
KQ = [f"2.{s}.{k}" for s in range(1, 5) for k in range(1, 4)]
ATTRS = "case_id,sentence_type,rosh,gender,ethnicity,probation_reset"

def inspection(**over):
    rows = {"id": "bad-pdu", "kind": "pdu", "name": "Ynys Môn", "region": "Wales",
            "framework": "probation-pdu-2023", "fieldwork_start": "2025-09-01"}
    rows.update(over)
    return "key,value\n" + "".join(f"{k},{v}\n" for k, v in rows.items() if v is not None)

JUDGEMENTS = "standard,rating,rationale\nP1.1,Good,Clear direction\nP1.2,Good,Stable teams\nP1.3,Good,Wide range\n"

def cases(n=3, header=None, rows=None):
    header = header or f"{ATTRS},{','.join(KQ)},2.1.3b"
    if rows is None:
        rows = [f"C{i},community,medium,male,white,no,{','.join(['Y'] * 12)},Y" for i in range(1, n + 1)]
    return header + "\n" + "".join(r + "\n" for r in rows)

def row(case_id, answers=None, attrs="community,medium,male,white,no", prompt="Y"):
    answers = answers or ["Y"] * 12
    return f"{case_id},{attrs},{','.join(answers)},{prompt}"

CASES = {}
def case(name, status, messages, files):
    CASES[name] = (status, messages, files)

base = {"inspection.csv": inspection(), "judgements.csv": JUDGEMENTS, "cases.csv": cases()}
def with_(**files):
    out = dict(base)
    for k, v in files.items():
        out[k.replace("_csv", ".csv")] = v
    return out

a = ["Y"] * 12; a[2] = "Yse"
case("answer-misspelt", 65, ['answer-misspelt/cases.csv:3:9: answer "Yse" for 2.1.3 is not Y, N or NA'],
     with_(cases_csv=cases(rows=[row("C1"), row("C2", a), row("C3")])))
case("personal-data-column", 65,
     ['personal-data-column/cases.csv:1:7: unknown column "surname" (neither a case attribute nor a question of probation-pdu-2023)'],
     with_(cases_csv=cases(header=f"{ATTRS},surname,{','.join(KQ)},2.1.3b",
                           rows=[f"C1,community,medium,male,white,no,Jones,{','.join(['Y'] * 12)},Y"])))
case("unknown-question", 65,
     ['unknown-question/cases.csv:1:19: unknown column "2.1.9" (neither a case attribute nor a question of probation-pdu-2023)'],
     with_(cases_csv=cases(header=f"{ATTRS},{','.join(KQ)},2.1.9", rows=[row("C1")])))
hdr = [q for q in KQ if q != "2.3.2"]
case("key-question-missing", 65,
     ["key-question-missing/cases.csv:1: missing column for key question 2.3.2 (standard P2.3 is rated from cases)"],
     with_(cases_csv=cases(header=f"{ATTRS},{','.join(hdr)}",
                           rows=[f"C1,community,medium,male,white,no,{','.join(['Y'] * 11)}"])))
case("duplicate-case-id", 65, ['duplicate-case-id/cases.csv:4:1: case_id "C2" appears more than once'],
     with_(cases_csv=cases(rows=[row("C1"), row("C2"), row("C2")])))
case("field-count", 65, ["field-count/cases.csv:3:19: 18 fields, expected 19 as in the header"],
     with_(cases_csv=cases(rows=[row("C1"), row("C2")[:-2], row("C3")])))
case("unterminated-quote", 65,
     ["unterminated-quote/judgements.csv:4:3: unterminated quoted field (the closing quote is missing)"],
     with_(judgements_csv='standard,rating,rationale\nP1.1,Good,ok\nP1.2,Good,ok\nP1.3,Good,"never closed\n'))
case("stray-quote", 65,
     ['stray-quote/judgements.csv:2:3: malformed quoting (a quote inside a field must be doubled, and a quoted field must end with a quote)'],
     with_(judgements_csv='standard,rating,rationale\nP1.1,Good,"ok"x\nP1.2,Good,ok\nP1.3,Good,ok\n'))
case("not-utf8", 65, ["not-utf8/judgements.csv:3:3: text is not valid UTF-8 (save the file as UTF-8)"],
     with_(judgements_csv=b"standard,rating,rationale\nP1.1,Good,ok\nP1.2,Good,Caf\xe9 culture\nP1.3,Good,ok\n"))
case("judgement-missing", 65,
     ["judgement-missing/judgements.csv: no judgement for P1.2 Staffing (it is not rated from cases)"],
     with_(judgements_csv="standard,rating,rationale\nP1.1,Good,ok\nP1.3,Good,ok\n"))
case("rating-unknown", 65,
     ['rating-unknown/judgements.csv:3:2: rating "Great" is not Outstanding, Good, Requires improvement or Inadequate'],
     with_(judgements_csv="standard,rating,rationale\nP1.1,Good,ok\nP1.2,Great,ok\nP1.3,Good,ok\n"))
case("override-without-rationale", 65,
     ["override-without-rationale/judgements.csv:5:3: standard P2.1 is rated from cases: a panel override needs a rationale"],
     with_(judgements_csv=JUDGEMENTS + "P2.1,Good,\n"))
case("standard-unknown", 65,
     ['standard-unknown/judgements.csv:5:1: unknown standard "P9.9" for framework probation-pdu-2023'],
     with_(judgements_csv=JUDGEMENTS + "P9.9,Good,ok\n"))
case("inspection-key-unknown", 65,
     ['inspection-key-unknown/inspection.csv:8:1: unknown key "date_of_birth"'],
     with_(inspection_csv=inspection(date_of_birth="1980-01-01")))
case("inspection-id-invalid", 65,
     ["inspection-id-invalid/inspection.csv:2:2: id \"North Wales\" must be 1 to 64 of a-z, 0-9 and '-'"],
     with_(inspection_csv=inspection(id="North Wales")))
case("date-invalid", 65,
     ['date-invalid/inspection.csv:7:2: fieldwork_start "2025-02-30" is not a date written YYYY-MM-DD'],
     with_(inspection_csv=inspection(fieldwork_start="2025-02-30")))
case("framework-unknown", 65,
     ['framework-unknown/inspection.csv:6:2: unknown framework "probation-pdu-1999" (no folder DATA/frameworks/probation-pdu-1999)'],
     with_(inspection_csv=inspection(framework="probation-pdu-1999")))
case("attribute-invalid", 65,
     ['attribute-invalid/cases.csv:2:3: rosh "extreme" is not one of: low, medium, high, very high'],
     with_(cases_csv=cases(rows=[row("C1", attrs="community,extreme,male,white,no")])))
a = ["Y"] * 12; a[0] = ""
case("key-answer-blank", 65,
     ["key-answer-blank/cases.csv:2:7: no answer for key question 2.1.1 (write NA if it does not apply)"],
     with_(cases_csv=cases(rows=[row("C1", a)])))
case("no-cases", 65, ["no-cases/cases.csv: no cases (one row per inspected case is needed)"],
     with_(cases_csv=cases(rows=[])))
bad = ["Y"] * 12
many = [row(f"C{i}", ["x"] * 12) for i in range(1, 13)]
case("many-problems", 65,
     [f'many-problems/cases.csv:{2 + i // 12}:{7 + i % 12}: answer "x" for {KQ[i % 12]} is not Y, N or NA' for i in range(50)]
     + ["\u2026and 94 more problems"],
     with_(cases_csv=cases(rows=many)))
case("already-imported", 65,
     ['already-imported/inspection.csv: inspection "north-wales-2025" is already in the database (use --replace to swap it)'],
     with_(inspection_csv=inspection(id="north-wales-2025")))
missing = dict(base); del missing["cases.csv"]
case("cases-file-missing", 66,
     ["cases-file-missing/cases.csv: missing file (a PDU bundle needs one row per inspected case)"],
     missing)
case("crlf-bom-but-bad", 65,
     ['crlf-bom-but-bad/cases.csv:3:2: sentence_type "remand" is not one of: community, licence'],
     with_(cases_csv=("\ufeff" + cases(rows=[row("C1"), row("C2", attrs="remand,medium,male,white,no")])).replace("\n", "\r\n")))
# One run lists the problems of every file, whatever stage each belongs to.
a = ["Y"] * 12; a[4] = "Yse"
case("problems-in-three-files", 65,
     ['problems-in-three-files/inspection.csv:7:2: fieldwork_start "01/09/2025" is not a date written YYYY-MM-DD',
      'problems-in-three-files/judgements.csv:3:2: rating "Goood" is not Outstanding, Good, Requires improvement or Inadequate (did you mean "Good"?)',
      'problems-in-three-files/cases.csv:3:11: answer "Yse" for 2.2.2 is not Y, N or NA'],
     with_(inspection_csv=inspection(fieldwork_start="01/09/2025"),
           judgements_csv="standard,rating,rationale\nP1.1,Good,ok\nP1.2,Goood,ok\nP1.3,Good,ok\n",
           cases_csv=cases(rows=[row("C1"), row("C2", a)])))
case("semicolons", 65,
     ["semicolons/cases.csv:1: the fields are separated by semicolons (;), not commas: save the file again as CSV with commas (or import the workbook itself)"],
     with_(cases_csv=cases(rows=[row("C1")]).replace(",", ";")))
case("tabs", 65,
     ["tabs/judgements.csv:1: the fields are separated by tabs, not commas: save the file again as CSV with commas (or import the workbook itself)"],
     with_(judgements_csv=JUDGEMENTS.replace(",", "\t")))
# Near misses get a suggestion; values whose meaning is not certain stay errors without one.
case("near-misses", 65,
     ['near-misses/inspection.csv:7:1: unknown key "nmae" (did you mean "name"?)',
      'near-misses/inspection.csv: key "name" is required',
      'near-misses/cases.csv:1:5: unknown column "ethnicty" (neither a case attribute nor a question of probation-pdu-2023); did you mean "ethnicity"?',
      'near-misses/cases.csv:1: missing column "ethnicity"',
      'near-misses/cases.csv:2:2: sentence_type "comunity" is not one of: community, licence (did you mean "community"?)',
      'near-misses/cases.csv:3:4: gender "M" is not one of: male, female, other, not stated',
      'near-misses/cases.csv:4:7: answer "-" for 2.1.1 is not Y, N or NA'],
     with_(inspection_csv=inspection(name=None, nmae="Ynys Môn"),
           cases_csv=cases(rows=[row("C1", attrs="comunity,medium,male,white,no"),
                                 row("C2", attrs="community,medium,M,white,no"),
                                 row("C3", ["-"] + ["Y"] * 11)]).replace("ethnicity", "ethnicty", 1)))

for name in sorted(os.listdir(HERE)):
    p = os.path.join(HERE, name)
    if os.path.isdir(p):
        shutil.rmtree(p)
for name, (status, messages, files) in CASES.items():
    d = os.path.join(HERE, name)
    os.makedirs(d)
    for f, text in files.items():
        with open(os.path.join(d, f), "wb") as fh:
            fh.write(text if isinstance(text, bytes) else text.encode("utf-8"))
    with open(os.path.join(d, "expected.txt"), "w", encoding="utf-8") as fh:
        fh.write(f"exit {status}\n" + "".join(m + "\n" for m in messages))
print(f"{len(CASES)} broken bundles written")
