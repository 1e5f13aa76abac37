#include "xlsxread.h"
#include "sbuf.h"
#include "util.h"

#include <errno.h>
#include <expat.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <zlib.h>

/* Limits that keep a hostile or broken file from taking the machine: Excel itself stops
 * at 16384 columns, 1048576 rows and 32767 characters a cell. */
#define MAX_COL 16384UL
#define MAX_ROW 1048576UL
#define MAX_CELL_BYTES (256u * 1024u)
#define MAX_SST_BYTES ((size_t)256 * 1024 * 1024)
/* A cell far to the right stands for every empty cell before it, so a few bytes of XML (and
 * a compressed part is a thousand times smaller) can make a row of 16384 values; this bounds
 * a sheet's work by what a real bundle could hold: 64 Mi cells, ten times a 100,000-case
 * sheet of 60 columns. */
#define MAX_SHEET_CELLS (64UL * 1024 * 1024)

struct pdurep_xlsx {
    zip_t *zip;
    char *name;
    struct sheet {
        char *name, *rid, *part;
    } *sheets;
    size_t n_sheets;
    char *sst_part, *styles_part;
    char **sst; /* shared strings */
    size_t n_sst, sst_bytes;
    unsigned char *date_xf; /* per cellXfs entry: 1 when its number format shows a date */
    size_t n_xf;
    int date1904;
};

/* ---- parsing one part ---- */

/* Element and attribute names without their namespace prefix: writers differ in prefixes. */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (!strcmp(local(atts[i]), name))
            return atts[i + 1];
    return NULL;
}

/* Whether libzip failed for want of memory: its own allocation, inflate's, or the system's. */
static int zip_out_of_memory(zip_error_t *e)
{
    int code = zip_error_code_zip(e), sys = zip_error_code_system(e);
    return code == ZIP_ER_MEMORY || (code == ZIP_ER_ZLIB && sys == Z_MEM_ERROR) ||
           (zip_error_system_type(e) == ZIP_ET_SYS && sys == ENOMEM);
}

typedef struct part_parse {
    XML_Parser parser;
    pdurep_error err; /* set by a handler that stopped the parse */
} part_parse;

/* A handler cannot return an error: it records one and stops the parse, which
 * parse_part() then returns. */
static void part_fail(part_parse *pp, pdurep_error err)
{
    pp->err = err;
    XML_StopParser(pp->parser, XML_FALSE);
}

/* realloc for @p n elements of @p size; NULL (the array as it was) on overflow or when
 * memory ran out. */
static void *resized(void *array, size_t n, size_t size)
{
    return n > SIZE_MAX / size ? NULL : realloc(array, n * size);
}

/*
 * Stream a part of the package through expat. @p pp must be the first member of the
 * handlers' user data. A missing optional part is no error.
 */
static pdurep_error parse_part(pdurep_xlsx *x, const char *part, int required,
                               XML_StartElementHandler start, XML_EndElementHandler end,
                               XML_CharacterDataHandler chars, part_parse *pp,
                               const char *where, pdurep_diag *diag)
{
    zip_file_t *f = zip_fopen(x->zip, part, ZIP_FL_NOCASE);
    if (!f) {
        zip_error_t *e = zip_get_error(x->zip);
        if (zip_out_of_memory(e))
            return PDUREP_ERROR_NO_MEMORY;
        if (zip_error_code_zip(e) != ZIP_ER_NOENT)
            pdurep_diag_add(diag, where, 0, 0, "cannot read part %s of the workbook: %s", part,
                            zip_error_strerror(e));
        else if (!required)
            return PDUREP_OK;
        else
            pdurep_diag_add(diag, where, 0, 0, "not a readable workbook: it has no part %s",
                            part);
        return PDUREP_ERROR_DATA;
    }
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p) {
        zip_fclose(f);
        return PDUREP_ERROR_NO_MEMORY;
    }
    pp->parser = p;
    pp->err = PDUREP_OK;
    XML_SetUserData(p, pp);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, chars);
    pdurep_error err = PDUREP_OK;
    char buf[65536];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            if (zip_out_of_memory(zip_file_get_error(f))) {
                err = PDUREP_ERROR_NO_MEMORY;
                break;
            }
            pdurep_diag_add(diag, where, 0, 0, "cannot read part %s of the workbook: %s", part,
                            zip_file_strerror(f));
            err = PDUREP_ERROR_DATA;
            break;
        }
        if (XML_Parse(p, buf, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (pp->err)
                err = pp->err;
            else if (XML_GetErrorCode(p) == XML_ERROR_NO_MEMORY)
                err = PDUREP_ERROR_NO_MEMORY;
            else {
                pdurep_diag_add(diag, where, 0, 0, "part %s of the workbook is not well-formed "
                                "XML (line %lu): %s", part,
                                (unsigned long)XML_GetCurrentLineNumber(p),
                                XML_ErrorString(XML_GetErrorCode(p)));
                err = PDUREP_ERROR_DATA;
            }
            break;
        }
        if (n == 0)
            break;
    }
    XML_ParserFree(p);
    zip_fclose(f);
    return err;
}

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/sheet1.xml"; NULL when
 * memory ran out. */
