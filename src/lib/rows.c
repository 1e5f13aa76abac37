#include "rows.h"
#include "util.h"
#include "utf8.h"
#include "xlsxread.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

pdurep_error pdurep_rows_csv(pdurep_rows *src, const char *path, pdurep_import_norm *norm)
{
    *src = (pdurep_rows){.name = strdup(path), .path = strdup(path), .norm = norm};
    if (src->name && src->path)
        return PDUREP_OK;
    pdurep_rows_clear(src);
    return PDUREP_ERROR_NO_MEMORY;
}

pdurep_error pdurep_rows_sheet(pdurep_rows *src, pdurep_xlsx *book, size_t sheet,
                               const char *book_name, pdurep_import_norm *norm)
{
    *src = (pdurep_rows){
        .name = pdurep_asprintf("%s:%s", book_name, pdurep_xlsx_sheet_name(book, sheet)),
        .book = book, .sheet = sheet, .norm = norm};
    return src->name ? PDUREP_OK : PDUREP_ERROR_NO_MEMORY;
}

void pdurep_rows_clear(pdurep_rows *src)
{
    free(src->name);
    free(src->path);
    memset(src, 0, sizeof *src);
}

/* ---- trimming and blank rows ---- */

/* Whitespace of every kind a spreadsheet or a web page leaves around a value, including
 * the zero-width ones that are invisible in a cell but break an exact comparison. */
static int is_space(utf8proc_int32_t cp)
{
    if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xFEFF ||
        (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060)
        return 1;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
           cat == UTF8PROC_CATEGORY_ZP;
}

/* Trim s[0..*len) in place; returns the new start. */
static char *trim(char *s, size_t *len, int *changed)
{
    size_t n = *len;
    if (!n || ((unsigned char)s[0] > ' ' && (unsigned char)s[0] < 0x7F &&
               (unsigned char)s[n - 1] > ' ' && (unsigned char)s[n - 1] < 0x7F))
        return s;
    size_t start = 0, end = 0, i = 0;
    int seen = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { /* invalid UTF-8 is the reader's to report: keep it */
            k = 1;
            cp = 'x';
        }
        if (!is_space(cp)) {
            if (!seen)
                start = i;
            seen = 1;
            end = i + (size_t)k;
        }
        i += (size_t)k;
    }
    if (!seen)
        start = end = 0;
    if (start == 0 && end == n)
        return s;
    *changed = 1;
    s[end] = '\0';
    *len = end - start;
    return s + start;
}

typedef struct adapter {
    const pdurep_rows *src;
    pdurep_csv_row_fn fn;
    void *user;
    pdurep_diag *diag;
    unsigned long index;
    size_t header_n;
    const char **fields;
    size_t *lengths;
    size_t cap;
} adapter;

static int adapt_row(const pdurep_csv_row *row, void *user)
{
    adapter *a = user;
    size_t want = row->n > a->header_n ? row->n : a->header_n;
    if (want > a->cap) {
        const char **fields = realloc(a->fields, want * 2 * sizeof *fields);
        if (fields)
            a->fields = fields;
        size_t *lengths = fields ? realloc(a->lengths, want * 2 * sizeof *lengths) : NULL;
        if (!lengths)
            return PDUREP_ERROR_NO_MEMORY;
        a->lengths = lengths;
        a->cap = want * 2;
    }
    int blank = 1, trimmed = 0;
    for (size_t i = 0; i < row->n; i++) {
        size_t len = row->lengths[i];
        int changed = 0;
        /* Sources hand over writable buffers so a value can be cut in place. */
        a->fields[i] = trim((char *)row->fields[i], &len, &changed);
        a->lengths[i] = len;
        trimmed += changed;
        if (len)
            blank = 0;
    }
    if (blank) {
        if (a->src->norm && a->index)
            a->src->norm->blank_rows++;
        return 0;
    }
    if (a->src->norm)
        a->src->norm->trimmed += (unsigned long)trimmed;
    size_t n = row->n;
    if (a->index == 0) {
        while (n && !a->lengths[n - 1]) {
            n--;
            if (a->src->norm)
                a->src->norm->trailing_columns++;
        }
        a->header_n = n;
        /* One long column of header text means the wrong separator, not an unknown column. */
        const char *h = a->fields[0];
        if (!a->src->book && n == 1 && (strchr(h, ';') || strchr(h, '\t'))) {
            pdurep_rows_problem(a->src, a->diag, row->line, 0,
                                "the fields are separated by %s, not commas: save the file "
                                "again as CSV with commas (or import the workbook itself)",
                                strchr(h, ';') ? "semicolons (;)" : "tabs");
            return PDUREP_ERROR_DATA;
        }
    } else {
        while (n > a->header_n && !a->lengths[n - 1])
            n--;
        /* A sheet does not store empty cells: they are there all the same. */
        if (a->src->book)
            for (; n < a->header_n; n++) {
                a->fields[n] = "";
                a->lengths[n] = 0;
            }
    }
    pdurep_csv_row out = {a->fields, a->lengths, n, row->line, a->index++};
    return a->fn(&out, a->user);
}

