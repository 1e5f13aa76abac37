#!/usr/bin/python3
"""A checker for tagged PDF: the conditions of PDF/UA-1 (ISO 14289-1) that the
Matterhorn Protocol 1.1 marks as machine-checkable, and those of PDF/A-2a
(ISO 19005-2 level A) listed in docs/shared publishing standards, over pikepdf.

    pdfua_check.py [--groups G,G,...] [--list] FILE.pdf...

Every failure prints as `FILE: GROUP/CHECK: what is wrong` (page numbers count
from 1); the exit status is 1 when any enabled group failed, 0 otherwise.
Checks come in groups so that a caller can say which are expected to pass:

  structure  MarkInfo, StructTreeRoot, ParentTree, StructParents, standard types
  content    every painting operator in marked content; MCIDs owned exactly once
  headings   H1..H6 start at H1 and skip no level
  tables     Table/THead/TBody/TR/TH/TD nesting, TH with a Scope, regular rows
  lists      L/LI/Lbl/LBody nesting
  toc        TOC/TOCI nesting
  figures    Figure with /Alt and a /BBox inside its page
  links      link annotations: Link/OBJR, /Contents, /StructParent, Print flag, /Tabs /S
  notes      Note with a unique /ID
  language   catalog /Lang, a well-formed BCP 47 tag (also on elements)
  metadata   the XMP packet: pdfaid, pdfuaid, its extension schema, agreement with Info
  pdfa       header, trailer /ID, output intent, DisplayDocTitle, no encryption,
             JavaScript or /AA
  fonts      every font embedded; a ToUnicode map (bfchar/bfrange) for every code shown
The last three groups are ../pdfa/pdfa_check.py's checks, run from here.

Used as a module, check(path, groups) returns the list of (group, check, message).
"""
import os
import re
import sys

import pikepdf

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pdfa"))
import pdfa_check  # noqa: E402

GROUPS = ["structure", "content", "headings", "tables", "lists", "toc", "figures", "links", "notes",
          "language", "metadata", "pdfa", "fonts"]

# ISO 32000-1 §14.8.4 standard structure types.
STANDARD = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
}
# Elements that group others and so should not own page content themselves.
GROUPING = {"Document", "Part", "Art", "Sect", "Div", "TOC", "L", "LI", "Table", "THead", "TBody",
            "TFoot", "TR"}
TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE", "BI"}
BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-[A-Za-z0-9]{5,8}|-[0-9][A-Za-z0-9]{3})*$")


class Report:
    def __init__(self, groups):
        self.groups = set(groups)
        self.failures = []

    def fail(self, group, check, message):
        if group in self.groups:
            self.failures.append((group, check, message))


def name(obj):
    """A PDF name without its slash, or None."""
    if isinstance(obj, pikepdf.Name):
        return str(obj)[1:]
    return None


def key(obj):
    """Identity of an indirect object."""
    return obj.objgen if obj.is_indirect else id(obj)


def text(obj):
    try:
        return str(obj)
    except Exception:
        return ""


