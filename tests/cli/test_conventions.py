#!/usr/bin/python3
"""Conventions every subcommand keeps (src/cli/options.c): stdout writes are
checked (a full disk exits 74 with a message), `-o -` writes the document to
stdout, escape codes only reach a real terminal that wants them, report,
annexe and template say what they wrote unless --quiet, and a missing
framework folder is missing input (66).

usage: test_conventions.py PDUREP FIXTURE_DIR"""
import os, pty, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402

pdurep, fixture = (os.path.abspath(a) for a in sys.argv[1:3])
ID = "north-wales-2025"


def env_with(tmp, **extra):
    e = {k: v for k, v in os.environ.items() if k not in ("PDUREP_DB", "NO_COLOR", "TERM")}
    e.update(PDUREP_DB=os.path.join(tmp, "c.db"), SOURCE_DATE_EPOCH="1767225600",
             TMPDIR=os.path.join(tmp, "scratch"))
    e.update(extra)
    return e


def run(args, env, cwd, stdout=subprocess.PIPE):
    return subprocess.run([pdurep] + args, env=env, cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE)


def on_a_terminal(args, env, cwd):
    """Run with stderr on a pseudo-terminal; return (status, what the terminal showed)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([pdurep] + args, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=slave)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return p.wait(), shown


def main():
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "scratch"))
        env = env_with(tmp)
        r = run(["import", fixture], env, tmp)
        check(r.returncode == 0, "import the fixture", r.stderr.decode())

        # Checked stdout: every command's --help, and each command that prints.
        commands = [l.split()[0] for l in run(["--help"], env, tmp).stdout.decode()
                    .split("Commands:\n")[1].split("\n\n")[0].splitlines()]
        writers = [["--help"], ["--version"], ["list"], ["rate", ID], ["rate", ID, "--json"],
                   ["report", ID, "-o", "-"], ["annexe", ID, "-o", "-"],
                   ["template", "-o", "-"]] + [[c, "--help"] for c in commands]
        for args in writers:
            with open("/dev/full", "wb") as full:
                r = run(args, env, tmp, stdout=full)
            err = r.stderr.decode()
            check(r.returncode == 74 and "cannot write to standard output" in err,
                  f"pdurep {' '.join(args)} > /dev/full exits 74 with a message",
                  f"{r.returncode} {err}")

        # -o - gives the bytes -o FILE gives, leaves no file named '-' and no scratch files.
        for name, args, ext in [("report", ["report", ID], ".pdf"),
                                ("annexe", ["annexe", ID], ".xlsx"),
                                ("sharing workbook", ["annexe", ID, "--share"], ".xlsx"),
                                ("template", ["template"], ".xlsx")]:
            to_file = run(args + ["-o", "doc" + ext], env, tmp)
            to_out = run(args + ["-o", "-"], env, tmp)
            with open(os.path.join(tmp, "doc" + ext), "rb") as f:
                written = f.read()
            check(to_file.returncode == 0 and to_out.returncode == 0 and len(written) > 1000
                  and to_out.stdout == written,
                  f"{name}: -o - writes the same bytes to stdout as -o FILE",
                  to_file.stderr.decode() + to_out.stderr.decode())
            check(not os.path.exists(os.path.join(tmp, "-")), f"{name}: -o - makes no file '-'")
            check(os.listdir(os.path.join(tmp, "scratch")) == [],
                  f"{name}: -o - leaves nothing in TMPDIR", str(os.listdir(os.path.join(tmp, "scratch"))))
            said = to_file.stderr.decode().splitlines()
            check(len(said) == 1 and said[0].startswith(f"pdurep {args[0]}: wrote doc{ext} (")
                  and f"{len(written)} bytes)" in said[0],
                  f"{name}: one line on stderr says what was written", str(said))
            q = run(args + ["-o", "doc" + ext, "--quiet"], env, tmp)
            check(q.returncode == 0 and q.stderr == b"", f"{name}: --quiet says nothing", q.stderr)
        r = run(["report", ID, "-o", "nw.pdf"], env, tmp)
        check(" pages, " in r.stderr.decode(), "report: the line gives the page count", r.stderr)

        # Escape codes: the batch progress bar only on a terminal that wants it.
        out = os.path.join(tmp, "batch")
        args = ["batch", "--all", "--out", out, "-j", "1"]
        rc, shown = on_a_terminal(args, env_with(tmp, TERM="xterm"), tmp)
        check(rc == 0 and b"\x1b[" in shown, "a terminal gets a redrawn progress bar", shown[:300])
        for what, e in [("TERM=dumb", env_with(tmp, TERM="dumb")),
                        ("NO_COLOR", env_with(tmp, TERM="xterm", NO_COLOR="1"))]:
            rc, shown = on_a_terminal(args, e, tmp)
            check(rc == 0 and b"\x1b" not in shown and b"\r" not in shown.replace(b"\r\n", b""),
                  f"{what}: no escape codes on a terminal", shown[:300])
        r = run(args, env_with(tmp, TERM="xterm"), tmp)
        check(r.returncode == 0 and b"\x1b" not in r.stderr and len(r.stderr) > 0,
              "stderr not a terminal: plain lines, no escape codes", r.stderr[:300])

        # A framework folder that is not there is missing input, not bad data.
        empty = os.path.join(tmp, "nodata")
        os.makedirs(empty)
        r = run(["--db", os.path.join(tmp, "new.db"), "import", fixture],
                env_with(tmp, PDUREP_DATA_DIR=empty), tmp)
        err = r.stderr.decode()
        check(r.returncode == 66 and f"no folder {empty}/frameworks/probation-pdu-2023" in err,
              "a missing framework folder exits 66 and names the folder", f"{r.returncode} {err}")


run_main(main)
