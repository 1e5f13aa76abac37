/*
 * PDF/A-2a and PDF/UA-1 at the document level, over libharu 2.3.0's object
 * API (hpdf_objects.h, hpdf_font.h, hpdf_doc.h: Debian installs them).
 *
 * libharu's UTF-8 Type0 fonts reuse their *encoding* CMap (CMapType 1,
 * cidrange) as /ToUnicode, which ISO 32000-1 §9.10.3 does not allow and which
 * makes poppler warn on every page; and it writes the descendant font's
 * Ordering as (Identity-H) where (Identity) is meant. Both are repaired in
 * place at save time. Its own PDF/A helper writes a clock-based /ID and
 * partial metadata, so none of it is used.
 */
#include "typeset/pdfa.h"
#include "typeset/alloc.h"
#include "typeset/flate.h"
#include "lib/sbuf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/sha2.h>

#define N_CODES 0x10000
/* Entries per bfchar/bfrange block: ISO 32000-1 §9.10.3 allows at most 100. */
#define CMAP_BLOCK 100
/* The namespace of pdurep's own properties. */
#define PDUREP_NS "urn:pdurep:xmp:1.0#"

typedef struct prop {
    char *name, *value, *description;
} prop;

struct pdurep_pdfa {
    unsigned char *used[PDUREP_FACE_COUNT]; /* bit per BMP code, allocated on first use */
    char *title, *subject, *author, *creator, *lang, *published, *rights;
    time_t when;
    prop *props;
    size_t n_props;
};

pdurep_pdfa *pdurep_pdfa_new(void) { return pdurep_ts_calloc(1, sizeof(pdurep_pdfa)); }

void pdurep_pdfa_free(pdurep_pdfa *a)
{
    if (!a)
        return;
    for (int f = 0; f < PDUREP_FACE_COUNT; f++)
        free(a->used[f]);
    free(a->title);
    free(a->subject);
    free(a->author);
    free(a->creator);
    free(a->lang);
    free(a->published);
    free(a->rights);
    for (size_t i = 0; i < a->n_props; i++) {
        free(a->props[i].name);
        free(a->props[i].value);
        free(a->props[i].description);
    }
    free(a->props);
    free(a);
}

void pdurep_pdfa_note_text(pdurep_pdfa *a, pdurep_face face, const char *text, size_t len)
{
    if (!a || face >= PDUREP_FACE_COUNT)
        return;
    if (!a->used[face] && !(a->used[face] = pdurep_ts_calloc(N_CODES / 8, 1)))
        return; /* the map then lacks these codes: text still shows */
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    while (s < end) {
        unsigned long c;
        int n;
        if (*s < 0x80) {
            c = *s;
            n = 1;
        } else if ((*s & 0xE0) == 0xC0) {
            c = *s & 0x1F;
            n = 2;
        } else if ((*s & 0xF0) == 0xE0) {
            c = *s & 0x0F;
            n = 3;
        } else {
            c = N_CODES; /* beyond the BMP: libharu's 2-byte codes cannot show it */
            n = (*s & 0xF8) == 0xF0 ? 4 : 1;
        }
        for (int i = 1; i < n && s + i < end; i++)
            c = (c << 6) | (s[i] & 0x3F);
        s += n;
        if (c < N_CODES && !(c >= 0xD800 && c <= 0xDFFF))
            a->used[face][c >> 3] |= (unsigned char)(1u << (c & 7));
    }
}

static int set_str(char **slot, const char *v)
{
    char *copy = NULL;
    if (v && !(copy = pdurep_ts_strdup(v)))
        return 0;
    free(*slot);
    *slot = copy;
    return 1;
}

pdurep_error pdurep_pdfa_set_info(pdurep_pdfa *a, const char *title, const char *subject,
                                  const char *author, const char *creator, time_t when)
{
    a->when = when;
    if (!set_str(&a->title, title) || !set_str(&a->subject, subject) ||
        !set_str(&a->author, author) || !set_str(&a->creator, creator))
        return PDUREP_ERROR_NO_MEMORY;
    return PDUREP_OK;
}

pdurep_error pdurep_pdfa_set_lang(pdurep_pdfa *a, const char *tag)
{
    return set_str(&a->lang, tag && *tag ? tag : NULL) ? PDUREP_OK : PDUREP_ERROR_NO_MEMORY;
}

