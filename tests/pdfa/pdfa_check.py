"""Document-level checks of a pdurep PDF against what PDF/A-2a and PDF/UA-1 ask
of the file as a whole (fonts, metadata, output intent, /ID, viewer
preferences, header). Each check returns a list of problems, one
string each; an empty list means the file passes.

The structure tree and marked content are checked elsewhere (issue 10, items
1-2); this module covers what pdurep's pdfa.c writes.
"""
import hashlib
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import pikepdf

SRGB = "/usr/share/color/icc/sRGB.icc"
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "pdfaProperty": "http://www.aiim.org/pdfa/ns/property#",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Namespaces PDF/A-2 predefines: any other one used in the packet needs an extension schema.
PREDEFINED = {NS[k] for k in ("x", "rdf", "dc", "xmp", "pdf", "pdfaid", "pdfaExtension",
                              "pdfaSchema", "pdfaProperty")} | {
    "http://www.w3.org/XML/1998/namespace"}


def header(raw):
    """%PDF-1.7, then a comment line of at least four bytes above 127."""
    out = []
    if not raw.startswith(b"%PDF-1.7\n") and not raw.startswith(b"%PDF-1.7\r"):
        out.append(f"header is {raw[:8]!r}, not %PDF-1.7")
    second = raw[9:].split(b"\n", 1)[0]
    if not second.startswith(b"%") or sum(b > 127 for b in second[1:5]) < 4:
        out.append(f"second line {second!r} is not a binary comment")
    return out


def parse_cmap(data):
    """Map code -> text of a ToUnicode CMap, and the problems of its syntax."""
    text = data.decode("latin-1")
    problems = []
    if not re.search(r"/CMapType\s+2\b", text):
        problems.append("ToUnicode is not /CMapType 2")
    for op in re.findall(r"\bbegin(\w+)", text):
        if op not in ("cmap", "codespacerange", "bfchar", "bfrange"):
            problems.append(f"ToUnicode uses begin{op}, which a ToUnicode CMap may not")
    mapping = {}

    def uni(hexs):
        b = bytes.fromhex(hexs)
        return b.decode("utf-16-be")

    for block in re.findall(r"begin(bfchar|bfrange)(.*?)end\1", text, re.S):
        kind, body = block
        n_entries = 0
        if kind == "bfchar":
            for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", body):
                mapping[int(src, 16)] = uni(dst)
                n_entries += 1
        else:
            for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", body):
                lo, hi, start = int(lo, 16), int(hi, 16), int(dst, 16)
                if lo >> 8 != hi >> 8 or hi < lo:
                    problems.append(f"bfrange <{lo:04X}> <{hi:04X}> crosses a high byte")
                for c in range(lo, hi + 1):
                    mapping[c] = chr(start + c - lo)
                n_entries += 1
        if n_entries > 100:
            problems.append(f"a {kind} block has {n_entries} entries (at most 100)")
    return mapping, problems


def shown_codes(pdf):
    """(font object id, 2-byte code) of every glyph shown on every page."""
    seen = set()
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", {})
        font = None
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name == "Tf":
                font = fonts.get(str(operands[0]))
            elif name in ("Tj", "'", '"', "TJ"):
                items = operands[-1] if name != "TJ" else [o for o in operands[0]
                                                             if isinstance(o, pikepdf.String)]
                if name != "TJ":
                    items = [items]
                for s in items:
                    b = bytes(s)
                    for i in range(0, len(b) - 1, 2):
                        seen.add((font.objgen if font is not None else None, b[i] << 8 | b[i + 1]))
    return seen


def fonts(pdf):
    """Problems of the fonts: embedded, a correct ToUnicode for every code shown, Ordering."""
    out = []
    maps = {}
    for page in pdf.pages:
        for name, f in page.Resources.get("/Font", {}).items():
            if f.objgen in maps:
                continue
            if f.get("/Subtype") != "/Type0":
                out.append(f"font {name} is {f.get('/Subtype')}, not an embedded Type0 face")
                maps[f.objgen] = {}
                continue
            cid = f.DescendantFonts[0]
            if "/FontFile2" not in cid.FontDescriptor:
                out.append(f"font {f.BaseFont} is not embedded")
            info = cid.get("/CIDSystemInfo")
            if info is None or str(info.get("/Ordering")) != "Identity":
                out.append(f"font {f.BaseFont}: CIDSystemInfo Ordering is "
                           f"{str(info.get('/Ordering')) if info is not None else None!r}, not Identity")
            if "/ToUnicode" not in f:
                out.append(f"font {f.BaseFont} has no ToUnicode")
                maps[f.objgen] = {}
                continue
            m, probs = parse_cmap(f.ToUnicode.read_bytes())
            out += [f"font {f.BaseFont}: {p}" for p in probs]
            maps[f.objgen] = m
    missing, wrong = [], []
    for fid, code in sorted(shown_codes(pdf), key=lambda t: (str(t[0]), t[1])):
        m = maps.get(fid, {})
        if code not in m:
            missing.append(f"{code:04X}")
        elif m[code] != chr(code):
            wrong.append(f"{code:04X}->{m[code]!r}")
    if missing:
        out.append(f"codes shown but not in ToUnicode: {' '.join(missing[:20])}")
    if wrong:
        out.append(f"codes mapped to another character: {' '.join(wrong[:20])}")
    return out