pdurep_error pdurep_rows_read(const pdurep_rows *src, pdurep_csv_row_fn fn, void *user,
                              pdurep_diag *diag)
{
    /* A source whose names could not be copied (its maker returned PDUREP_ERROR_NO_MEMORY). */
    if (!src->name || (!src->book && !src->path))
        return PDUREP_ERROR_NO_MEMORY;
    adapter a = {.src = src, .fn = fn, .user = user, .diag = diag};
    pdurep_error err = src->book ? pdurep_xlsx_read(src, adapt_row, &a, diag)
                                 : pdurep_csv_read(src->path, src->name, adapt_row, &a, diag);
    free(a.fields);
    free(a.lengths);
    return err;
}

/* ---- small tables ---- */

typedef struct slurp {
    const pdurep_rows *src;
    const pdurep_csv_column *cols;
    size_t n_cols;
    pdurep_csv_table *t;
    long *map;    /* declared column for each column of the file, -1 if none */
    size_t n_map; /* columns in the header */
    size_t rows_cap;
    pdurep_diag *diag;
    int header_ok;
} slurp;

static int slurp_header(slurp *s, const pdurep_csv_row *row)
{
    s->map = malloc((row->n ? row->n : 1) * sizeof *s->map);
    const char **names = malloc((s->n_cols ? s->n_cols : 1) * sizeof *names);
    if (!s->map || !names) {
        free(names);
        return PDUREP_ERROR_NO_MEMORY;
    }
    s->n_map = row->n;
    for (size_t c = 0; c < s->n_cols; c++)
        names[c] = s->cols[c].name;
    int ok = 1;
    for (size_t i = 0; i < row->n; i++) {
        const char *h = row->fields[i];
        s->map[i] = -1;
        for (size_t c = 0; c < s->n_cols; c++)
            if (pdurep_strieq(h, s->cols[c].name)) {
                s->map[i] = (long)c;
                if (strcmp(h, s->cols[c].name) && s->src->norm)
                    s->src->norm->letter_case++;
            }
        if (s->map[i] < 0) {
            const char *near = pdurep_nearest(h, names, s->n_cols);
            pdurep_rows_problem(s->src, s->diag, row->line, i + 1, "unknown column \"%s\"%s%s%s",
                                h, near ? " (did you mean \"" : "", near ? near : "",
                                near ? "\"?)" : "");
            ok = 0;
        } else if (s->t->col_index[s->map[i]]) {
            pdurep_rows_problem(s->src, s->diag, row->line, i + 1, "column \"%s\" appears twice",
                                h);
            ok = 0;
        } else {
            s->t->col_index[s->map[i]] = (long)i + 1;
        }
    }
    free(names);
    for (size_t c = 0; c < s->n_cols; c++)
        if (s->cols[c].required && !s->t->col_index[c]) {
            pdurep_rows_problem(s->src, s->diag, row->line, 0, "missing column \"%s\"",
                                s->cols[c].name);
            ok = 0;
        }
    s->header_ok = ok;
    return 0;
}

