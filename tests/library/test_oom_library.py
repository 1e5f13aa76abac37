#!/usr/bin/python3
"""The library's out-of-memory policy (README "Running out of memory"): a
library call whose allocation fails returns PDUREP_ERROR_NO_MEMORY and never
ends its caller's process. Each call of oom-library is run once to count its
allocations, then with each one failing in turn (alone, and with every later
one failing too): it must print status 0 (done) or 70 (out of memory) and exit
0 itself. An exit 70 of the process is the library ending it. A call that
changes a database works on a copy and prints 98 when it failed and left the
copy changed (oom-core.c).

usage: test_oom_library.py OOM_LIBRARY SHIM SOURCE_ROOT CALL..."""
import os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "common"))
from harness import check, run_main

prog, shim, root = (os.path.abspath(a) for a in sys.argv[1:4])
calls = sys.argv[4:]


def run(call, extra, tmp):
    env = dict(os.environ, LD_PRELOAD=shim, OOM_TMP=tmp, **extra)
    return subprocess.run([prog, call, root], capture_output=True, text=True, env=env,
                          timeout=60)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        count = os.path.join(tmp, "count")
        for call in calls:
            # Databases a call copies are made first, with no allocation failing.
            r = subprocess.run([prog, call, root], capture_output=True, text=True, timeout=120,
                               env=dict(os.environ, OOM_TMP=tmp, OOM_PREPARE="1"))
            check(r.returncode == 0, f"{call}: prepared", r.stdout + r.stderr)
            r = run(call, {"PDUREP_FAIL_COUNT": count}, tmp)
            check(r.returncode == 0 and r.stdout.strip() == "0",
                  f"{call}: succeeds with no failure", r.stdout + r.stderr)
            total = int(open(count).read())
            bad = []
            statuses = {}
            # Every allocation of a short call. OOM_POINTS (200 unless set) bounds those of a
            # long call: a fifth are its first allocations, the rest are spread at random.
            most = int(os.environ.get("OOM_POINTS", "200"))
            first = most // 5
            points = range(1, total + 1) if total <= most else sorted(
                set(range(1, first + 1)) |
                set(random.Random(9).sample(range(first + 1, total + 1), most - first)))
            for n in points:
                for persist in "01":
                    r = run(call, {"PDUREP_FAIL_AT": str(n), "PDUREP_FAIL_PERSIST": persist}, tmp)
                    got = r.stdout.strip()
                    statuses[got] = statuses.get(got, 0) + 1
                    if r.returncode != 0 or got not in ("0", "70"):
                        bad.append(f"allocation {n}{'+' if persist == '1' else ''}: exit "
                                   f"{r.returncode}, printed {got!r}: {r.stderr.strip()[-200:]}")
            check(not bad, f"{call}: {len(points)} of {total} allocations failing returns a status "
                           f"{statuses}, never ends the process", "\n".join(bad[:10]))


run_main(main)
