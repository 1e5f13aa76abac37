#!/usr/bin/python3
"""Schema migration: a version-3 database of the Wales fixture, made by pdurep
before schema 4 (tests/years/schema-v3-wales.sql), upgrades when first opened
and gives exactly the figures of a fresh import.

usage: test_migration.py PDUREP SOURCE_ROOT"""
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Pdurep  # noqa: E402
from harness import check, run_main  # noqa: E402

IDS = ["north-wales-2025", "cardiff-and-the-vale-2025", "cwm-taf-morgannwg-2025",
       "dyfed-powys-2025", "gwent-2025", "swansea-neath-port-talbot-2025", "wales-2025"]


def main():
    exe, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        old = os.path.join(tmp, "v3.db")
        con = sqlite3.connect(old)
        with open(os.path.join(root, "tests", "years", "schema-v3-wales.sql"), encoding="utf-8") as f:
            con.executescript(f.read())
        con.close()
        p = Pdurep(exe, root, old)
        fresh = os.path.join(tmp, "fresh.db")
        p.import_wales(db=fresh)

        r = p("list")
        check(r.returncode == 0 and "wales-2025" in r.stdout, "a version-3 database opens for reading",
              r.stderr)
        con = sqlite3.connect(old)
        version = con.execute("PRAGMA user_version").fetchone()[0]
        cols = [c[1] for c in con.execute("PRAGMA table_info(inspection_case)")]
        members = [m for (m,) in con.execute("SELECT pdu FROM region_pdu WHERE region = 'wales-2025' "
                                             "ORDER BY pdu")]
        codes = con.execute("SELECT attribute_codes FROM inspection WHERE id = 'gwent-2025'").fetchone()
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        con.close()
        check(version >= 4, "it is upgraded to schema 4 or later", version)
        check(cols == ["inspection", "case_id", "attributes", "answers"],
              "cases keep their attributes as data, not one column each", cols)
        check(members == sorted(IDS[:-1]), "the region lists the six PDUs it pooled", members)
        check(codes == ("sentence_type,rosh,gender,ethnicity,probation_reset",),
              "each inspection records its attributes in the old columns' order", codes)
        check(fk == [], "PRAGMA foreign_key_check is clean", fk)
        for ident in IDS:
            a = p.json("rate", ident, "--json")
            b = p.json("rate", ident, "--json", db=fresh)
            check(a == b, f"{ident}: the same figures as a fresh import")
        r = p("show", "gwent-2025")
        check(r.returncode == 0 and "imported before pdurep recorded provenance" in r.stdout,
              "show says a migrated inspection has no recorded provenance", r.stdout + r.stderr)
        r = p("export", "gwent-2025", os.path.join(tmp, "gwent"))
        check(r.returncode == 66 and "import its bundle again" in r.stderr,
              "export explains why a migrated inspection has no files to write", r.stderr)
        r = p("import", "--replace", os.path.join(root, "fixtures", "wales", "gwent"))
        check(r.returncode == 0 and p.json("show", "gwent-2025", "--json")["bundle_sha256"],
              "importing it again records its provenance", r.stderr)


run_main(main)