static char *part_path(const char *target)
{
    if (target[0] == '/')
        return strdup(target + 1);
    return pdurep_asprintf("xl/%s", target);
}

/* ---- workbook.xml and its relationships ---- */

typedef struct sheet_rid {
    const char *rid;
    size_t i;
} sheet_rid;

typedef struct book_parse {
    part_parse pp;
    pdurep_xlsx *x;
    sheet_rid *by_rid; /* the sheets sorted by relationship id, made at the first Relationship */
} book_parse;

/* Arrays that grow by one element at a time double at powers of two, so a workbook with a
 * million sheets or formats costs a million steps, not a million copies. */
static int full(size_t n) { return (n & (n - 1)) == 0; }

static int rid_cmp(const void *a, const void *b)
{
    const sheet_rid *l = a, *r = b;
    int c = strcmp(l->rid, r->rid);
    return c ? c : (l->i > r->i) - (l->i < r->i);
}

static void book_start(void *ud, const char *el, const char **atts)
{
    book_parse *b = ud;
    pdurep_xlsx *x = b->x;
    el = local(el);
    if (!strcmp(el, "workbookPr")) {
        const char *v = attr(atts, "date1904");
        x->date1904 = v && (!strcmp(v, "1") || !strcmp(v, "true"));
    } else if (!strcmp(el, "sheet")) {
        const char *name = attr(atts, "name"), *rid = attr(atts, "id");
        if (!name || !rid)
            return;
        if (full(x->n_sheets)) {
            struct sheet *sheets = resized(x->sheets, x->n_sheets ? x->n_sheets * 2 : 1,
                                           sizeof *sheets);
            if (!sheets) {
                part_fail(&b->pp, PDUREP_ERROR_NO_MEMORY);
                return;
            }
            x->sheets = sheets;
        }
        struct sheet sh = {strdup(name), strdup(rid), NULL};
        if (!sh.name || !sh.rid) {
            free(sh.name);
            free(sh.rid);
            part_fail(&b->pp, PDUREP_ERROR_NO_MEMORY);
            return;
        }
        x->sheets[x->n_sheets++] = sh;
    }
}

static void no_end(void *ud, const char *el)
{
    (void)ud;
    (void)el;
}

