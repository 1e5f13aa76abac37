#!/usr/bin/python3
"""Man pages and shell completion follow the command they describe.

Every subcommand `pdurep --help` lists has man/pdurep-NAME.1.scd and a built
page; every page renders with `man --warnings` silent; every long option a
command's --help shows appears in its page; pdurep(1) names every command.
The bash completion offers the commands, a command's options and the ids in
the database. To show the warning check can fail, a page with a roff mistake
must draw a warning.

usage: test_man.py PDUREP MAN_SOURCE_DIR MAN_BUILD_DIR COMPLETION FIXTURE"""
import os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402

pdurep, src, built, completion, fixture = (os.path.abspath(a) for a in sys.argv[1:6])
MAN_ENV = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8")


def render(page):
    r = subprocess.run(["man", "--warnings", "-l", page], capture_output=True, text=True, env=MAN_ENV)
    return r.returncode, r.stdout, r.stderr


def commands():
    out = subprocess.run([pdurep, "--help"], capture_output=True, text=True).stdout
    block = out.split("Commands:\n")[1].split("\n\n")[0]
    return [l.split()[0] for l in block.splitlines() if l.strip()]


def complete(line, env):
    """What bash completion offers for @line (the cursor at its end)."""
    script = f"""
source {completion}
COMP_LINE={line!r}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=("")
COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
_pdurep
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    r = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    return r.stdout.split()


def main():
    cmds = commands()
    check(len(cmds) >= 9, "pdurep --help lists the commands", str(cmds))
    _, top, _ = render(os.path.join(built, "pdurep.1"))
    for c in cmds:
        scd = os.path.join(src, f"pdurep-{c}.1.scd")
        page = os.path.join(built, f"pdurep-{c}.1")
        if not check(os.path.exists(scd) and os.path.exists(page),
                     f"pdurep-{c}(1) exists",
                     f"write man/pdurep-{c}.1.scd and list it in man/meson.build"):
            continue
        rc, text, err = render(page)
        check(rc == 0 and not err.strip(), f"pdurep-{c}(1) renders without warnings", err)
        flat = text.replace("\u2010", "-").replace("-\n", "-")
        flat = re.sub(r"\s+", " ", flat)
        helptext = subprocess.run([pdurep, c, "--help"], capture_output=True, text=True).stdout
        missing = sorted({o for o in re.findall(r"--[a-z][a-z-]*", helptext) if o not in flat})
        check(not missing, f"pdurep-{c}(1) documents every option of its --help", str(missing))
        check(re.search(rf"\b{re.escape(c)}\b", top), f"pdurep(1) names {c}")
    rc, _, err = render(os.path.join(built, "pdurep.1"))
    check(rc == 0 and not err.strip(), "pdurep(1) renders without warnings", err)

    with tempfile.TemporaryDirectory() as tmp:
        bad = os.path.join(tmp, "bad.1")
        with open(bad, "w") as f:
            f.write('.TH BAD 1\n.SH NAME\nbad \\- a page\n.SH DESCRIPTION\n.BOGUSMACRO\n\\*[nosuchstring]\n')
        rc, _, err = render(bad)
        check(err.strip() != "", "self-test: man --warnings reports a broken page", err)

        # Completion, with PATH at this build's pdurep and a database holding one id.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PDUREP_")}
        env["PATH"] = os.path.dirname(pdurep) + ":/usr/bin:/bin"
        env["PDUREP_DATA_DIR"] = os.environ.get("PDUREP_DATA_DIR", "")
        db = os.path.join(tmp, "c.db")
        subprocess.run([pdurep, "--db", db, "import", fixture], capture_output=True, check=True)
        got = complete("pdurep ", env)
        check(set(cmds) <= set(got), "completion offers every command", str(got))
        got = complete("pdurep report --", env)
        check({"--output", "--lang", "--layout"} <= set(got), "completion offers report's options",
              str(got))
        got = complete(f"pdurep --db {db} rate no", env)
        check(got == ["north-wales-2025"], "completion offers the ids of the --db database", str(got))
        got = complete("pdurep annexe --lang ", env)
        check("cy" in got, "completion offers languages", str(got))


run_main(main)
