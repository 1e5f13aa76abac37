/*
 * A chart's cached values, read back against the cells they cache. A chart
 * part keeps a copy of every value it plots so that a reader needs no sheet to
 * draw it. libxlsxwriter 1.1.4 fills that copy while closing the workbook and,
 * when an allocation fails, leaves it out or writes 0 in place of a label
 * (workbook.c, _populate_range_data_cache) and still reports success. The
 * fault run found both. Only a comparison with the cells tells either from a
 * good chart, so this one reads the package back: the charts with expat, the
 * cells with the workbook reader the importer uses.
 */
#include "annexe_internal.h"
#include "lib/sbuf.h"
#include "lib/util.h"
#include "lib/xlsxread.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* One range a chart plots or names, with what its cache holds for each cell. */
typedef struct cache_ref {
    char *sheet;
    unsigned long row1, col1, row2, col2; /* 1-based, inclusive */
    int numeric;                          /* a numRef: text in its cells is cached as 0 */
    int cached;                           /* a numCache or strCache came with it */
    size_t n;                             /* cells in the range */
    char **pt;                            /* per cell, the cached text; NULL without a point */
    unsigned char *met;                   /* per cell, 1 once the sheet's cell was compared */
} cache_ref;

typedef struct chart_refs {
    cache_ref *ref;
    size_t n, cap;
    cache_ref *cur; /* the reference being read */
    pdurep_sbuf text;
    int collecting;  /* inside c:f or c:v */
    long pt;         /* index of the c:pt being read */
    int bad;         /* out of memory, or a chart this check cannot follow */
} chart_refs;

/* "$AB$12" at *@p s: its column and row, 1-based; @p s moves past it. 0, or -1. */
static int cell_at(const char **s, unsigned long *row, unsigned long *col)
{
    const char *p = *s;
    unsigned long c = 0, r = 0;
    if (*p == '$')
        p++;
    for (; *p >= 'A' && *p <= 'Z' && c < 100000; p++)
        c = c * 26 + (unsigned long)(*p - 'A' + 1);
    if (*p == '$')
        p++;
    for (; *p >= '0' && *p <= '9' && r < 10000000; p++)
        r = r * 10 + (unsigned long)(*p - '0');
    if (!c || !r)
        return -1;
    *row = r, *col = c, *s = p;
    return 0;
}

/* 'Chart 2'!$B$7:$B$18 or Sheet!$C$6 into @p r. 0, or -1. */
static int parse_formula(const char *f, cache_ref *r)
{
    const char *p = f;
    char *name = malloc(strlen(f) + 1), *o = name;
    if (!name)
        return -1;
    if (*p == '\'') {
        for (p++; *p && !(p[0] == '\'' && p[1] != '\''); p++) {
            if (*p == '\'')
                p++; /* '' is a quote in the name */
            *o++ = *p;
        }
        if (*p == '\'')
            p++;
    } else {
        for (; *p && *p != '!'; p++)
            *o++ = *p;
    }
    *o = '\0';
    r->sheet = name;
    if (*p++ != '!' || cell_at(&p, &r->row1, &r->col1))
        return -1;
    r->row2 = r->row1, r->col2 = r->col1;
    if (*p == ':' && (p++, cell_at(&p, &r->row2, &r->col2)))
        return -1;
    /* Charts plot a row or a column: a block is not a range a cache follows cell by cell. */
    if (*p || r->row2 < r->row1 || r->col2 < r->col1 || (r->row2 > r->row1 && r->col2 > r->col1))
        return -1;
    r->n = (r->row2 - r->row1) + (r->col2 - r->col1) + 1;
    r->pt = calloc(r->n, sizeof *r->pt);
    r->met = calloc(r->n, 1);
    return r->pt && r->met ? 0 : -1;
}

static const char *attr(const char **atts, const char *name)
{
    for (; atts && *atts; atts += 2)
        if (!strcmp(atts[0], name))
            return atts[1];
    return NULL;
}

static void chart_start(void *ud, const char *el, const char **atts)
{
    chart_refs *c = ud;
    if (!strcmp(el, "c:numRef") || !strcmp(el, "c:strRef")) {
        if (c->n == c->cap) {
            size_t cap = c->cap ? c->cap * 2 : 8;
            cache_ref *grown = realloc(c->ref, cap * sizeof *grown);
            if (!grown) {
                c->bad = 1;
                return;
            }
            c->ref = grown, c->cap = cap;
        }
        c->cur = &c->ref[c->n++];
        memset(c->cur, 0, sizeof *c->cur);
        c->cur->numeric = !strcmp(el, "c:numRef");
    } else if (c->cur && (!strcmp(el, "c:f") || !strcmp(el, "c:v"))) {
        c->collecting = 1;
        c->text.len = 0;
        if (c->text.s)
            c->text.s[0] = '\0';
    } else if (c->cur && (!strcmp(el, "c:numCache") || !strcmp(el, "c:strCache"))) {
        c->cur->cached = 1;
    } else if (c->cur && !strcmp(el, "c:pt")) {
        const char *idx = attr(atts, "idx");
        c->pt = idx ? strtol(idx, NULL, 10) : -1;
    }
}