static void no_chars(void *ud, const char *s, int len)
{
    (void)ud;
    (void)s;
    (void)len;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

static void rels_start(void *ud, const char *el, const char **atts)
{
    book_parse *b = ud;
    pdurep_xlsx *x = b->x;
    if (strcmp(local(el), "Relationship"))
        return;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"), *target = attr(atts, "Target");
    if (!id || !type || !target)
        return;
    if (ends_with(type, "/worksheet")) {
        if (!x->n_sheets)
            return;
        if (!b->by_rid) {
            b->by_rid = malloc(x->n_sheets * sizeof *b->by_rid);
            if (!b->by_rid) {
                part_fail(&b->pp, PDUREP_ERROR_NO_MEMORY);
                return;
            }
            for (size_t i = 0; i < x->n_sheets; i++)
                b->by_rid[i] = (sheet_rid){x->sheets[i].rid, i};
            qsort(b->by_rid, x->n_sheets, sizeof *b->by_rid, rid_cmp);
        }
        /* The first sheet of this id, then every other sheet that shares it. */
        size_t lo = 0, hi = x->n_sheets;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(b->by_rid[mid].rid, id) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (; lo < x->n_sheets && !strcmp(b->by_rid[lo].rid, id); lo++)
            if (!x->sheets[b->by_rid[lo].i].part &&
                !(x->sheets[b->by_rid[lo].i].part = part_path(target))) {
                part_fail(&b->pp, PDUREP_ERROR_NO_MEMORY);
                return;
            }
    } else if (ends_with(type, "/sharedStrings") && !x->sst_part) {
        if (!(x->sst_part = part_path(target)))
            part_fail(&b->pp, PDUREP_ERROR_NO_MEMORY);
    } else if (ends_with(type, "/styles") && !x->styles_part) {
        if (!(x->styles_part = part_path(target)))
            part_fail(&b->pp, PDUREP_ERROR_NO_MEMORY);
    }
}

/* ---- sharedStrings.xml ---- */

typedef struct sst_parse {
    part_parse pp;
    pdurep_xlsx *x;
    pdurep_sbuf t;
    int in_si, in_t, in_rph;
    const char *where;
    pdurep_diag *diag;
} sst_parse;

static void sst_start(void *ud, const char *el, const char **atts)
{
    sst_parse *s = ud;
    (void)atts;
    el = local(el);
    if (!strcmp(el, "si")) {
        s->in_si = 1;
        s->t.len = 0;
        pdurep_sbuf_add(&s->t, "", 0);
        if (s->t.oom)
            part_fail(&s->pp, PDUREP_ERROR_NO_MEMORY);
    } else if (!strcmp(el, "rPh")) {
        s->in_rph = 1; /* phonetic guides are not part of the value */
    } else if (!strcmp(el, "t")) {
        s->in_t = 1;
    }
}

static void sst_end(void *ud, const char *el)
{
    sst_parse *s = ud;
    pdurep_xlsx *x = s->x;
    el = local(el);
    if (!strcmp(el, "t")) {
        s->in_t = 0;
    } else if (!strcmp(el, "rPh")) {
        s->in_rph = 0;
    } else if (!strcmp(el, "si") && s->in_si) {
        s->in_si = 0;
        x->sst_bytes += s->t.len + 1 + sizeof(char *);
        if (x->sst_bytes > MAX_SST_BYTES) {
            pdurep_diag_add(s->diag, s->where, 0, 0, "the workbook's shared strings are larger "
                            "than %zu MB", MAX_SST_BYTES >> 20);
            part_fail(&s->pp, PDUREP_ERROR_DATA);
            return;
        }
        if (full(x->n_sst)) {
            char **sst = resized(x->sst, x->n_sst ? x->n_sst * 2 : 1, sizeof *sst);
            if (!sst) {
                part_fail(&s->pp, PDUREP_ERROR_NO_MEMORY);
                return;
            }
            x->sst = sst;
        }
        if (!(x->sst[x->n_sst] = strdup(s->t.s))) {
            part_fail(&s->pp, PDUREP_ERROR_NO_MEMORY);
            return;
        }
        x->n_sst++;
    }
}

static void sst_chars(void *ud, const char *str, int len)
{
    sst_parse *s = ud;
    if (s->in_si && s->in_t && !s->in_rph) {
        if (s->t.len + (size_t)len > MAX_CELL_BYTES) {
            pdurep_diag_add(s->diag, s->where, 0, 0, "a shared string of the workbook is longer "
                            "than %u KB", MAX_CELL_BYTES >> 10);
            part_fail(&s->pp, PDUREP_ERROR_DATA);
            return;
        }
        pdurep_sbuf_add(&s->t, str, (size_t)len);
        if (s->t.oom)
            part_fail(&s->pp, PDUREP_ERROR_NO_MEMORY);
    }
}

/* ---- styles.xml: which cell formats show dates ---- */

typedef struct style_parse {
    part_parse pp;
    pdurep_xlsx *x;
    int in_xfs, seen_xfs;
    long *fmt_ids;     /* custom number formats that show dates, sorted once cellXfs begins */
    size_t n_fmt_ids;
} style_parse;

static int long_cmp(const void *a, const void *b)
{
    long l = *(const long *)a, r = *(const long *)b;
    return (l > r) - (l < r);
}

static int builtin_date(long id)
{
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

/* A format shows a date when it has a day or year code outside quotes, brackets and escapes
 * (a format with only h, m and s is a time of day, not a date). */
static int code_is_date(const char *code)
{
    for (const char *p = code; *p; p++) {
        if (*p == '"') {
            const char *q = strchr(p + 1, '"');
            if (!q)
                return 0;
            p = q;
        } else if (*p == '[') {
            const char *q = strchr(p + 1, ']');
            if (!q)
                return 0;
            p = q;
        } else if (*p == '\\' || *p == '_' || *p == '*') {
            if (!p[1])
                return 0;
            p++;
        } else if (*p == 'd' || *p == 'D' || *p == 'y' || *p == 'Y') {
            return 1;
        }
    }
    return 0;
}

static void style_start(void *ud, const char *el, const char **atts)
{
    style_parse *s = ud;
    pdurep_xlsx *x = s->x;
    el = local(el);
    /* The schema puts numFmts before cellXfs; a format after it would belong to nothing. */
    if (!strcmp(el, "numFmt") && !s->seen_xfs) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        long n;
        if (id && code && !pdurep_parse_long(id, &n) && code_is_date(code)) {
            if (full(s->n_fmt_ids)) {
                long *ids = resized(s->fmt_ids, s->n_fmt_ids ? s->n_fmt_ids * 2 : 1, sizeof *ids);
                if (!ids) {
                    part_fail(&s->pp, PDUREP_ERROR_NO_MEMORY);
                    return;
                }
                s->fmt_ids = ids;
            }
            s->fmt_ids[s->n_fmt_ids++] = n;
        }
    } else if (!strcmp(el, "cellXfs")) {
        s->in_xfs = 1;
        if (!s->seen_xfs && s->n_fmt_ids)
            qsort(s->fmt_ids, s->n_fmt_ids, sizeof *s->fmt_ids, long_cmp);
        s->seen_xfs = 1;
    } else if (!strcmp(el, "xf") && s->in_xfs && x->n_xf < MAX_COL * 4) {
        const char *id = attr(atts, "numFmtId");
        long n = -1;
        if (id)
            pdurep_parse_long(id, &n);
        int date = builtin_date(n) ||
                   (s->n_fmt_ids &&
                    bsearch(&n, s->fmt_ids, s->n_fmt_ids, sizeof *s->fmt_ids, long_cmp));
        if (full(x->n_xf)) {
            unsigned char *xf = resized(x->date_xf, x->n_xf ? x->n_xf * 2 : 1, 1);
            if (!xf) {
                part_fail(&s->pp, PDUREP_ERROR_NO_MEMORY);
                return;
            }
            x->date_xf = xf;
        }
        x->date_xf[x->n_xf++] = (unsigned char)date;
    }
}

static void style_end(void *ud, const char *el)
{
    style_parse *s = ud;
    if (!strcmp(local(el), "cellXfs"))
        s->in_xfs = 0;
}

/* ---- opening ---- */

static pdurep_error open_zip(zip_t *z, const char *name, pdurep_xlsx **out, pdurep_diag *diag);

/* The status and message for a workbook libzip could not open or create. */
static pdurep_error open_failed(zip_error_t *e, const char *name, pdurep_diag *diag)
{
    int code = zip_error_code_zip(e);
    if (zip_out_of_memory(e))
        return PDUREP_ERROR_NO_MEMORY;
    if (code == ZIP_ER_OPEN || code == ZIP_ER_NOENT || code == ZIP_ER_READ) {
        pdurep_diag_add(diag, name, 0, 0, "cannot open: %s", zip_error_strerror(e));
        return code == ZIP_ER_READ ? PDUREP_ERROR_IO : PDUREP_ERROR_NO_INPUT;
    }
    pdurep_diag_add(diag, name, 0, 0, "not an XLSX workbook (%s); save it from the "
                    "spreadsheet as Excel Workbook (.xlsx)", zip_error_strerror(e));
    return PDUREP_ERROR_DATA;
}

/* A workbook from @p src (taken, whatever happens), or the reason there is none. */
static pdurep_error open_source(zip_source_t *src, const char *name, pdurep_xlsx **out,
                                pdurep_diag *diag)
{
    zip_error_t e;
    zip_error_init(&e);
    zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &e);
    /* libzip 1.7 takes an allocation that fails while it looks for the central directory for
     * a candidate that is not one, and then calls the file no ZIP archive. A second look
     * tells the two apart: a damaged file fails the same way again. */
    int code = zip_error_code_zip(&e);
    if (!z && (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)) {
        zip_error_fini(&e);
        zip_error_init(&e);
        z = zip_open_from_source(src, ZIP_RDONLY, &e);
    }
    pdurep_error err = z ? PDUREP_OK : open_failed(&e, name, diag);
    zip_error_fini(&e);
    if (!z) {
        zip_source_free(src);
        return err;
    }
    return open_zip(z, name, out, diag);
}