pdurep_error pdurep_pdfa_set_published(pdurep_pdfa *a, const char *date)
{
    if (date && *date) {
        static const char shape[] = "dddd-dd-dd";
        if (strlen(date) != sizeof shape - 1)
            return PDUREP_ERROR_USAGE;
        for (size_t i = 0; shape[i]; i++)
            if (shape[i] == 'd' ? !(date[i] >= '0' && date[i] <= '9') : date[i] != '-')
                return PDUREP_ERROR_USAGE;
    }
    return set_str(&a->published, date && *date ? date : NULL) ? PDUREP_OK : PDUREP_ERROR_NO_MEMORY;
}

pdurep_error pdurep_pdfa_set_rights(pdurep_pdfa *a, const char *text)
{
    return set_str(&a->rights, text && *text ? text : NULL) ? PDUREP_OK : PDUREP_ERROR_NO_MEMORY;
}

pdurep_error pdurep_pdfa_add_property(pdurep_pdfa *a, const char *name, const char *value,
                                      const char *description)
{
    if (!name || !((*name >= 'a' && *name <= 'z') || (*name >= 'A' && *name <= 'Z')))
        return PDUREP_ERROR_USAGE;
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-'))
            return PDUREP_ERROR_USAGE;
    prop *p = NULL;
    for (size_t i = 0; i < a->n_props && !p; i++)
        if (!strcmp(a->props[i].name, name))
            p = &a->props[i];
    if (!p) {
        prop *grown = pdurep_ts_realloc(a->props, (a->n_props + 1) * sizeof *grown);
        if (!grown)
            return PDUREP_ERROR_NO_MEMORY;
        a->props = grown;
        p = &a->props[a->n_props];
        memset(p, 0, sizeof *p);
        if (!(p->name = pdurep_ts_strdup(name)))
            return PDUREP_ERROR_NO_MEMORY;
        a->n_props++;
    }
    if (!set_str(&p->value, value ? value : "") ||
        !set_str(&p->description, description ? description : ""))
        return PDUREP_ERROR_NO_MEMORY;
    return PDUREP_OK;
}

/* ---- text buffer ------------------------------------------------------------ */

/* XML character data: the five special characters, and no control characters
 * (XML 1.0 cannot carry them; a title never needs them). */
static void put_xml(pdurep_sbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': pdurep_sbuf_puts(b, "&amp;"); break;
        case '<': pdurep_sbuf_puts(b, "&lt;"); break;
        case '>': pdurep_sbuf_puts(b, "&gt;"); break;
        case '"': pdurep_sbuf_puts(b, "&quot;"); break;
        case '\'': pdurep_sbuf_puts(b, "&apos;"); break;
        default:
            if ((unsigned char)*s >= 0x20 || *s == '\t')
                pdurep_sbuf_add(b, s, 1);
            else
                pdurep_sbuf_add(b, " ", 1);
        }
    }
}

/* ---- XMP ------------------------------------------------------------------- */

static void put_alt(pdurep_sbuf *b, const char *tag, const char *lang, const char *text)
{
    pdurep_sbuf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
    put_xml(b, text);
    pdurep_sbuf_puts(b, "</rdf:li>");
    if (lang) {
        pdurep_sbuf_puts(b, "<rdf:li xml:lang=\"");
        put_xml(b, lang);
        pdurep_sbuf_puts(b, "\">");
        put_xml(b, text);
        pdurep_sbuf_puts(b, "</rdf:li>");
    }
    pdurep_sbuf_printf(b, "</rdf:Alt></%s>\n", tag);
}

static void put_schema(pdurep_sbuf *b, const char *name, const char *uri, const char *prefix)
{
    pdurep_sbuf_puts(b, "     <rdf:li rdf:parseType=\"Resource\">\n      <pdfaSchema:schema>");
    put_xml(b, name);
    pdurep_sbuf_puts(b, "</pdfaSchema:schema>\n      <pdfaSchema:namespaceURI>");
    put_xml(b, uri);
    pdurep_sbuf_puts(b, "</pdfaSchema:namespaceURI>\n      <pdfaSchema:prefix>");
    put_xml(b, prefix);
    pdurep_sbuf_puts(b, "</pdfaSchema:prefix>\n      <pdfaSchema:property><rdf:Seq>\n");
}