static void chart_end(void *ud, const char *el)
{
    chart_refs *c = ud;
    if (!c->cur)
        return;
    if (!strcmp(el, "c:numRef") || !strcmp(el, "c:strRef")) {
        if (!c->cur->pt) /* a reference without its formula */
            c->bad = 1;
        c->cur = NULL;
        return;
    }
    if (!c->collecting)
        return;
    c->collecting = 0;
    const char *text = c->text.s ? c->text.s : "";
    if (c->text.oom) {
        c->bad = 1;
    } else if (!strcmp(el, "c:f")) {
        if (c->cur->pt || parse_formula(text, c->cur))
            c->bad = 1;
    } else if (!strcmp(el, "c:v")) {
        if (!c->cur->pt || c->pt < 0 || (size_t)c->pt >= c->cur->n || c->cur->pt[c->pt] ||
            !(c->cur->pt[c->pt] = strdup(text)))
            c->bad = 1;
    }
}

static void chart_text(void *ud, const char *s, int len)
{
    chart_refs *c = ud;
    if (c->collecting)
        pdurep_sbuf_add(&c->text, s, (size_t)len);
}

/* Add the ranges of chart part @p name to @p c. 0, or -1. */
static int read_chart(zip_t *z, const char *name, chart_refs *c)
{
    zip_file_t *f = zip_fopen(z, name, 0);
    XML_Parser p = f ? XML_ParserCreate("UTF-8") : NULL;
    int ok = p != NULL;
    if (p) {
        XML_SetUserData(p, c);
        XML_SetElementHandler(p, chart_start, chart_end);
        XML_SetCharacterDataHandler(p, chart_text);
    }
    char buf[8192];
    for (zip_int64_t got = 1; ok && got > 0 && !c->bad;) {
        got = zip_fread(f, buf, sizeof buf);
        ok = got >= 0 && XML_Parse(p, buf, (int)got, got == 0) == XML_STATUS_OK;
    }
    c->cur = NULL;
    if (p)
        XML_ParserFree(p);
    if (f)
        zip_fclose(f);
    return ok && !c->bad ? 0 : -1;
}

/* The cells of one sheet, checked against every range on it as they stream past. */
typedef struct sheet_walk {
    chart_refs *c;
    const char *sheet;
} sheet_walk;

/* Does the cached text @p pt (NULL without a point) hold the value of @p cell? Numbers are
 * compared as numbers: the cache and the reader print them with different precision. A
 * range of numbers caches a text cell (a shorthand such as [z]) as 0. */
static int cached_right(int numeric, const char *pt, const char *cell)
{
    if (!*cell)
        return !pt || !*pt;
    double a, b;
    if (!pt)
        return 0;
    if (!pdurep_parse_double(cell, &b))
        return !pdurep_parse_double(pt, &a) && a == b;
    if (numeric)
        return !pdurep_parse_double(pt, &a) && a == 0;
    return !strcmp(pt, cell);
}

static int walk_row(const pdurep_csv_row *row, void *user)
{
    sheet_walk *w = user;
    for (size_t k = 0; k < w->c->n; k++) {
        cache_ref *r = &w->c->ref[k];
        if (strcmp(r->sheet, w->sheet) || row->line < r->row1 || row->line > r->row2)
            continue;
        for (unsigned long col = r->col1; col <= r->col2; col++) {
            const char *cell = col <= row->n ? row->fields[col - 1] : "";
            size_t i = (row->line - r->row1) + (col - r->col1);
            if (!cached_right(r->numeric, r->pt[i], cell))
                return 1;
            r->met[i] = 1;
        }
    }
    return 0;
}

/* Every cell of every range cached right; a cell in a row the sheet lacks is empty. */
static int sheets_match(const char *path, chart_refs *c)
{
    pdurep_xlsx *book = NULL;
    int ok = pdurep_xlsx_open(path, path, &book, NULL) == PDUREP_OK;
    for (size_t s = 0; ok && s < pdurep_xlsx_sheet_count(book); s++) {
        const char *name = pdurep_xlsx_sheet_name(book, s);
        size_t k = 0;
        while (k < c->n && strcmp(c->ref[k].sheet, name))
            k++;
        if (k == c->n)
            continue;
        pdurep_rows src;
        sheet_walk w = {c, name};
        ok = !pdurep_rows_sheet(&src, book, s, "", NULL) &&
             pdurep_xlsx_read(&src, walk_row, &w, NULL) == PDUREP_OK;
        pdurep_rows_clear(&src);
    }
    for (size_t k = 0; ok && k < c->n; k++)
        for (size_t i = 0; ok && i < c->ref[k].n; i++)
            ok = c->ref[k].met[i] || cached_right(c->ref[k].numeric, c->ref[k].pt[i], "");
    pdurep_xlsx_close(book);
    return ok;
}

int annexe_chart_caches_match(zip_t *z, const char *path)
{
    chart_refs c = {0};
    int ok = 1;
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; ok && i < n; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
        if (!name)
            ok = 0;
        else if (!strncmp(name, "xl/charts/chart", 15))
            ok = !read_chart(z, name, &c);
    }
    for (size_t k = 0; ok && k < c.n; k++)
        ok = c.ref[k].cached;
    ok = ok && (!c.n || sheets_match(path, &c));
    for (size_t k = 0; k < c.n; k++) {
        for (size_t i = 0; c.ref[k].pt && i < c.ref[k].n; i++)
            free(c.ref[k].pt[i]);
        free(c.ref[k].pt);
        free(c.ref[k].met);
        free(c.ref[k].sheet);
    }
    free(c.ref);
    free(c.text.s);
    return ok;
}
