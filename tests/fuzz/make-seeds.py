#!/usr/bin/python3
"""Build the seed corpora of the text fuzz targets (csv, bundle, layout,
strings, narrative) from the repository's own files: the fixtures, the test
bundles and the broken ones of tests/bundles/bad, the layouts, the strings
files and the narratives. The seeds are committed; rerun this when the bundle
format changes. (make-corpus.py writes the XLSX reader's corpus.)

usage: make-seeds.py SOURCE_ROOT"""
import hashlib, os, shutil, sys

root = os.path.abspath(sys.argv[1])
here = os.path.join(root, "tests", "fuzz", "corpus")
BUNDLE_FILES = ["inspection.csv", "judgements.csv", "cases.csv", "narrative.txt",
                "narrative.cy.txt"]


def put(target, data, limit=64 << 10):
    """One seed, named by its content; big files are cut (the fuzzer grows them again)."""
    data = data[:limit]
    d = os.path.join(here, target)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb").write(data)


def bundles():
    yield os.path.join(root, "fixtures", "north-wales")
    wales = os.path.join(root, "fixtures", "wales")
    for b in sorted(os.listdir(wales)):
        if os.path.isdir(os.path.join(wales, b)):
            yield os.path.join(wales, b)
    for base in (os.path.join(root, "tests", "bundles", "bad"), os.path.join(root, "tests", "bundles")):
        for b in sorted(os.listdir(base)):
            p = os.path.join(base, b)
            if os.path.isdir(p) and b != "bad":
                yield p


def main():
    for t in ("csv", "bundle", "layout", "strings", "narrative"):
        shutil.rmtree(os.path.join(here, t), ignore_errors=True)
    for b in bundles():
        files = {}
        for f in BUNDLE_FILES:
            p = os.path.join(b, f)
            if os.path.isfile(p):
                files[f] = open(p, "rb").read()
        if not files:
            continue
        for f, data in files.items():
            put("narrative" if f.startswith("narrative") else "csv", data)
        # Cases are cut to a few rows: the fuzzer mutates faster on small inputs.
        parts = []
        for f, data in files.items():
            if f == "cases.csv":
                data = b"\n".join(data.split(b"\n")[:6]) + b"\n"
            if f.startswith("narrative"):
                data = data[:4096]
            parts.append(b"==> " + f.encode() + b" <==\n" + data)
        put("bundle", b"".join(parts))
    layouts = os.path.join(root, "layouts")
    for f in sorted(os.listdir(layouts)):
        if f.endswith(".yaml"):
            put("layout", open(os.path.join(layouts, f), "rb").read())
    strings = os.path.join(layouts, "strings")
    for f in sorted(os.listdir(strings)):
        put("strings", open(os.path.join(strings, f), "rb").read())
    for t in sorted(os.listdir(here)):
        print(t, len(os.listdir(os.path.join(here, t))), "seeds")


main()