static void put_property(pdurep_sbuf *b, const char *name, const char *type, const char *category,
                         const char *description)
{
    pdurep_sbuf_puts(b, "       <rdf:li rdf:parseType=\"Resource\"><pdfaProperty:name>");
    put_xml(b, name);
    pdurep_sbuf_printf(b, "</pdfaProperty:name><pdfaProperty:valueType>%s</pdfaProperty:valueType>"
            "<pdfaProperty:category>%s</pdfaProperty:category><pdfaProperty:description>",
         type, category);
    put_xml(b, description);
    pdurep_sbuf_puts(b, "</pdfaProperty:description></rdf:li>\n");
}

char *pdurep_pdfa_xmp(const pdurep_pdfa *a)
{
    pdurep_sbuf b = {0};
    char when[32] = "";
    struct tm tm;
    if (gmtime_r(&a->when, &tm))
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* The byte-order mark in begin="" is what the XMP specification asks for. */
    pdurep_sbuf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
              " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
              "  <rdf:Description rdf:about=\"\"\n"
              "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
              "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
              "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
              "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
              "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
              "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
              "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
              "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"\n"
              "    xmlns:pdurep=\"" PDUREP_NS "\">\n"
              "   <pdfaid:part>2</pdfaid:part>\n"
              "   <pdfaid:conformance>A</pdfaid:conformance>\n"
              "   <pdfuaid:part>1</pdfuaid:part>\n"
              "   <dc:format>application/pdf</dc:format>\n");
    /* Each entry mirrors one of the Info dictionary, as PDF/A requires. */
    if (a->title)
        put_alt(&b, "dc:title", a->lang, a->title);
    if (a->subject)
        put_alt(&b, "dc:description", a->lang, a->subject);
    if (a->author) {
        pdurep_sbuf_puts(&b, "   <dc:creator><rdf:Seq><rdf:li>");
        put_xml(&b, a->author);
        pdurep_sbuf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    if (a->lang) {
        pdurep_sbuf_puts(&b, "   <dc:language><rdf:Bag><rdf:li>");
        put_xml(&b, a->lang);
        pdurep_sbuf_puts(&b, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    if (a->rights)
        put_alt(&b, "dc:rights", a->lang, a->rights);
    if (a->published)
        pdurep_sbuf_printf(&b, "   <dc:date><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:date>\n", a->published);
    if (*when)
        pdurep_sbuf_printf(&b, "   <xmp:CreateDate>%s</xmp:CreateDate>\n   <xmp:ModifyDate>%s</xmp:ModifyDate>\n"
                 "   <xmp:MetadataDate>%s</xmp:MetadataDate>\n", when, when, when);
    if (a->creator) {
        pdurep_sbuf_puts(&b, "   <xmp:CreatorTool>");
        put_xml(&b, a->creator);
        pdurep_sbuf_puts(&b, "</xmp:CreatorTool>\n   <pdf:Producer>");
        put_xml(&b, a->creator);
        pdurep_sbuf_puts(&b, "</pdf:Producer>\n");
    }
    for (size_t i = 0; i < a->n_props; i++) {
        pdurep_sbuf_printf(&b, "   <pdurep:%s>", a->props[i].name);
        put_xml(&b, a->props[i].value);
        pdurep_sbuf_printf(&b, "</pdurep:%s>\n", a->props[i].name);
    }
    /* pdfuaid and pdurep are not among PDF/A-2's predefined schemas. */
    pdurep_sbuf_puts(&b, "   <pdfaExtension:schemas><rdf:Bag>\n");
    put_schema(&b, "PDF/UA identification schema", "http://www.aiim.org/pdfua/ns/id/", "pdfuaid");
    put_property(&b, "part", "Integer", "internal", "Part of ISO 14289 the file conforms to");
    pdurep_sbuf_puts(&b, "      </rdf:Seq></pdfaSchema:property>\n     </rdf:li>\n");
    if (a->n_props) {
        put_schema(&b, "pdurep report provenance", PDUREP_NS, "pdurep");
        for (size_t i = 0; i < a->n_props; i++)
            put_property(&b, a->props[i].name, "Text", "external", a->props[i].description);
        pdurep_sbuf_puts(&b, "      </rdf:Seq></pdfaSchema:property>\n     </rdf:li>\n");
    }
    pdurep_sbuf_puts(&b, "   </rdf:Bag></pdfaExtension:schemas>\n"
              "  </rdf:Description>\n"
              " </rdf:RDF>\n"
              "</x:xmpmeta>\n"
              "<?xpacket end=\"r\"?>\n");
    return pdurep_sbuf_take(&b);
}

/* ---- fonts ------------------------------------------------------------------ */

static void block(pdurep_sbuf *b, const char *kind, const char *lines, size_t n)
{
    if (n)
        pdurep_sbuf_printf(b, "%zu begin%s\n", n, kind);
    pdurep_sbuf_puts(b, lines);
    if (n)
        pdurep_sbuf_printf(b, "end%s\n", kind);
}

/* A ToUnicode CMap (CMapType 2) of the codes in @p used: a run of codes that
 * share the high byte is one bfrange, a code on its own one bfchar. */
static char *to_unicode(const unsigned char *used)
{
    pdurep_sbuf out = {0}, ranges = {0}, chars = {0};
    size_t n_ranges = 0, n_chars = 0;
    pdurep_sbuf_puts(&out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
#define USED(c) (used && (used[(c) >> 3] >> ((c) & 7) & 1))
    for (unsigned c = 0; c < N_CODES;) {
        if (!USED(c)) {
            c++;
            continue;
        }
        unsigned e = c;
        while (e + 1 < N_CODES && (e + 1) >> 8 == c >> 8 && USED(e + 1))
            e++;
        if (e > c) {
            pdurep_sbuf_printf(&ranges, "<%04X> <%04X> <%04X>\n", c, e, c);
            if (++n_ranges == CMAP_BLOCK) {
                block(&out, "bfrange", ranges.s, n_ranges);
                ranges.len = 0;
                n_ranges = 0;
            }
        } else {
            pdurep_sbuf_printf(&chars, "<%04X> <%04X>\n", c, c);
            if (++n_chars == CMAP_BLOCK) {
                block(&out, "bfchar", chars.s, n_chars);
                chars.len = 0;
                n_chars = 0;
            }
        }
        c = e + 1;
    }
#undef USED
    if (n_ranges)
        block(&out, "bfrange", ranges.s, n_ranges);
    if (n_chars)
        block(&out, "bfchar", chars.s, n_chars);
    pdurep_sbuf_puts(&out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    int failed = ranges.oom || chars.oom;
    free(ranges.s);
    free(chars.s);
    char *cmap = pdurep_sbuf_take(&out);
    if (failed) {
        free(cmap);
        return NULL;
    }
    return cmap;
}

static pdurep_error fix_font(HPDF_Font font, const unsigned char *used)
{
    HPDF_FontAttr attr = font->attr;
    HPDF_Dict cmap = attr ? attr->cmap_stream : NULL;
    if (!cmap || !cmap->stream)
        return PDUREP_OK; /* not a UTF-8 Type0 face: nothing of libharu's to repair */
    char *text = to_unicode(used);
    if (!text)
        return PDUREP_ERROR_NO_MEMORY;
    /* The encoding CMap's dictionary entries would describe the old content. */
    HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
    HPDF_Dict_RemoveElement(cmap, "CMapName");
    HPDF_Dict_RemoveElement(cmap, "WMode");
    HPDF_Dict_RemoveElement(cmap, "Type");
    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_STATUS st = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)text, (HPDF_UINT)strlen(text));
    free(text);
    if (st != HPDF_OK)
        return PDUREP_ERROR_INTERNAL;
    HPDF_Dict cid = attr->descendant_font;
    HPDF_Dict info = cid ? HPDF_Dict_GetItem(cid, "CIDSystemInfo", HPDF_OCLASS_DICT) : NULL;
    if (info) {
        HPDF_String ord = HPDF_String_New(cid->mmgr, "Identity", NULL);
        if (!ord || HPDF_Dict_Add(info, "Ordering", ord) != HPDF_OK)
            return PDUREP_ERROR_INTERNAL;
    }
    return PDUREP_OK;
}

/* ---- catalog ----------------------------------------------------------------- */

static pdurep_error add_metadata(pdurep_pdfa *a, HPDF_Doc pdf)
{
    char *xmp = pdurep_pdfa_xmp(a);
    if (!xmp)
        return PDUREP_ERROR_NO_MEMORY;
    /* Uncompressed, so that a tool that does not parse PDF can still find the packet. */
    HPDF_Dict md = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_STATUS st = md ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (!st)
        st = HPDF_Dict_AddName(md, "Type", "Metadata");
    if (!st)
        st = HPDF_Dict_AddName(md, "Subtype", "XML");
    if (!st)
        st = HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)xmp, (HPDF_UINT)strlen(xmp));
    if (!st)
        st = HPDF_Dict_Add(pdf->catalog, "Metadata", md);
    free(xmp);
    return st ? PDUREP_ERROR_INTERNAL : PDUREP_OK;
}

