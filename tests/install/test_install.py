#!/usr/bin/python3
"""An installed pdurep works anywhere: `meson install --destdir` into a
temporary root, then, from an empty folder with PATH at the install and no
PDUREP_DATA_DIR, import, rate, report and annexe the North Wales fixture;
pkg-config describes the library and a small C program built with it rates the
fixture (shared and static); the SONAME is versioned; every man page renders
without a warning; the tree still works after being moved.

usage: test_install.py BUILD_DIR SOURCE_ROOT SANITIZE CC [CC ARGS...]"""
import glob, json, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from harness import check, run_main  # noqa: E402

build, source = (os.path.abspath(a) for a in sys.argv[1:3])
sanitize = sys.argv[3]
cc = sys.argv[4:]
here = os.path.dirname(os.path.abspath(__file__))


def prefix_of(root):
    """The install's prefix inside the destdir root (wherever meson put bin/pdurep)."""
    found = glob.glob(os.path.join(root, "**", "bin", "pdurep"), recursive=True)
    return os.path.dirname(os.path.dirname(found[0])) if found else None


def env_for(prefix):
    e = {k: v for k, v in os.environ.items() if not k.startswith("PDUREP_")}
    e["PATH"] = os.path.join(prefix, "bin") + ":/usr/bin:/bin"
    e["SOURCE_DATE_EPOCH"] = "1767225600"
    return e


def run(args, cwd, env, **kw):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, **kw)


def use_the_tool(prefix, work, what):
    """Import, rate, report and annexe from an empty folder; return the score line."""
    env = env_for(prefix)
    os.makedirs(work)
    r = run(["pdurep", "--version"], work, env)
    check(r.returncode == 0 and f"data: {os.path.realpath(prefix)}/share/pdurep" in r.stdout
          and "beside the installed program" in r.stdout,
          f"{what}: --version names the installed data folder", r.stdout + r.stderr)
    r = run(["pdurep", "import", os.path.join(source, "fixtures/north-wales")], work, env)
    check(r.returncode == 0, f"{what}: import", r.stdout + r.stderr)
    r = run(["pdurep", "rate", "north-wales-2025", "--json"], work, env)
    ok = r.returncode == 0
    rated = json.loads(r.stdout) if ok else {}
    check(ok and rated.get("score") == 10 and rated.get("overall") == "Requires improvement",
          f"{what}: rate", r.stdout[:300] + r.stderr)
    r = run(["pdurep", "report", "north-wales-2025", "-o", "nw.pdf"], work, env)
    pdf = os.path.join(work, "nw.pdf")
    check(r.returncode == 0 and open(pdf, "rb").read(5) == b"%PDF-", f"{what}: report", r.stderr)
    r = run(["pdurep", "annexe", "north-wales-2025", "-o", "nw.xlsx"], work, env)
    xlsx = os.path.join(work, "nw.xlsx")
    check(r.returncode == 0 and open(xlsx, "rb").read(2) == b"PK", f"{what}: annexe", r.stderr)
    return rated