class Tree:
    """The structure tree walked in order, with what each element owns."""

    def __init__(self, pdf, rep):
        self.pdf, self.rep = pdf, rep
        self.page_index = {p.objgen: i for i, p in enumerate(pdf.pages)}
        root = pdf.Root.get("/StructTreeRoot")
        self.root = root
        self.rolemap = {}
        if root is not None and "/RoleMap" in root:
            for k, v in root.RoleMap.items():
                self.rolemap[k[1:]] = name(v)
        self.elements = []      # (element, type, depth, parent type) in reading order
        self.mcids = {}         # (page, mcid) -> [element]
        self.objrs = {}         # annotation objgen -> [element]
        if root is not None and "/K" in root:
            seen = set()
            kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
            for k in kids:
                if isinstance(k, pikepdf.Dictionary):
                    self.walk(k, 0, None, seen, None)

    def std(self, t):
        """The standard type an element's type maps to through the role map."""
        hops = 0
        while t not in STANDARD and t in self.rolemap and hops < 16:
            t, hops = self.rolemap[t], hops + 1
        return t

    def page_of(self, obj):
        pg = obj.get("/Pg")
        if pg is None:
            return None
        return self.page_index.get(pg.objgen)

    def walk(self, e, depth, parent_type, seen, inherited_page):
        if key(e) in seen:
            self.rep.fail("structure", "cycle", "an element appears twice in the structure tree")
            return
        seen.add(key(e))
        t = name(e.get("/S")) or "?"
        st = self.std(t)
        if st not in STANDARD:
            self.rep.fail("structure", "standard-types",
                          f"structure type /{t} is neither standard nor role-mapped to a standard type")
        self.elements.append((e, st, depth, parent_type))
        page = self.page_of(e)
        if page is None:
            page = inherited_page
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])
        for c in kids:
            if isinstance(c, int) or (hasattr(c, "__int__") and not isinstance(c, pikepdf.Dictionary)):
                if page is None:
                    self.rep.fail("structure", "mcid-page", f"/{t} owns MCID {int(c)} without a /Pg")
                    continue
                self.mcids.setdefault((page, int(c)), []).append(e)
            elif isinstance(c, pikepdf.Dictionary):
                ct = name(c.get("/Type"))
                if ct == "MCR":
                    p = self.page_of(c)
                    p = page if p is None else p
                    if p is None or "/MCID" not in c:
                        self.rep.fail("structure", "mcid-page", f"/{t} has a marked-content reference without a page or MCID")
                        continue
                    self.mcids.setdefault((p, int(c.MCID)), []).append(e)
                elif ct == "OBJR":
                    obj = c.get("/Obj")
                    if obj is None:
                        self.rep.fail("structure", "objr", f"/{t} has an object reference without /Obj")
                        continue
                    self.objrs.setdefault(obj.objgen, []).append(e)
                else:
                    self.walk(c, depth + 1, st, seen, page)


def number_tree(node, out, depth=0):
    if depth > 32 or node is None:
        return
    if "/Nums" in node:
        nums = node.Nums
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, out, depth + 1)


def check_document(pdf, rep, tree):
    root = pdf.Root
    mi = root.get("/MarkInfo")
    if mi is None or not bool(mi.get("/Marked", False)):
        rep.fail("structure", "markinfo", "the catalog has no /MarkInfo << /Marked true >>")
    if tree.root is None:
        rep.fail("structure", "struct-tree-root", "the catalog has no /StructTreeRoot")
        return {}
    if "/ParentTreeNextKey" not in tree.root:
        rep.fail("structure", "parent-tree-next-key", "the structure tree root has no /ParentTreeNextKey")
    if "/ParentTree" not in tree.root:
        rep.fail("structure", "parent-tree", "the structure tree root has no /ParentTree")
        return {}
    ptree = {}
    number_tree(tree.root.ParentTree, ptree)
    nk = int(tree.root.get("/ParentTreeNextKey", 0))
    if ptree and "/ParentTreeNextKey" in tree.root and max(ptree) >= nk:
        rep.fail("structure", "parent-tree-next-key",
                 f"/ParentTreeNextKey {nk} is not above the largest parent tree key {max(ptree)}")
    if not tree.elements or tree.elements[0][1] != "Document":
        rep.fail("structure", "document", "the structure tree does not start with a Document element")
    for e, st, _, _ in tree.elements:
        if "/P" not in e:
            rep.fail("structure", "parent", f"a /{st} element has no /P (parent)")
    return ptree