static pdurep_error add_output_intent(HPDF_Doc pdf, const char *icc_path, pdurep_diag *diag)
{
    FILE *f = fopen(icc_path, "rb");
    if (!f) {
        int oom = errno == ENOMEM; /* fopen's own allocation, not the profile */
        pdurep_diag_add(diag, icc_path, 0, 0, "cannot read the sRGB colour profile a PDF/A file "
                        "embeds: %s (Debian package icc-profiles-free)", strerror(errno));
        return oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_NO_INPUT;
    }
    HPDF_Dict icc = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    HPDF_STATUS st = icc ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (!st) {
        icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        st = HPDF_Dict_AddNumber(icc, "N", 3);
    }
    unsigned char chunk[4096];
    size_t got, total = 0;
    while (!st && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        st = HPDF_Stream_Write(icc->stream, chunk, (HPDF_UINT)got);
        total += got;
    }
    int bad = ferror(f) || total < 128;
    fclose(f);
    if (!st && bad) {
        pdurep_diag_add(diag, icc_path, 0, 0, "is not a readable ICC colour profile");
        return PDUREP_ERROR_NO_INPUT;
    }
    HPDF_Dict oi = st ? NULL : HPDF_Dict_New(pdf->mmgr);
    HPDF_Array list = oi ? HPDF_Array_New(pdf->mmgr) : NULL;
    st = list ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (!st)
        st = HPDF_Dict_AddName(oi, "Type", "OutputIntent");
    if (!st)
        st = HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
    if (!st)
        st = HPDF_Dict_Add(oi, "OutputConditionIdentifier",
                           HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    if (!st)
        st = HPDF_Dict_Add(oi, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
    if (!st)
        st = HPDF_Dict_Add(oi, "DestOutputProfile", icc);
    if (!st)
        st = HPDF_Array_Add(list, oi);
    if (!st)
        st = HPDF_Dict_Add(pdf->catalog, "OutputIntents", list);
    return st ? PDUREP_ERROR_INTERNAL : PDUREP_OK;
}

static pdurep_error add_viewer_prefs(HPDF_Doc pdf)
{
    HPDF_Dict vp = HPDF_Dict_GetItem(pdf->catalog, "ViewerPreferences", HPDF_OCLASS_DICT);
    if (!vp) {
        vp = HPDF_Dict_New(pdf->mmgr);
        if (!vp || HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", vp) != HPDF_OK)
            return PDUREP_ERROR_INTERNAL;
    }
    /* Viewers show the title rather than the file name (PDF/UA-1 7.1). */
    return HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE) ? PDUREP_ERROR_INTERNAL : PDUREP_OK;
}

static pdurep_error fix_pages(const HPDF_Page *pages, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        HPDF_Array annots = HPDF_Dict_GetItem(pages[i], "Annots", HPDF_OCLASS_ARRAY);
        if (!annots || !HPDF_Array_Items(annots))
            continue;
        /* Tab order follows the structure; annotations must print (PDF/A-2 6.3.2). */
        if (HPDF_Dict_AddName(pages[i], "Tabs", "S"))
            return PDUREP_ERROR_INTERNAL;
        for (HPDF_UINT k = 0; k < HPDF_Array_Items(annots); k++) {
            HPDF_Dict an = HPDF_Array_GetItem(annots, k, HPDF_OCLASS_DICT);
            if (an && HPDF_Dict_AddNumber(an, "F", 4 /* Print */))
                return PDUREP_ERROR_INTERNAL;
        }
    }
    return PDUREP_OK;
}

/* ---- save -------------------------------------------------------------------- */

/* The /ID is the first 16 bytes of the SHA-256 of the file as written with
 * both of its strings all zero bytes: anyone can check it, and the same
 * content always gets the same /ID. */
static const HPDF_BYTE id_slot[16];

static pdurep_error add_id_slot(HPDF_Doc pdf)
{
    HPDF_Array id = HPDF_Array_New(pdf->mmgr);
    HPDF_STATUS st = id ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    for (int i = 0; i < 2 && !st; i++)
        st = HPDF_Array_Add(id, HPDF_Binary_New(pdf->mmgr, (HPDF_BYTE *)id_slot, sizeof id_slot));
    if (!st)
        st = HPDF_Dict_Add(pdf->trailer, "ID", id);
    return st ? PDUREP_ERROR_INTERNAL : PDUREP_OK;
}

/* Fill the zeroed /ID, looked for in the trailer (the last 1 KB), with the hash. */
static int fill_id(unsigned char *file, size_t len)
{
    static const char slot[] = "/ID [ <00000000000000000000000000000000> "
                               "<00000000000000000000000000000000> ]";
    const size_t n = sizeof slot - 1, first = 7, second = 7 + 32 + 3;
    unsigned char *at = NULL;
    for (size_t i = len > 1024 ? len - 1024 : 0; i + n <= len && !at; i++)
        if (!memcmp(file + i, slot, n))
            at = file + i;
    if (!at)
        return 0;
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, file);
    sha256_digest(&ctx, sizeof digest, digest);
    char hex[33];
    for (int i = 0; i < 16; i++)
        snprintf(hex + 2 * i, 3, "%02X", digest[i]);
    memcpy(at + first, hex, 32);
    memcpy(at + second, hex, 32);
    return 1;
}