pdurep_error pdurep_xlsx_open(const char *path, const char *name, pdurep_xlsx **out,
                              pdurep_diag *diag)
{
    *out = NULL;
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t *src = zip_source_file_create(path, 0, -1, &e);
    pdurep_error err = src ? open_source(src, name, out, diag) : open_failed(&e, name, diag);
    zip_error_fini(&e);
    return err;
}

pdurep_error pdurep_xlsx_open_buffer(const void *data, size_t len, const char *name,
                                     pdurep_xlsx **out, pdurep_diag *diag)
{
    *out = NULL;
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &e);
    pdurep_error err = src ? open_source(src, name, out, diag) : open_failed(&e, name, diag);
    zip_error_fini(&e);
    return err;
}

static pdurep_error open_zip(zip_t *z, const char *name, pdurep_xlsx **out, pdurep_diag *diag)
{
    pdurep_xlsx *x = calloc(1, sizeof *x);
    if (!x) {
        zip_discard(z);
        return PDUREP_ERROR_NO_MEMORY;
    }
    x->zip = z;
    if (!(x->name = strdup(name))) {
        pdurep_xlsx_close(x);
        return PDUREP_ERROR_NO_MEMORY;
    }
    book_parse b = {.x = x};
    pdurep_error err = parse_part(x, "xl/workbook.xml", 1, book_start, no_end, no_chars, &b.pp,
                                  name, diag);
    if (!err)
        err = parse_part(x, "xl/_rels/workbook.xml.rels", 1, rels_start, no_end, no_chars,
                         &b.pp, name, diag);
    free(b.by_rid);
    for (size_t i = 0; !err && i < x->n_sheets; i++)
        if (!x->sheets[i].part) {
            pdurep_diag_add(diag, name, 0, 0, "not a readable workbook: sheet \"%s\" has no "
                            "part", x->sheets[i].name);
            err = PDUREP_ERROR_DATA;
        }
    if (!err) {
        sst_parse s = {.x = x, .where = name, .diag = diag};
        err = parse_part(x, x->sst_part ? x->sst_part : "xl/sharedStrings.xml", 0, sst_start,
                         sst_end, sst_chars, &s.pp, name, diag);
        free(s.t.s);
    }
    if (!err) {
        style_parse s = {.x = x};
        err = parse_part(x, x->styles_part ? x->styles_part : "xl/styles.xml", 0, style_start,
                         style_end, no_chars, &s.pp, name, diag);
        free(s.fmt_ids);
    }
    if (err) {
        pdurep_xlsx_close(x);
        return err;
    }
    *out = x;
    return PDUREP_OK;
}

