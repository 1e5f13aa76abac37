"""Shared plumbing of the data-over-years tests: running pdurep and loading the Wales fixture."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))

WALES = ["north-wales", "cardiff-and-the-vale", "cwm-taf-morgannwg", "dyfed-powys", "gwent",
         "swansea-neath-port-talbot", "region"]
EPOCH = "1768953600"


class Pdurep:
    """pdurep with one database and one data folder."""

    def __init__(self, exe, root, db, **env):
        self.exe, self.root, self.db = exe, root, db
        self.env = dict(os.environ, PDUREP_DATA_DIR=root, SOURCE_DATE_EPOCH=EPOCH, **env)

    def __call__(self, *args, db=None, env=None):
        e = dict(self.env, **(env or {}))
        return subprocess.run([self.exe, "--db", db or self.db] + list(args),
                              capture_output=True, text=True, env=e)

    def raw(self, *args, db=None):
        return subprocess.run([self.exe, "--db", db or self.db] + list(args),
                              capture_output=True, env=self.env)

    def json(self, *args, db=None):
        r = self(*args, db=db)
        if r.returncode:
            raise RuntimeError(f"pdurep {' '.join(args)}: {r.returncode} {r.stderr}")
        return json.loads(r.stdout)

    def import_wales(self, db=None):
        wales = os.path.join(self.root, "fixtures", "wales")
        r = self("import", *[os.path.join(wales, b) for b in WALES], db=db)
        if r.returncode:
            raise RuntimeError(r.stderr)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def rewrite(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))