def content_marks(pdf, page, index, rep):
    """Walk a page's content: every painting operator must be in marked content.
    Returns the MCIDs found on the page."""
    found = []
    stack = []  # 'artifact' | ('mcid', n) | 'other'
    props = page.get("/Resources", {}).get("/Properties", {})
    try:
        instructions = pikepdf.parse_content_stream(page)
    except Exception as exc:  # a damaged stream is a failure, not a crash
        rep.fail("content", "parse", f"page {index + 1}: cannot parse the content stream ({exc})")
        return found
    for ins in instructions:
        op = str(ins.operator)
        ops = ins.operands if hasattr(ins, "operands") else []
        if op in ("BMC", "BDC"):
            tag = name(ops[0]) if ops else None
            mcid = None
            if op == "BDC" and len(ops) > 1:
                d = ops[1]
                if isinstance(d, pikepdf.Name):
                    d = props.get(d)
                if isinstance(d, pikepdf.Dictionary) and "/MCID" in d:
                    mcid = int(d.MCID)
            inside_art = "artifact" in stack
            inside_tag = any(isinstance(s, tuple) for s in stack)
            if tag == "Artifact":
                if inside_tag:
                    rep.fail("content", "artifact-in-tagged",
                             f"page {index + 1}: an Artifact inside tagged content")
                stack.append("artifact")
            elif mcid is not None:
                if inside_art:
                    rep.fail("content", "tagged-in-artifact",
                             f"page {index + 1}: MCID {mcid} inside an Artifact")
                if inside_tag:
                    rep.fail("content", "nested-mcid", f"page {index + 1}: MCID {mcid} inside another MCID")
                found.append(mcid)
                stack.append(("mcid", mcid))
            else:
                stack.append("other")
        elif op == "EMC":
            if not stack:
                rep.fail("content", "unbalanced", f"page {index + 1}: EMC without BMC/BDC")
            else:
                stack.pop()
        elif op in TEXT_OPS or op in PAINT_OPS:
            if not any(s == "artifact" or isinstance(s, tuple) for s in stack):
                what = "text operator" if op in TEXT_OPS else "painting operator"
                rep.fail("content", "untagged-content",
                         f"page {index + 1}: {what} {op} outside marked content (neither tagged nor an Artifact)")
    if stack:
        rep.fail("content", "unbalanced", f"page {index + 1}: {len(stack)} marked-content sequence(s) not closed")
    return found


def check_content(pdf, rep, tree, ptree):
    owner_type = {}
    for e, st, _, _ in tree.elements:
        owner_type[key(e)] = st
    for i, page in enumerate(pdf.pages):
        mcids = content_marks(pdf, page, i, rep)
        if len(set(mcids)) != len(mcids):
            rep.fail("content", "mcid-unique", f"page {i + 1}: an MCID is used twice")
        if mcids and "/StructParents" not in page:
            rep.fail("structure", "struct-parents", f"page {i + 1} has marked content but no /StructParents")
        arr = ptree.get(int(page.StructParents)) if "/StructParents" in page else None
        if mcids and "/StructParents" in page and not isinstance(arr, pikepdf.Array):
            rep.fail("structure", "parent-tree", f"page {i + 1}: the parent tree has no array for its /StructParents")
            arr = None
        for m in mcids:
            owners = tree.mcids.get((i, m), [])
            if not owners:
                rep.fail("content", "mcid-owned", f"page {i + 1}: MCID {m} belongs to no structure element")
            elif len(owners) > 1:
                rep.fail("content", "mcid-owned", f"page {i + 1}: MCID {m} belongs to {len(owners)} elements")
            else:
                st = owner_type.get(key(owners[0]))
                if st in GROUPING:
                    rep.fail("content", "mcid-owner-type",
                             f"page {i + 1}: MCID {m} is owned by a grouping element /{st}")
                if arr is not None:
                    if m >= len(arr) or not arr[m].is_indirect or arr[m].objgen != owners[0].objgen:
                        rep.fail("structure", "parent-tree",
                                 f"page {i + 1}: the parent tree does not map MCID {m} to its element")
        for (p, m), owners in tree.mcids.items():
            if p == i and m not in mcids:
                rep.fail("content", "mcid-missing", f"page {i + 1}: the structure refers to MCID {m}, absent from the page")


def check_headings(rep, tree):
    prev = 0
    for e, st, _, _ in tree.elements:
        m = re.fullmatch(r"H([1-6])", st)
        if not m:
            continue
        level = int(m.group(1))
        if prev == 0 and level != 1:
            rep.fail("headings", "first-h1", f"the first heading is H{level}, not H1")
        elif level > prev + 1 and prev:
            rep.fail("headings", "skipped-level", f"H{level} follows H{prev}: a heading level is skipped")
        prev = level


def kids_of(tree, e):
    k = e.get("/K")
    kids = list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])
    out = []
    for c in kids:
        if isinstance(c, pikepdf.Dictionary) and name(c.get("/Type")) not in ("MCR", "OBJR") and "/S" in c:
            out.append((c, tree.std(name(c.S))))
    return out


def attributes(e):
    a = e.get("/A")
    if a is None:
        return []
    return list(a) if isinstance(a, pikepdf.Array) else [a]