def pdf_date(s):
    """D:YYYYMMDDHHmmSS+00'00' (or Z) as YYYY-MM-DDTHH:MM:SSZ, UTC only."""
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|\+00'00'?|Z00'00'?)", s)
    if not m:
        return None
    y, mo, d, h, mi, se = m.groups()[:6]
    return f"{y}-{mo}-{d}T{h}:{mi}:{se}Z"


def alt(desc, tag):
    """{xml:lang: text} of a language alternative property."""
    el = desc.find(tag, NS)
    if el is None:
        return {}
    return {li.get(XML_LANG): li.text or "" for li in el.findall("rdf:Alt/rdf:li", NS)}


def metadata(pdf, published=None):
    """Problems of the XMP packet: present, identification, agreement with Info."""
    out = []
    md = pdf.Root.get("/Metadata")
    if md is None:
        return ["no /Metadata on the catalog"]
    if md.get("/Type") != "/Metadata" or md.get("/Subtype") != "/XML":
        out.append("metadata stream is not /Type /Metadata /Subtype /XML")
    if "/Filter" in md:
        out.append("metadata stream is compressed")
    raw = md.read_bytes()
    try:
        root = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", raw))
    except ET.ParseError as e:
        return out + [f"XMP is not well-formed XML: {e}"]
    desc = root.find("rdf:RDF/rdf:Description", NS)
    if desc is None:
        return out + ["XMP has no rdf:Description"]

    def text(tag):
        el = desc.find(tag, NS)
        return el.text if el is not None else None

    if text("pdfaid:part") != "2" or text("pdfaid:conformance") != "A":
        out.append(f"pdfaid is {text('pdfaid:part')}{text('pdfaid:conformance')}, not 2A")
    if text("pdfuaid:part") != "1":
        out.append(f"pdfuaid:part is {text('pdfuaid:part')!r}, not 1")
    declared = {s.findtext("pdfaSchema:namespaceURI", None, NS): s
                for s in desc.findall("pdfaExtension:schemas/rdf:Bag/rdf:li", NS)}
    used = {el.tag[1:].split("}")[0] for el in desc.iter() if el.tag.startswith("{")}
    for uri in sorted(used - PREDEFINED):
        s = declared.get(uri)
        if s is None:
            out.append(f"namespace {uri} is used but not declared in pdfaExtension:schemas")
            continue
        props = {p.findtext("pdfaProperty:name", None, NS)
                 for p in s.findall("pdfaSchema:property/rdf:Seq/rdf:li", NS)}
        for el in desc:
            if el.tag.startswith("{" + uri + "}") and el.tag.split("}")[1] not in props:
                out.append(f"property {el.tag} is not in its extension schema")

    info = pdf.docinfo
    lang = str(pdf.Root.get("/Lang", ""))
    title = alt(desc, "dc:title")
    if title.get("x-default") != str(info.get("/Title", "")):
        out.append(f"dc:title {title.get('x-default')!r} differs from Info Title {str(info.get('/Title'))!r}")
    if lang and title.get(lang) != title.get("x-default"):
        out.append(f"dc:title has no entry in the document language {lang}")
    if "/Subject" in info and alt(desc, "dc:description").get("x-default") != str(info.Subject):
        out.append("dc:description differs from Info Subject")
    creators = [li.text for li in desc.findall("dc:creator/rdf:Seq/rdf:li", NS)]
    if "/Author" in info and creators != [str(info.Author)]:
        out.append(f"dc:creator {creators} differs from Info Author")
    langs = [li.text for li in desc.findall("dc:language/rdf:Bag/rdf:li", NS)]
    if langs != [lang]:
        out.append(f"dc:language {langs} differs from /Lang {lang!r}")
    if text("xmp:CreatorTool") != str(info.get("/Creator", "")):
        out.append("xmp:CreatorTool differs from Info Creator")
    if text("pdf:Producer") != str(info.get("/Producer", "")):
        out.append("pdf:Producer differs from Info Producer")
    for key, tag in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        want = pdf_date(str(info.get(key, "")))
        if want is None:
            out.append(f"Info {key} {str(info.get(key))!r} is not a UTC date")
        elif text(tag) != want:
            out.append(f"{tag} {text(tag)!r} differs from Info {key} ({want})")
    dates = [li.text for li in desc.findall("dc:date/rdf:Seq/rdf:li", NS)]
    if published is not None and dates != [published]:
        out.append(f"dc:date {dates} is not the publication date {published}")
    return out


