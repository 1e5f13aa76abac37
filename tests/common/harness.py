"""Shared plumbing of the end-to-end tests: numbered checks and the closing
`N passed, N failed` line that CI reads."""
import os
import sys

passed = failed = 0


def check(ok, what, detail=""):
    """Record one check; print its detail only when it fails."""
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}\n{detail}")
    return ok


def edit(path, old, new):
    """Replace text in a file, insisting that it was there."""
    text = open(path, encoding="utf-8").read()
    assert old in text, (path, old)
    open(path, "w", encoding="utf-8").write(text.replace(old, new))


def wales_bundles(root):
    """The Wales fixture's bundles in the order they import: every PDU, then the region
    that lists them."""
    wales = os.path.join(root, "fixtures", "wales")
    pdus = sorted(d for d in os.listdir(wales)
                  if d != "region" and os.path.isdir(os.path.join(wales, d)))
    return [os.path.join(wales, d) for d in pdus + ["region"]]


def finish():
    """Print the summary line and exit non-zero if anything failed."""
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def run_main(main):
    """Run a test's main(); a crash counts as a failed check, then print the summary."""
    try:
        main()
    except Exception as e:  # a crash is a failure, not a silent pass
        check(False, "test ran to the end", repr(e))
    finish()
