#!/usr/bin/python3
"""pdurep batch: the expected set of files, a correct index, -j 1 and -j 2
byte-identical, a broken inspection failing alone, and SIGINT leaving only
whole files.

usage: test_batch.py PDUREP SOURCE_ROOT"""
import csv, hashlib, json, os, shutil, signal, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, edit, finish  # noqa: E402

pdurep, root = (os.path.abspath(a) for a in sys.argv[1:3])
fixture = os.path.join(root, "fixtures/north-wales")
region = os.path.join(root, "tests/bundles/region-test")
def run(db, *args):
    return subprocess.run([pdurep, "--db", db] + list(args), capture_output=True, text=True)

def copy_pdu(tmp, ident, region_name="Wales"):
    d = os.path.join(tmp, "bundles", ident)
    shutil.copytree(fixture, d)
    edit(os.path.join(d, "inspection.csv"), "north-wales-2025", ident)
    edit(os.path.join(d, "inspection.csv"), "region,Wales", "region," + region_name)
    return d

def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()

def read_index(out):
    return list(csv.DictReader(open(os.path.join(out, "index.csv"), encoding="utf-8")))

def complete(path):
    if path.endswith(".json"):
        try:
            json.load(open(path))
            return True
        except Exception:
            return False
    if path.endswith(".pdf"):
        return subprocess.run(["qpdf", "--check", path], capture_output=True).returncode == 0
    if path.endswith(".xlsx"):
        import zipfile
        try:
            return zipfile.ZipFile(path).testzip() is None
        except Exception:
            return False
    return True

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "b.db")
    r = run(db, "import", fixture, copy_pdu(tmp, "second-2025"), region, copy_pdu(tmp, "elsewhere-2025", "Elsewhere"))
    check(r.returncode == 0, "bundles import", r.stderr)

    out1, out2 = os.path.join(tmp, "j1"), os.path.join(tmp, "j2")
    r1 = run(db, "batch", "--region", "Wales", "--out", out1, "-j", "1")
    check(r1.returncode == 0, "batch --region Wales succeeds", r1.stderr)
    check("documents:" in r1.stderr and " written, 0 failed" in r1.stderr, "batch prints a summary", r1.stderr)
    index = read_index(out1)
    ids = sorted({row["id"] for row in index})
    check(ids == ["north-wales-2025", "second-2025", "test-region-2025"], "only the region's inspections", ids)
    files = sorted(os.listdir(out1))
    check(files == sorted([row["file"] for row in index] + ["index.csv"]), "every file is in the index and vice versa",
          (files, index))
    check(all(sha(os.path.join(out1, row["file"])) == row["sha256"] for row in index), "index checksums are right")
    check(all(int(row["pages_or_sheets"]) >= 1 for row in index), "index counts pages or sheets")
    kinds = {}
    for row in index:
        kinds.setdefault(row["id"], set()).add(row["kind"])
    check(kinds["north-wales-2025"] == kinds["second-2025"], "every PDU gets the same kinds of document", kinds)

    r2 = run(db, "batch", "--region", "Wales", "--out", out2, "-j", "2", "--quiet")
    check(r2.returncode == 0 and r2.stderr == "", "--quiet prints nothing on success", r2.stderr)
    check(all(open(os.path.join(out1, f), "rb").read() == open(os.path.join(out2, f), "rb").read()
              for f in os.listdir(out1)), "-j 1 and -j 2 give byte-identical files")

    # A region whose listed PDU is not in the database cannot be rated: its documents fail,
    # the rest are written.
    lonely = os.path.join(tmp, "bundles", "lonely")
    shutil.copytree(region, lonely)
    edit(os.path.join(lonely, "inspection.csv"), "test-region-2025", "lonely-2025")
    edit(os.path.join(lonely, "inspection.csv"), "region,Wales", "region,Lonely")
    with open(os.path.join(lonely, "pdus.csv"), "w") as f:
        f.write("inspection\nmissing-pdu-2025\n")
    run(db, "import", lonely)
    out3 = os.path.join(tmp, "all")
    r = run(db, "batch", "--all", "--out", out3, "-j", "2")
    check(r.returncode == 65, "a failing document makes the batch exit 65", r.stderr)
    check("lonely-2025" in r.stderr and "lists PDU inspection missing-pdu-2025" in r.stderr,
          "the failure names the document and the reason", r.stderr)
    written = {row["id"] for row in read_index(out3)}
    check(written == {"north-wales-2025", "second-2025", "test-region-2025", "elsewhere-2025"},
          "every other inspection's documents were written", written)
    check(not any(f.startswith("lonely") for f in os.listdir(out3)), "no file for the failed inspection")

    r = run(db, "batch", "--region", "Nowhere", "--out", os.path.join(tmp, "none"))
    check(r.returncode == 66, "a region with no inspection exits 66", r.stderr)
    r = run(db, "batch", "--out", os.path.join(tmp, "x"))
    check(r.returncode == 64, "batch needs --region or --all", r.stderr)
    r = run(db, "batch", "--all", "--out", "/proc/no/such/dir")
    check(r.returncode == 73, "an output folder that cannot be made exits 73", r.stderr)

    # SIGINT part way through: stops cleanly, leaves only whole files and no temporary ones.
    many = [copy_pdu(tmp, f"copy-{i:03d}-2025", "Many") for i in range(60)]
    run(db, "import", *many)
    out4 = os.path.join(tmp, "interrupted")
    p = subprocess.Popen([pdurep, "--db", db, "batch", "--region", "Many", "--out", out4, "-j", "1"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 10
    while time.time() < deadline and not (os.path.isdir(out4) and len(os.listdir(out4)) >= 3):
        time.sleep(0.002)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    left = os.listdir(out4) if os.path.isdir(out4) else []
    if p.returncode == 0:
        print("note: the batch finished before SIGINT arrived; interruption not exercised")
        check(os.path.exists(os.path.join(out4, "index.csv")), "finished batch wrote its index")
    else:
        check(p.returncode == 74 and "interrupted" in err, "SIGINT stops the batch with exit 74", (p.returncode, err))
        check("index.csv" not in left, "no index after an interrupted batch", left)
        check(len(left) < 60 * len(kinds["second-2025"]), "the batch stopped early", len(left))
    check(not any(f.startswith(".") for f in left), "no temporary file left", left)
    check(all(complete(os.path.join(out4, f)) for f in left if f != "index.csv"), "every file left is whole")

finish()