void pdurep_xlsx_close(pdurep_xlsx *x)
{
    if (!x)
        return;
    if (x->zip)
        zip_discard(x->zip);
    for (size_t i = 0; i < x->n_sheets; i++) {
        free(x->sheets[i].name);
        free(x->sheets[i].part);
        free(x->sheets[i].rid);
    }
    free(x->sheets);
    for (size_t i = 0; i < x->n_sst; i++)
        free(x->sst[i]);
    free(x->sst);
    free(x->sst_part);
    free(x->styles_part);
    free(x->date_xf);
    free(x->name);
    free(x);
}

size_t pdurep_xlsx_sheet_count(const pdurep_xlsx *x) { return x->n_sheets; }

const char *pdurep_xlsx_sheet_name(const pdurep_xlsx *x, size_t i)
{
    return i < x->n_sheets ? x->sheets[i].name : NULL;
}

long pdurep_xlsx_find_sheet(const pdurep_xlsx *x, const char *name)
{
    for (size_t i = 0; i < x->n_sheets; i++)
        if (!strcmp(x->sheets[i].name, name))
            return (long)i;
    for (size_t i = 0; i < x->n_sheets; i++)
        if (pdurep_strieq(x->sheets[i].name, name))
            return (long)i;
    return -1;
}

/* ---- a sheet, streamed ---- */

