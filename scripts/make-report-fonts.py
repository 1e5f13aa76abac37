#!/usr/bin/python3
"""Make fonts/PdurepSans-*.ttf, the compact faces the report layouts use.

Usage: scripts/make-report-fonts.py [SOURCE_DIR]   (default: Debian's fonts-liberation2 folder)

PdurepSans is Liberation Sans 2 cut down to the characters English and Welsh
reports need (Latin-1, Latin Extended-A, the Welsh letters of Latin Extended
Additional, common punctuation and symbols), with glyph names dropped and the
family renamed, as the SIL Open Font License requires of a modified version
(Liberation is a Reserved Font Name). Hinting is kept: libharu 2.3.0 refuses a
TrueType file without the cvt, fpgm and prep tables.

Why: libharu builds a 65,536-entry Unicode map for every face it embeds, with a
linear search of the face's cmap for each entry, and compresses the whole
subset it embeds. The full face (2,300 characters) costs about 3 ms a face and
70 KB of font program in every report; the cut-down one a fraction of that.
The output is byte-identical on every run (timestamps are kept from the source).
Needs python3-fonttools (Debian package).
"""

import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Pdurep Sans"
FACES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic"}

# Characters kept, as inclusive code point ranges.
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A: Ŵ ŵ Ŷ ŷ and the letters of most European names
    (0x0218, 0x021B),  # Ș ș Ț ț
    (0x02C6, 0x02C7), (0x02D8, 0x02DD),  # spacing accents
    (0x1E80, 0x1E85),  # Ẁ ẁ Ẃ ẃ Ẅ ẅ
    (0x1EF2, 0x1EF3),  # Ỳ ỳ
    (0x2010, 0x2027),  # dashes, quotation marks, bullet, ellipsis
    (0x2030, 0x2030), (0x2032, 0x2033), (0x2039, 0x203A),
    (0x20AC, 0x20AC),  # €
    (0x2116, 0x2116), (0x2122, 0x2122),
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212), (0x2264, 0x2265),  # minus, ≤ ≥
    (0x25CF, 0x25CF),  # ●
]


def unicodes():
    out = []
    for lo, hi in RANGES:
        out.extend(range(lo, hi + 1))
    return out


def rename(font, style):
    """Give the subset its own family name in every name record that carries one."""
    full = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    ps = "PdurepSans-" + style
    notice = ("Pdurep Sans is a modified version of Liberation Sans 2, cut down by pdurep's "
              "scripts/make-report-fonts.py. Licensed under the SIL Open Font License 1.1.")
    names = font["name"]
    keep = []
    for rec in names.names:
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID in (2, 17):
            rec.string = style
        elif rec.nameID == 3:
            rec.string = f"pdurep: {full}"
        elif rec.nameID == 4:
            rec.string = full
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID == 5:
            rec.string = str(rec.toUnicode()) + "; pdurep subset"
        elif rec.nameID in (7, 8, 9, 11, 12):
            pass  # trademark, manufacturer, designer, URLs: keep as they were
        elif rec.nameID == 0:
            rec.string = str(rec.toUnicode()) + " " + notice
        keep.append(rec)
    names.names = keep


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/liberation2"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = os.path.join(root, "fonts")
    for style in FACES:
        font = TTFont(os.path.join(src, f"LiberationSans-{style}.ttf"), recalcTimestamp=False)
        opts = subset.Options()
        opts.hinting = True             # libharu needs cvt, fpgm and prep
        opts.glyph_names = False        # post format 3: no 2,300 glyph names
        opts.layout_features = []       # libharu neither kerns nor shapes
        opts.drop_tables += ["GPOS", "GSUB", "GDEF", "kern", "FFTM"]
        opts.name_IDs = ["*"]
        opts.name_languages = ["*"]
        opts.notdef_outline = True
        opts.recalc_timestamp = False
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=unicodes())
        sub.subset(font)
        rename(font, style)
        path = os.path.join(out_dir, f"PdurepSans-{style}.ttf")
        font.save(path, reorderTables=True)
        print(f"{path}: {os.path.getsize(path)} bytes, {len(font.getBestCmap())} characters")


if __name__ == "__main__":
    main()