def check_tables(rep, tree):
    allowed = {"Table": {"THead", "TBody", "TFoot", "TR", "Caption"}, "THead": {"TR"}, "TBody": {"TR"},
               "TFoot": {"TR"}, "TR": {"TH", "TD"}}
    for e, st, _, parent in tree.elements:
        if st in allowed:
            for c, ct in kids_of(tree, e):
                if ct not in allowed[st]:
                    rep.fail("tables", "nesting", f"/{st} holds a /{ct}")
        if st in ("TR", "THead", "TBody", "TFoot") and parent not in ("Table", "THead", "TBody", "TFoot"):
            rep.fail("tables", "nesting", f"/{st} outside a table")
        if st in ("TH", "TD") and parent != "TR":
            rep.fail("tables", "nesting", f"/{st} outside a TR")
        if st == "TH":
            scopes = [name(a.get("/Scope")) for a in attributes(e) if name(a.get("/O")) == "Table"]
            if not any(s in ("Row", "Column", "Both") for s in scopes) and "/ID" not in e:
                rep.fail("tables", "th-scope", "a TH has no /Scope (and no /ID for Headers)")
        if st == "Table":
            rows, heads = [], 0
            for c, ct in kids_of(tree, e):
                trs = [c] if ct == "TR" else [g for g, gt in kids_of(tree, c) if gt == "TR"]
                for tr in trs:
                    cells = kids_of(tree, tr)
                    heads += sum(1 for _, t in cells if t == "TH")
                    width = 0
                    for cell, _ in cells:
                        span = 1
                        for a in attributes(cell):
                            if "/ColSpan" in a:
                                span = int(a.ColSpan)
                        width += span
                    rows.append(width)
            if rows and len(set(rows)) > 1:
                rep.fail("tables", "regular", f"a table's rows have different numbers of cells: {rows}")
            if not heads:
                rep.fail("tables", "headers", "a table has no header cells")


def check_lists(rep, tree):
    allowed = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}}
    for e, st, _, parent in tree.elements:
        if st in allowed:
            for c, ct in kids_of(tree, e):
                if ct not in allowed[st]:
                    rep.fail("lists", "nesting", f"/{st} holds a /{ct}")
        if st == "LI" and parent != "L":
            rep.fail("lists", "nesting", f"/LI inside /{parent}, not an L")
        if st == "LBody" and parent != "LI":
            rep.fail("lists", "nesting", f"/LBody inside /{parent}, not an LI")


def check_toc(rep, tree):
    allowed = {"TOC": {"TOCI", "TOC", "Caption"}, "TOCI": {"Lbl", "Reference", "NonStruct", "P", "TOC"}}
    for e, st, _, parent in tree.elements:
        if st in allowed:
            for c, ct in kids_of(tree, e):
                if ct not in allowed[st]:
                    rep.fail("toc", "nesting", f"/{st} holds a /{ct}")
        if st == "TOCI" and parent != "TOC":
            rep.fail("toc", "nesting", f"/TOCI inside /{parent}, not a TOC")


def check_figures(pdf, rep, tree):
    for e, st, _, _ in tree.elements:
        if st != "Figure":
            continue
        alt = text(e.get("/Alt", "")) or text(e.get("/ActualText", ""))
        if not alt.strip():
            rep.fail("figures", "alt", "a Figure has no alternative text (/Alt)")
        box = None
        for a in attributes(e):
            if name(a.get("/O")) == "Layout" and "/BBox" in a:
                box = [float(v) for v in a.BBox]
        if box is None or len(box) != 4:
            rep.fail("figures", "bbox", "a Figure has no /BBox layout attribute")
            continue
        pg = tree.page_of(e)
        if pg is not None:
            mb = [float(v) for v in pdf.pages[pg].MediaBox]
            if box[0] < mb[0] - 1 or box[1] < mb[1] - 1 or box[2] > mb[2] + 1 or box[3] > mb[3] + 1 \
                    or box[0] >= box[2] or box[1] >= box[3]:
                rep.fail("figures", "bbox", f"a Figure's /BBox {box} is not a box inside its page")