enum cell_type { CT_NUMBER, CT_SHARED, CT_STRING, CT_INLINE, CT_BOOL, CT_ERROR, CT_DATE };

typedef struct sheet_parse {
    part_parse pp;
    pdurep_xlsx *x;
    const pdurep_rows *src;
    pdurep_diag *diag;
    pdurep_csv_row_fn fn;
    void *user;
    int stop; /* the row callback's non-zero return */

    unsigned long row, prev_row; /* current and last row number */
    unsigned long col;           /* column of the current cell */
    unsigned long n_cols;        /* columns filled in this row */
    unsigned long n_cells;       /* cells of the sheet so far, gaps included */
    int in_row, in_cell, in_v, in_is, in_t, in_rph;
    enum cell_type type;
    long xf;
    pdurep_sbuf value; /* the current cell's raw text */
    pdurep_sbuf cells; /* the row's values back to back, NUL-terminated */
    size_t *offsets, *lengths, cap;
    const char **fields;
} sheet_parse;

static void sheet_fail(sheet_parse *s, pdurep_error err) { part_fail(&s->pp, err); }

/* "I14" into column 9 and row 14; 0 on a malformed reference. */
static int parse_ref(const char *r, unsigned long *col, unsigned long *row)
{
    unsigned long c = 0, n = 0;
    const char *p = r;
    for (; (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'); p++) {
        c = c * 26 + (unsigned long)((*p | 0x20) - 'a' + 1);
        if (c > MAX_COL)
            return 0;
    }
    const char *digits = p;
    for (; *p >= '0' && *p <= '9'; p++) {
        n = n * 10 + (unsigned long)(*p - '0');
        if (n > MAX_ROW)
            return 0;
    }
    if (p == r || *p || (digits != p && n == 0))
        return 0;
    *col = c;
    *row = digits == p ? 0 : n;
    return 1;
}

static void add_cell(sheet_parse *s, unsigned long col, const char *v, size_t len)
{
    if (col > s->cap) {
        size_t cap = s->cap ? s->cap : 64;
        while (cap < col)
            cap *= 2;
        /* Each array keeps the old capacity until all three have grown. */
        size_t *offsets = resized(s->offsets, cap, sizeof *offsets);
        if (offsets)
            s->offsets = offsets;
        size_t *lengths = offsets ? resized(s->lengths, cap, sizeof *lengths) : NULL;
        if (lengths)
            s->lengths = lengths;
        const char **fields = lengths ? resized(s->fields, cap, sizeof *fields) : NULL;
        if (!fields) {
            sheet_fail(s, PDUREP_ERROR_NO_MEMORY);
            return;
        }
        s->fields = fields;
        s->cap = cap;
    }
    /* Cells a writer left out are empty: one NUL each. */
    for (; s->n_cols < col - 1; s->n_cols++) {
        s->offsets[s->n_cols] = s->cells.len;
        s->lengths[s->n_cols] = 0;
        pdurep_sbuf_add(&s->cells, "", 1);
    }
    s->offsets[s->n_cols] = s->cells.len;
    s->lengths[s->n_cols++] = len;
    pdurep_sbuf_add(&s->cells, v, len);
    pdurep_sbuf_add(&s->cells, "", 1);
    if (s->cells.oom)
        sheet_fail(s, PDUREP_ERROR_NO_MEMORY);
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian). */
static void civil(long z, long *y, unsigned *m, unsigned *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned long doe = (unsigned long)(z - era * 146097);
    unsigned long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = (long)yoe + era * 400;
    unsigned long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned long mp = (5 * doy + 2) / 153;
    *d = (unsigned)(doy - (153 * mp + 2) / 5 + 1);
    *m = (unsigned)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

/* A serial day number of either date system as YYYY-MM-DD; 0 when out of range. */
static int serial_date(const pdurep_xlsx *x, double serial, char out[32])
{
    if (!(serial >= 0 && serial < 2958466)) /* up to 9999-12-31 */
        return 0;
    long days = (long)floor(serial);
    long unix_days;
    if (x->date1904) {
        unix_days = days - 24107; /* 1904-01-01 is day 0 */
    } else {
        if (days < 1)
            return 0;
        if (days == 60) { /* Lotus 1-2-3's 1900-02-29, kept by Excel for compatibility */
            snprintf(out, 32, "1900-02-29");
            return 1;
        }
        unix_days = days - (days > 60 ? 25569 : 25568);
    }
    long y;
    unsigned m, d;
    civil(unix_days, &y, &m, &d);
    snprintf(out, 32, "%04ld-%02u-%02u", y, m, d);
    return 1;
}

static void sheet_start(void *ud, const char *el, const char **atts)
{
    sheet_parse *s = ud;
    el = local(el);
    if (!strcmp(el, "c") && s->in_row) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t"), *st = attr(atts, "s");
        unsigned long col = s->n_cols + 1, row = s->row;
        if (r && (!parse_ref(r, &col, &row) || !col || (row && row != s->row))) {
            pdurep_rows_problem(s->src, s->diag, s->row, 0, "the workbook is damaged: cell "
                                "reference \"%s\" in row %lu", r, s->row);
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        if (col <= s->n_cols) {
            pdurep_rows_problem(s->src, s->diag, s->row, col, "the workbook is damaged: this "
                                "cell appears twice or out of order");
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        s->n_cells += col - s->n_cols;
        if (s->n_cells > MAX_SHEET_CELLS) {
            pdurep_rows_problem(s->src, s->diag, s->row, col, "the sheet is too large: more "
                                "than %lu cells, counting the empty cells before the last one "
                                "of each row", MAX_SHEET_CELLS);
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        s->value.len = 0;
        pdurep_sbuf_add(&s->value, "", 0);
        if (s->value.oom) {
            sheet_fail(s, PDUREP_ERROR_NO_MEMORY);
            return;
        }
        s->col = col;
        s->in_cell = 1;
        s->type = !t || !strcmp(t, "n") ? CT_NUMBER : !strcmp(t, "s") ? CT_SHARED
                  : !strcmp(t, "inlineStr") ? CT_INLINE : !strcmp(t, "b") ? CT_BOOL
                  : !strcmp(t, "e") ? CT_ERROR : !strcmp(t, "d") ? CT_DATE : CT_STRING;
        s->xf = -1;
        if (st)
            pdurep_parse_long(st, &s->xf);
    } else if (!strcmp(el, "v") && s->in_cell) {
        s->in_v = 1;
    } else if (!strcmp(el, "is") && s->in_cell) {
        s->in_is = 1;
    } else if (!strcmp(el, "rPh")) {
        s->in_rph = 1;
    } else if (!strcmp(el, "t") && s->in_is) {
        s->in_t = 1;
    } else if (!strcmp(el, "row")) {
        const char *r = attr(atts, "r");
        unsigned long n = s->prev_row + 1;
        long v;
        if (r && (pdurep_parse_long(r, &v) || v < 1 || (unsigned long)v > MAX_ROW ||
                  (unsigned long)v <= s->prev_row)) {
            pdurep_rows_problem(s->src, s->diag, 0, 0, "the workbook is damaged: row number "
                                "\"%s\" after row %lu", r, s->prev_row);
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        if (r)
            n = (unsigned long)v;
        else if (n > MAX_ROW) {
            pdurep_rows_problem(s->src, s->diag, 0, 0, "the sheet has more than %lu rows, "
                                "more than a spreadsheet can hold", MAX_ROW);
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        s->row = n;
        s->in_row = 1;
        s->n_cols = 0;
        s->cells.len = 0;
    } else if (!strcmp(el, "mergeCell")) {
        const char *ref = attr(atts, "ref");
        char first[32] = "";
        unsigned long col = 0, row = 0;
        if (ref) {
            snprintf(first, sizeof first, "%.*s", (int)strcspn(ref, ":"), ref);
            if (!parse_ref(first, &col, &row))
                col = row = 0;
        }
        pdurep_rows_problem(s->src, s->diag, row, col, "merged cells %s: a bundle sheet needs "
                            "one value in each cell (unmerge them)", ref ? ref : "");
    }
}

static void finish_cell(sheet_parse *s)
{
    pdurep_xlsx *x = s->x;
    const char *v = s->value.s;
    size_t len = s->value.len;
    char buf[64];
    switch (s->type) {
    case CT_SHARED: {
        long i;
        if (!len || pdurep_parse_long(v, &i) || i < 0 || (size_t)i >= x->n_sst) {
            pdurep_rows_problem(s->src, s->diag, s->row, s->col, "the workbook is damaged: "
                                "shared string \"%s\" does not exist", v);
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        v = x->sst[i];
        len = strlen(v);
        break;
    }
    case CT_NUMBER: {
        double d;
        if (!len)
            break;
        if (pdurep_parse_double(v, &d)) {
            pdurep_rows_problem(s->src, s->diag, s->row, s->col, "the workbook is damaged: "
                                "number \"%s\" cannot be read", v);
            sheet_fail(s, PDUREP_ERROR_DATA);
            return;
        }
        int date = s->xf >= 0 && (size_t)s->xf < x->n_xf && x->date_xf[s->xf] &&
                   serial_date(x, d, buf);
        if (!date) {
            /* The shortest text that reads back as the same number, as a cell shows it. */
            snprintf(buf, sizeof buf, "%.15g", d);
            if (strtod(buf, NULL) != d)
                snprintf(buf, sizeof buf, "%.17g", d);
        }
        v = buf;
        len = strlen(buf);
        break;
    }
    case CT_BOOL:
        v = !strcmp(v, "1") ? "TRUE" : "FALSE";
        len = strlen(v);
        break;
    case CT_DATE:
        /* ISO 8601 in the cell: the date is its first ten characters. */
        if (len > 10 && v[10] == 'T')
            len = 10;
        break;
    default:
        break;
    }
    add_cell(s, s->col, v, len);
}

static void sheet_end(void *ud, const char *el)
{
    sheet_parse *s = ud;
    el = local(el);
    if (!strcmp(el, "v")) {
        s->in_v = 0;
    } else if (!strcmp(el, "t")) {
        s->in_t = 0;
    } else if (!strcmp(el, "rPh")) {
        s->in_rph = 0;
    } else if (!strcmp(el, "is")) {
        s->in_is = 0;
    } else if (!strcmp(el, "c") && s->in_cell) {
        s->in_cell = 0;
        if (!s->pp.err) /* expat may report the end of an element after a handler stopped it */
            finish_cell(s);
    } else if (!strcmp(el, "row") && s->in_row) {
        s->in_row = 0;
        s->prev_row = s->row;
        if (!s->n_cols || s->pp.err)
            return;
        for (size_t i = 0; i < s->n_cols; i++)
            s->fields[i] = s->cells.s + s->offsets[i];
        pdurep_csv_row row = {s->fields, s->lengths, s->n_cols, s->row, 0};
        int rc = s->fn(&row, s->user);
        if (rc) {
            s->stop = rc;
            sheet_fail(s, (pdurep_error)rc);
        }
    }
}

static void sheet_chars(void *ud, const char *str, int len)
{
    sheet_parse *s = ud;
    if (!(s->in_v || (s->in_t && !s->in_rph)))
        return;
    if (s->value.len + (size_t)len > MAX_CELL_BYTES) {
        pdurep_rows_problem(s->src, s->diag, s->row, s->col, "the cell holds more than %u KB "
                            "of text", MAX_CELL_BYTES >> 10);
        sheet_fail(s, PDUREP_ERROR_DATA);
        return;
    }
    pdurep_sbuf_add(&s->value, str, (size_t)len);
    if (s->value.oom)
        sheet_fail(s, PDUREP_ERROR_NO_MEMORY);
}

pdurep_error pdurep_xlsx_read(const pdurep_rows *src, pdurep_csv_row_fn fn, void *user,
                              pdurep_diag *diag)
{
    pdurep_xlsx *x = src->book;
    sheet_parse s = {.x = x, .src = src, .diag = diag, .fn = fn, .user = user};
    size_t before = pdurep_diag_total(diag);
    pdurep_error err = parse_part(x, x->sheets[src->sheet].part, 1, sheet_start, sheet_end,
                                  sheet_chars, &s.pp, src->name, diag);
    free(s.value.s);
    free(s.cells.s);
    free(s.offsets);
    free(s.lengths);
    free(s.fields);
    if (err)
        return err;
    /* Invalid UTF-8 cannot pass expat, so the text is known to be good here. */
    return pdurep_diag_total(diag) > before ? PDUREP_ERROR_DATA : PDUREP_OK;
}