def catalog(pdf):
    """Output intent, DisplayDocTitle, no encryption or JavaScript."""
    out = []
    ois = pdf.Root.get("/OutputIntents")
    if not ois or len(ois) != 1:
        out.append("not exactly one /OutputIntents entry")
    else:
        oi = ois[0]
        if oi.get("/S") != "/GTS_PDFA1":
            out.append(f"output intent /S is {oi.get('/S')}, not /GTS_PDFA1")
        prof = oi.get("/DestOutputProfile")
        if prof is None or int(prof.get("/N", 0)) != 3:
            out.append("output intent has no 3-component DestOutputProfile")
        elif prof.read_bytes() != open(SRGB, "rb").read():
            out.append(f"output profile is not {SRGB}")
        if not str(oi.get("/OutputConditionIdentifier", "")):
            out.append("output intent has no OutputConditionIdentifier")
    vp = pdf.Root.get("/ViewerPreferences")
    if vp is None or vp.get("/DisplayDocTitle") is not True:
        out.append("/ViewerPreferences lacks /DisplayDocTitle true")
    if "/Encrypt" in pdf.trailer:
        out.append("the file is encrypted")
    if "/Names" in pdf.Root and "/JavaScript" in pdf.Root.Names:
        out.append("the file has JavaScript")
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary):
            if obj.get("/S") == "/JavaScript":
                out.append("an action is JavaScript")
            if "/AA" in obj:
                out.append("an object has additional actions (/AA)")
    # Annotations (/Tabs /S, the Print flag) are checked with the links they
    # belong to, by ../accessibility/pdfua_check.py.
    return out


def file_id(raw, pdf):
    """Trailer /ID: two equal strings, the first 16 bytes of the SHA-256 of the file with both zeroed."""
    ids = pdf.trailer.get("/ID")
    if ids is None or len(ids) != 2:
        return ["no trailer /ID of two strings"]
    a, b = bytes(ids[0]), bytes(ids[1])
    if a != b or len(a) != 16:
        return ["trailer /ID strings are not two equal 16-byte strings"]
    hexa = a.hex().upper().encode()
    tail = raw.rfind(b"/ID")
    if tail < 0 or raw.count(hexa, tail) != 2:
        return ["trailer /ID is not written as hex strings in the last trailer"]
    zeroed = raw[:tail] + raw[tail:].replace(hexa, b"0" * 32)
    if hashlib.sha256(zeroed).digest()[:16] != a:
        return ["trailer /ID is not the SHA-256 of the file's content"]
    return []


def poppler_quiet(path):
    """pdftotext and pdftoppm print nothing on stderr."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for cmd in (["pdftotext", path, "-"], ["pdftoppm", "-r", "10", "-png", path, tmp + "/p"]):
            r = subprocess.run(cmd, capture_output=True)
            err = r.stderr.decode("utf-8", "replace").splitlines()
            if err or r.returncode:
                out.append(f"{cmd[0]} exited {r.returncode} and printed {len(err)} lines: "
                           f"{err[0] if err else ''}")
    return out


def problems(path, published=None, poppler=True):
    """Every document-level problem of the PDF at @path."""
    raw = open(path, "rb").read()
    out = header(raw)
    with pikepdf.open(path) as pdf:
        out += fonts(pdf) + metadata(pdf, published) + catalog(pdf) + file_id(raw, pdf)
    r = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    if r.returncode != 0 or "No syntax or stream encoding errors" not in r.stdout:
        out.append("qpdf --check: " + (r.stdout + r.stderr).strip().splitlines()[-1])
    if poppler:
        out += poppler_quiet(path)
    return out