static int slurp_row(const pdurep_csv_row *row, void *user)
{
    slurp *s = user;
    if (row->index == 0)
        return slurp_header(s, row);
    if (!s->header_ok)
        return 0;
    if (row->n > s->n_map || (row->n < s->n_map && !s->src->book)) {
        pdurep_rows_problem(s->src, s->diag, row->line,
                            row->n < s->n_map ? row->n + 1 : s->n_map + 1,
                            "%zu fields, expected %zu as in the header", row->n, s->n_map);
        return 0;
    }
    pdurep_csv_table *t = s->t;
    if (t->n_rows == s->rows_cap) {
        size_t cap = s->rows_cap ? s->rows_cap * 2 : 16;
        char **grown = realloc(t->cells, cap * t->n_cols * sizeof *grown);
        if (!grown)
            return PDUREP_ERROR_NO_MEMORY;
        t->cells = grown;
        unsigned long *lines = realloc(t->lines, cap * sizeof *lines);
        if (!lines)
            return PDUREP_ERROR_NO_MEMORY;
        t->lines = lines;
        s->rows_cap = cap;
    }
    char **cells = t->cells + t->n_rows * t->n_cols;
    for (size_t c = 0; c < t->n_cols; c++)
        cells[c] = NULL;
    t->lines[t->n_rows++] = row->line; /* counted first, so a failure below frees the row */
    for (size_t i = 0; i < row->n; i++)
        if (!(cells[s->map[i]] = strdup(row->fields[i])))
            return PDUREP_ERROR_NO_MEMORY;
    for (size_t c = 0; c < t->n_cols; c++)
        if (!cells[c] && !(cells[c] = strdup("")))
            return PDUREP_ERROR_NO_MEMORY;
    return 0;
}

pdurep_error pdurep_rows_slurp(const pdurep_rows *src, const pdurep_csv_column *cols,
                               size_t n_cols, pdurep_csv_table *out, pdurep_diag *diag)
{
    memset(out, 0, sizeof *out);
    out->n_cols = n_cols;
    out->col_index = calloc(n_cols ? n_cols : 1, sizeof *out->col_index);
    if (!out->col_index)
        return PDUREP_ERROR_NO_MEMORY;
    slurp s = {.src = src, .cols = cols, .n_cols = n_cols, .t = out, .diag = diag};
    size_t before = pdurep_diag_total(diag);
    pdurep_error err = pdurep_rows_read(src, slurp_row, &s, diag);
    free(s.map);
    if (!err && s.n_map == 0) {
        pdurep_rows_problem(src, diag, 0, 0, "%s is empty (a header row is needed)",
                            src->book ? "the sheet" : "the file");
        err = PDUREP_ERROR_DATA;
    }
    if (!err && pdurep_diag_total(diag) > before)
        err = PDUREP_ERROR_DATA;
    if (err)
        pdurep_csv_table_free(out);
    return err;
}

/* ---- near misses ---- */

/* Optimal string alignment distance over bytes, letter case ignored; gives up past @p max. */
static size_t distance(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > max || la > 63 || lb > 63)
        return max + 1;
    size_t d[64][64];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            size_t best = d[i - 1][j - 1] + (ca != cb);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
                tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *pdurep_nearest(const char *word, const char *const *candidates, size_t n)
{
    /* Short words are too close to everything: "M" is one edit from "NA" as from "male". */
    size_t len = strlen(word);
    if (len < 3)
        return NULL;
    size_t max = len <= 5 ? 1 : 2;
    const char *best = NULL;
    size_t best_d = max + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, candidates[i], max);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

/* ---- lost characters ---- */

static int is_letter_at(const char *p, size_t left)
{
    utf8proc_int32_t cp;
    if (utf8proc_iterate((const utf8proc_uint8_t *)p, (utf8proc_ssize_t)left, &cp) <= 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* The start of the UTF-8 character before p (p > start). */
static const char *prev_char(const char *start, const char *p)
{
    do
        p--;
    while (p > start && ((unsigned char)*p & 0xC0) == 0x80);
    return p;
}

const char *pdurep_lost_char(const char *start, const char *s)
{
    for (const char *p = s; *p; p++) {
        /* strncmp, not memcmp: the string may end within three bytes of p. */
        if (!strncmp(p, "\xEF\xBF\xBD", 3))
            return p;
        if (*p == '?' && p > start) {
            const char *b = prev_char(start, p);
            if (is_letter_at(b, (size_t)(p - b)) && is_letter_at(p + 1, strlen(p + 1)))
                return p;
        }
    }
    return NULL;
}

void pdurep_rows_lost_chars(const pdurep_rows *src, pdurep_diag *diag, unsigned long line,
                            unsigned long col, const char *what, const char *text)
{
    for (const char *p = pdurep_lost_char(text, text); p; p = pdurep_lost_char(text, p + 1)) {
        size_t chars = 1 + pdurep_utf8_count(text, (size_t)(p - text));
        pdurep_rows_warn(src, diag, line, col, "%s \"%s\" has %s at character %zu: the program "
                         "that wrote this file may have lost a letter there", what, text,
                         *p == '?' ? "a '?' inside a word" : "a replacement character (U+FFFD)",
                         chars);
        if (*p != '?')
            p += 2;
    }
}