pdurep_error pdurep_pdfa_save(pdurep_pdfa *a, HPDF_Doc pdf, const pdurep_fonts *fonts,
                              const HPDF_Page *pages, size_t n_pages, const char *icc_path,
                              const char *path, const char *shown, pdurep_diag *diag)
{
    pdurep_error err = PDUREP_OK;
    for (int f = 0; f < PDUREP_FACE_COUNT && !err; f++)
        if (fonts->font[f])
            if (!(err = fix_font(fonts->font[f], a->used[f])))
                err = pdurep_flate_font(fonts->font[f]);
    if (!err)
        err = add_metadata(a, pdf);
    if (!err)
        err = add_output_intent(pdf, icc_path, diag);
    if (!err)
        err = add_viewer_prefs(pdf);
    if (!err)
        err = fix_pages(pages, n_pages);
    if (!err)
        err = pdurep_flate_page_contents(pages, n_pages);
    if (!err)
        err = add_id_slot(pdf);
    if (err)
        return err;
    /* ISO 19005-2 and ISO 14289-1 build on ISO 32000-1. libharu follows the
     * version with the binary comment line PDF/A asks for. */
    pdf->pdf_version = HPDF_VER_17;
    if (HPDF_SaveToStream(pdf) != HPDF_OK)
        return PDUREP_ERROR_INTERNAL;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    unsigned char *file = pdurep_ts_malloc(size ? size : 1);
    if (!file)
        return PDUREP_ERROR_NO_MEMORY;
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, file + got, &n);
        got += n;
        if (st != HPDF_OK || !n)
            break;
    }
    HPDF_ResetStream(pdf);
    if (got != size || !fill_id(file, size)) {
        free(file);
        pdurep_diag_add(diag, shown, 0, 0, "cannot complete the PDF file's /ID");
        return PDUREP_ERROR_INTERNAL;
    }
    FILE *out = fopen(path, "wb");
    int ok = out && fwrite(file, 1, size, out) == size;
    int e = errno;
    /* fclose flushes the last buffer: a full disk may show only here. */
    if (out && fclose(out) && ok) {
        ok = 0;
        e = errno;
    }
    free(file);
    if (!ok) {
        if (e == ENOSPC || e == EDQUOT)
            pdurep_diag_add(diag, shown, 0, 0, "cannot write: the disk is full (%s)", strerror(e));
        else
            pdurep_diag_add(diag, shown, 0, 0, "cannot write the PDF file: %s", strerror(e));
        return e == ENOMEM ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_IO;
    }
    return PDUREP_OK;
}