def check_links(pdf, rep, tree, ptree):
    for i, page in enumerate(pdf.pages):
        annots = [a for a in page.get("/Annots", [])]
        if annots and name(page.get("/Tabs")) != "S":
            rep.fail("links", "tabs", f"page {i + 1} has annotations but no /Tabs /S")
        for a in annots:
            if name(a.get("/Subtype")) in ("Link",):
                desc = text(a.get("/Contents", ""))
                if not desc.strip():
                    rep.fail("links", "contents", f"page {i + 1}: a link annotation has no /Contents")
                if "/StructParent" not in a:
                    rep.fail("links", "struct-parent", f"page {i + 1}: a link annotation has no /StructParent")
                else:
                    target = ptree.get(int(a.StructParent))
                    owners = tree.objrs.get(a.objgen, []) if a.is_indirect else []
                    if not owners:
                        rep.fail("links", "objr", f"page {i + 1}: no Link element refers to a link annotation (OBJR)")
                    elif target is None or not target.is_indirect or target.objgen != owners[0].objgen:
                        rep.fail("links", "struct-parent",
                                 f"page {i + 1}: a link annotation's /StructParent does not lead to its Link element")
                    elif tree.std(name(owners[0].S)) != "Link":
                        rep.fail("links", "objr", f"page {i + 1}: a link annotation belongs to a /{name(owners[0].S)}, not a Link")
            if name(a.get("/Subtype")) not in ("Popup",):
                f = int(a.get("/F", 0))
                if not f & 4 or f & (1 | 2 | 32 | 256):
                    rep.fail("links", "print-flag",
                             f"page {i + 1}: an annotation's /F {f} lacks the Print flag or hides it")


def check_notes(rep, tree):
    ids = set()
    for e, st, _, _ in tree.elements:
        if st != "Note":
            continue
        if "/ID" not in e:
            rep.fail("notes", "id", "a Note has no /ID")
            continue
        v = bytes(e.ID)
        if v in ids:
            rep.fail("notes", "id", f"two Notes share the /ID {v!r}")
        ids.add(v)


def check_language(pdf, rep, tree):
    lang = pdf.Root.get("/Lang")
    if lang is None or not text(lang).strip():
        rep.fail("language", "lang", "the catalog has no /Lang")
    elif not BCP47.match(text(lang)):
        rep.fail("language", "lang", f"the catalog's /Lang {text(lang)!r} is not a BCP 47 tag")
    for e, st, _, _ in tree.elements:
        if "/Lang" in e and not BCP47.match(text(e.Lang)):
            rep.fail("language", "lang", f"a /{st} has /Lang {text(e.Lang)!r}, not a BCP 47 tag")


def check_file(pdf, path, rep):
    """The conditions on the file as a whole (header, trailer /ID, output intent, XMP
    packet agreeing with Info, fonts and their /ToUnicode maps) are pdfa_check's,
    reported here in this checker's groups."""
    with open(path, "rb") as f:
        raw = f.read()
    for msg in pdfa_check.fonts(pdf):
        rep.fail("fonts", "fonts", msg)
    for msg in pdfa_check.metadata(pdf):
        rep.fail("metadata", "xmp", msg)
    for check, msgs in (("header", pdfa_check.header(raw)), ("catalog", pdfa_check.catalog(pdf)),
                        ("trailer-id", pdfa_check.file_id(raw, pdf))):
        for msg in msgs:
            rep.fail("pdfa", check, msg)


def check(path, groups=GROUPS):
    rep = Report(groups)
    with pikepdf.open(path) as pdf:
        tree = Tree(pdf, rep)
        ptree = check_document(pdf, rep, tree)
        check_content(pdf, rep, tree, ptree)
        check_headings(rep, tree)
        check_tables(rep, tree)
        check_lists(rep, tree)
        check_toc(rep, tree)
        check_figures(pdf, rep, tree)
        check_links(pdf, rep, tree, ptree)
        check_notes(rep, tree)
        check_language(pdf, rep, tree)
        check_file(pdf, path, rep)
    return rep.failures


def main(argv):
    groups = GROUPS
    files = []
    args = iter(argv[1:])
    for a in args:
        if a == "--groups":
            groups = [g for g in next(args, "").split(",") if g]
        elif a.startswith("--groups="):
            groups = [g for g in a.split("=", 1)[1].split(",") if g]
        elif a == "--list":
            print("\n".join(GROUPS))
            return 0
        else:
            files.append(a)
    unknown = [g for g in groups if g not in GROUPS]
    if unknown or not files:
        print(f"usage: {argv[0]} [--groups {','.join(GROUPS)}] FILE.pdf...", file=sys.stderr)
        return 2
    failed = 0
    for f in files:
        for g, c, m in check(f, groups):
            print(f"{f}: {g}/{c}: {m}")
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
