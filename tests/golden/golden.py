"""Golden outputs: the documents pdurep writes for the fixtures, kept as
reviewable text (per page `pdftotext -layout` and the outline of each PDF; the
pretty-printed XML parts of each workbook) and as the SHA-256 of their bytes.

    golden.py render PDUREP OUTDIR      write the documents into OUTDIR
    golden.py text DOCDIR GOLDENDIR     turn them into the golden tree
    golden.py check PDUREP GOLDENDIR    render, turn into text, compare

The documents come from the fixtures with a fixed SOURCE_DATE_EPOCH, so the
same code gives the same bytes. A change of output shows as a text diff in
the commit that makes it (scripts/update-golden.sh rewrites the tree).
"""
import difflib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.dom.minidom

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "common"))
from harness import wales_bundles  # noqa: E402

# (file name, command arguments after the database option)
DOCUMENTS = [
    ("north-wales.pdf", ["report", "north-wales-2025"]),
    ("north-wales.cy.pdf", ["report", "north-wales-2025", "--lang", "cy"]),
    ("north-wales.xlsx", ["annexe", "north-wales-2025"]),
    ("north-wales.cy.xlsx", ["annexe", "north-wales-2025", "--lang", "cy"]),
    ("north-wales-share.xlsx", ["annexe", "north-wales-2025", "--share"]),
    ("north-wales-cases.xlsx", ["annexe", "north-wales-2025", "--with-cases"]),
    ("wales.pdf", ["report", "wales-2025"]),
    ("wales.xlsx", ["annexe", "wales-2025"]),
]


def run(cmd, env):
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"golden: {' '.join(cmd)} exited {p.returncode}\n{p.stdout}{p.stderr}")
    return p.stdout


def render(pdurep, outdir):
    """Import the Wales fixture into a new database and write every document."""
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, PDUREP_DATA_DIR=ROOT, SOURCE_DATE_EPOCH=EPOCH)
    env.pop("PDUREP_DB", None)
    db = os.path.join(outdir, "golden.db")
    if os.path.exists(db):
        os.remove(db)
    for bundle in wales_bundles(ROOT):
        run([pdurep, "--db", db, "import", bundle], env)
    for name, args in DOCUMENTS:
        run([pdurep, "--db", db] + args + ["-o", os.path.join(outdir, name)], env)
    os.remove(db)


def sha256(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def pdf_text(path):
    """Each page's `pdftotext -layout`, then the outline (title and level)."""
    pages = int(next(l.split()[-1] for l in run(["pdfinfo", path], os.environ).splitlines()
                     if l.startswith("Pages:")))
    out = {}
    for n in range(1, pages + 1):
        out[f"page-{n:02d}.txt"] = run(["pdftotext", "-layout", "-f", str(n), "-l", str(n),
                                        path, "-"], os.environ)
    outline = json.loads(run(["qpdf", "--json", "--json-key=outlines", path], os.environ))
    lines = []

    def walk(items, depth):
        for it in items:
            lines.append("  " * depth + it.get("title", ""))
            walk(it.get("kids", []), depth + 1)
    walk(outline.get("outlines", []), 0)
    out["outline.txt"] = "\n".join(lines) + "\n"
    return out


def xlsx_text(path):
    """Every part of the workbook; XML pretty-printed, anything else by its hash."""
    out = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            name = info.filename.replace("/", "__")
            if info.filename.endswith((".xml", ".rels")):
                pretty = xml.dom.minidom.parseString(data).toprettyxml(indent="  ")
                out[name] = "\n".join(l for l in pretty.splitlines() if l.strip()) + "\n"
            else:
                out[name + ".sha256"] = hashlib.sha256(data).hexdigest() + "\n"
    return out


def text_tree(docdir, golden):
    """Write the golden tree for the documents in docdir."""
    if os.path.isdir(golden):
        shutil.rmtree(golden)
    os.makedirs(golden)
    sums = []
    for name, _ in DOCUMENTS:
        path = os.path.join(docdir, name)
        parts = pdf_text(path) if name.endswith(".pdf") else xlsx_text(path)
        sub = os.path.join(golden, name)
        os.makedirs(sub)
        for part, text in sorted(parts.items()):
            with open(os.path.join(sub, part), "w", encoding="utf-8") as f:
                f.write(text)
        sums.append(f"{sha256(path)}  {name}\n")
    with open(os.path.join(golden, "SHA256SUMS"), "w") as f:
        f.writelines(sums)


def check(pdurep, golden):
    """Render, compare text part by part and bytes by hash; print diffs."""
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs")
        fresh = os.path.join(tmp, "golden")
        render(pdurep, docs)
        text_tree(docs, fresh)
        for dirpath, _, files in sorted(os.walk(golden)):
            rel = os.path.relpath(dirpath, golden)
            for f in sorted(files):
                old = os.path.join(dirpath, f)
                new = os.path.join(fresh, rel, f)
                label = os.path.normpath(os.path.join(rel, f))
                if not os.path.exists(new):
                    print(f"FAIL {label}: no longer written")
                    failures += 1
                    continue
                a = open(old, encoding="utf-8").read().splitlines(keepends=True)
                b = open(new, encoding="utf-8").read().splitlines(keepends=True)
                if a != b:
                    failures += 1
                    diff = list(difflib.unified_diff(a, b, "golden/" + label, "now/" + label))
                    print(f"FAIL {label} differs:\n" + "".join(diff[:60]))
                else:
                    print(f"ok   {label}")
        for dirpath, _, files in os.walk(fresh):
            rel = os.path.relpath(dirpath, fresh)
            for f in files:
                if not os.path.exists(os.path.join(golden, rel, f)):
                    print(f"FAIL {os.path.normpath(os.path.join(rel, f))}: new part not in the golden tree")
                    failures += 1
    if failures:
        print("golden outputs changed: review the diff, then run scripts/update-golden.sh "
              "and commit the new tree with the change that made it")
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("render", "text", "check"):
        sys.exit(__doc__)
    mode, a, b = sys.argv[1:]
    if mode == "render":
        render(a, b)
    elif mode == "text":
        text_tree(a, b)
    else:
        sys.exit(check(a, b))


if __name__ == "__main__":
    main()