def main():
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "root")
        r = run(["meson", "install", "-C", build, "--no-rebuild", "--quiet", "--destdir", root],
                tmp, dict(os.environ))
        check(r.returncode == 0, "meson install --destdir", r.stdout + r.stderr)
        prefix = prefix_of(root)
        check(prefix is not None, "the binary is installed under bin/")
        if not prefix:
            return

        # What a packager expects to find.
        libs = glob.glob(os.path.join(prefix, "lib*", "**", "libpdurep.so.0.*"), recursive=True)
        check(len(libs) == 1, "libpdurep.so.0.x.y installed", str(libs))
        libdir = os.path.dirname(libs[0]) if libs else prefix
        for f in ["libpdurep.so.0", "libpdurep.so", "libpdurep.a", "pkgconfig/pdurep.pc"]:
            check(os.path.exists(os.path.join(libdir, f)), f"{f} installed")
        for f in ["include/pdurep/pdurep.h", "include/pdurep/version.h",
                  "share/doc/pdurep/LICENSE", "share/pdurep/frameworks/probation-pdu-2023/bands.csv",
                  "share/pdurep/layouts/pdu-report.yaml", "share/pdurep/fonts/PdurepSans-Regular.ttf"]:
            check(os.path.exists(os.path.join(prefix, f)), f"{f} installed")
        if libs:
            d = run(["readelf", "-d", libs[0]], tmp, None).stdout
            check("Library soname: [libpdurep.so.0]" in d, "SONAME is libpdurep.so.0", d)

        work = os.path.join(tmp, "work")
        rated = use_the_tool(prefix, work, "installed")

        # A C program built the way a library user builds it.
        pc = os.path.join(libdir, "pkgconfig")
        penv = dict(os.environ, PKG_CONFIG_PATH=pc)
        # The .pc file names the real prefix; point it at the destdir copy.
        pkgconf = ["pkg-config", "--define-variable=prefix=" + prefix]
        flags = run(pkgconf + ["--cflags", "--libs", "pdurep"], tmp, penv)
        check(flags.returncode == 0 and "-lpdurep" in flags.stdout
              and os.path.join(prefix, "include") in flags.stdout,
              "pkg-config --cflags --libs pdurep", flags.stdout + flags.stderr)
        san = [f"-fsanitize={sanitize}"] if sanitize not in ("", "none") else []
        want = f"{rated.get('score')}/{rated.get('max_score')} {rated.get('overall')}\n"
        exe = os.path.join(tmp, "rate")
        c = run(cc + san + [os.path.join(here, "rate.c"), "-o", exe, *flags.stdout.split(),
                            "-Wl,-rpath," + libdir], tmp, None)
        check(c.returncode == 0, "a C program compiles and links against the shared library",
              c.stdout + c.stderr)
        if c.returncode == 0:
            r = run([exe, os.path.join(work, "pdurep.db"), "north-wales-2025"], tmp, None)
            check(r.returncode == 0 and r.stdout == want, f"it rates the fixture: {want.strip()}",
                  r.stdout + r.stderr)
            d = run(["readelf", "-d", exe], tmp, None).stdout
            check("Shared library: [libpdurep.so.0]" in d, "the program needs libpdurep.so.0", d)

        sflags = run(pkgconf + ["--static", "--libs", "pdurep"], tmp, penv)
        cflags = run(pkgconf + ["--cflags", "pdurep"], tmp, penv).stdout.split()
        static = [a.replace("-lpdurep", os.path.join(libdir, "libpdurep.a"))
                  for a in sflags.stdout.split()]
        c = run(cc + san + [os.path.join(here, "rate.c"), "-o", exe + "-static",
                            *cflags, *static], tmp, None)
        check(sflags.returncode == 0 and c.returncode == 0,
              "the same program links the static library with pkg-config --static",
              sflags.stdout + c.stdout + c.stderr)
        if c.returncode == 0:
            r = run([exe + "-static", os.path.join(work, "pdurep.db"), "north-wales-2025"], tmp, None)
            check(r.returncode == 0 and r.stdout == want, "the static program rates the fixture",
                  r.stdout + r.stderr)

        # Man pages: every one renders, and man has nothing to say about it.
        pages = sorted(glob.glob(os.path.join(prefix, "share", "man", "man*", "*")))
        for page in pages:
            r = run(["man", "--warnings", "-l", page], tmp, dict(os.environ, MANWIDTH="80",
                                                                  MAN_KEEP_FORMATTING="0"))
            check(r.returncode == 0 and not r.stderr.strip() and len(r.stdout) > 200,
                  f"man -l {os.path.relpath(page, prefix)} renders without warnings",
                  r.stderr[:2000])

        # Relocatable: the same tree moved elsewhere still finds its data and library.
        moved = os.path.join(tmp, "moved")
        shutil.move(prefix, moved)
        use_the_tool(moved, os.path.join(tmp, "work2"), "moved")


run_main(main)
