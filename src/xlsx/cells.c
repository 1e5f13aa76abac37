/*
 * Cell, table and page helpers shared by the sheet writers. Every write goes
 * through here so that NaN never reaches libxlsxwriter (it would write an
 * invalid file), suppressed cells all look the same, and the first library
 * error is kept for the final status.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/alloc.h"
#include "xlsx/annexe_internal.h"
#include "lib/utf8.h"

void annexe_check(annexe_ctx *c, lxw_error err)
{
    if (err != LXW_NO_ERROR && c->lxw_err == LXW_NO_ERROR)
        c->lxw_err = err;
}

int annexe_lost(const annexe_ctx *c)
{
    return c->lxw_err || c->out_of_memory || annexe_alloc_failures() != c->lxw_mark;
}

/*
 * Neither libxlsxwriter nor LibreOffice sizes a row to its wrapped text, so a
 * row holding long text in a column @p width characters wide is given enough
 * lines here. Called before the row's cells, as constant-memory mode needs.
 */
double annexe_text_height(const char *text, double width)
{
    if (!text || width < 4)
        return 0;
    /* Count characters, not bytes: Welsh text has multi-byte letters. */
    size_t chars = pdurep_utf8_count(text, strlen(text));
    size_t per_line = (size_t)(width * 1.1);
    size_t lines = (chars + per_line - 1) / per_line;
    return lines > 1 ? 15.0 * (double)lines : 0;
}

void annexe_fit_row(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *text, double width)
{
    double height = annexe_text_height(text, width);
    if (height > 0 && !annexe_lost(c))
        annexe_check(c, worksheet_set_row(ws, row, height, NULL));
}

const char *annexe_s(annexe_ctx *c, const char *key)
{
    const char *s = pdurep_strings_get(c->strings, key);
    if (!s) {
        if (!c->missing_key)
            c->missing_key = key;
        return "";
    }
    return s;
}

char *annexe_sf(annexe_ctx *c, const char *key, const char *const *names)
{
    /* Callers write what they get, NULL as a blank: the failure is remembered here instead
     * (the exhaustive fault run found a workbook kept without its title, exit 0). */
    char *text = pdurep_strings_format(annexe_s(c, key), names);
    if (!text)
        c->out_of_memory = 1;
    return text;
}

/* Band names come from the strings file (band.KEY), so a translation names them too. */
const char *annexe_band_label(annexe_ctx *c, const pdurep_band *band)
{
    return band ? pdurep_strings_term(c->strings, "band.", band->name, '_') : "";
}

const char *annexe_rating_label(annexe_ctx *c, pdurep_rating rating)
{
    /* Through annexe_s(), so a missing word is noticed like any missing key. */
    if (rating < 0 || rating >= PDUREP_RATING_COUNT)
        return "";
    return annexe_s(c, pdurep_strings_rating_key(rating));
}

void annexe_text(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                 const char *text, lxw_format *fmt)
{
    if (annexe_lost(c))
        return;
    /* An empty string would be a cell with nothing in it; leave the cell blank instead. */
    if (!text || !*text) {
        if (fmt)
            annexe_check(c, worksheet_write_blank(ws, row, col, fmt));
        return;
    }
    annexe_check(c, worksheet_write_string(ws, row, col, text, fmt));
}

void annexe_number(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   double value, lxw_format *fmt)
{
    if (annexe_lost(c))
        return;
    if (!isfinite(value)) {
        annexe_check(c, worksheet_write_blank(ws, row, col, fmt));
        return;
    }
    annexe_check(c, worksheet_write_number(ws, row, col, value, fmt));
}

void annexe_suppressed(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    annexe_text(c, ws, row, col, annexe_s(c, "value.suppressed"), c->f.suppressed);
}

void annexe_not_available(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    annexe_text(c, ws, row, col, annexe_s(c, "value.not_available"), c->f.suppressed);
}

void annexe_not_applicable(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    annexe_text(c, ws, row, col, annexe_s(c, "value.not_applicable"), c->f.suppressed);
}

void annexe_text_z(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   const char *text, lxw_format *fmt)
{
    if (!text || !*text)
        annexe_not_applicable(c, ws, row, col);
    else
        annexe_text(c, ws, row, col, text, fmt);
}

int annexe_collected(const annexe_ctx *c, size_t q)
{
    return !c->r->collected || c->r->collected[q];
}

void annexe_count(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                  unsigned long value, int hidden)
{
    if (hidden)
        annexe_suppressed(c, ws, row, col);
    else
        annexe_number(c, ws, row, col, (double)value, c->f.count);
}

void annexe_fraction(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                     pdurep_tally t, int hidden)
{
    if (hidden) {
        annexe_suppressed(c, ws, row, col);
        return;
    }
    /* The calculator says whether there is a percent; the cell holds the exact
     * fraction Yes / relevant, so =Yes/Relevant in a spreadsheet gives the same double.
     * With no relevant case the percentage cannot exist: [z]. */
    if (pdurep_tally_percent(t) < 0)
        annexe_not_applicable(c, ws, row, col);
    else
        annexe_number(c, ws, row, col, (double)t.yes / (double)pdurep_tally_relevant(t),
                      c->f.fraction);
}

void annexe_rounded(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                    pdurep_tally t, int hidden)
{
    if (hidden) {
        annexe_suppressed(c, ws, row, col);
        return;
    }
    int rounded = pdurep_percent_rounded(t.yes, pdurep_tally_relevant(t));
    if (rounded < 0)
        annexe_not_applicable(c, ws, row, col);
    else
        annexe_number(c, ws, row, col, rounded, c->f.count);
}

void annexe_rating(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   pdurep_rating rating)
{
    if (rating < 0 || rating >= PDUREP_RATING_COUNT) {
        annexe_not_applicable(c, ws, row, col);
        return;
    }
    annexe_text(c, ws, row, col, annexe_rating_label(c, rating), c->f.rating[rating]);
}

lxw_col_t annexe_comparator_headers(annexe_ctx *c, annexe_column *cols, lxw_col_t n,
                                    lxw_col_t max, const char *const *keys, size_t n_keys,
                                    double width, char **owned, size_t *n_owned)
{
    for (size_t k = 0; k < c->n_cmp && n + n_keys <= max; k++) {
        if (!c->plan.cmp_shown[k])
            continue;
        const char *names[] = {"label", c->cmp[k]->label, NULL};
        for (size_t i = 0; i < n_keys; i++) {
            owned[*n_owned] = annexe_sf(c, keys[i], names);
            cols[n].header = owned[(*n_owned)++];
            cols[n++].width = width;
        }
    }
    return n;
}

void annexe_table(annexe_ctx *c, lxw_worksheet *ws, const char *name, lxw_row_t first_row,
                  lxw_row_t last_row, const annexe_column *cols, lxw_col_t n_cols)
{
    if (annexe_lost(c))
        return;
    for (lxw_col_t i = 0; i < n_cols; i++)
        annexe_check(c, worksheet_set_column(ws, i, i, cols[i].width, NULL));
    /* Room for the longest wrapped header: neither Excel nor LibreOffice grows a row written
     * this way. Bold text is wider, so a line holds a little less than in annexe_fit_row(). */
    size_t lines = 2;
    for (lxw_col_t i = 0; i < n_cols; i++) {
        const char *h = cols[i].header ? cols[i].header : "";
        size_t chars = pdurep_utf8_count(h, strlen(h)), per_line = (size_t)(cols[i].width * 1.0);
        if (per_line < 1)
            per_line = 1;
        size_t n = (chars + per_line - 1) / per_line;
        if (n > lines)
            lines = n;
    }
    annexe_check(c, worksheet_set_row(ws, first_row, 15.0 * (double)lines, NULL));
    /* Excel needs at least one data row under a table's header. */
    if (last_row <= first_row)
        last_row = first_row + 1;
    if (c->constant_memory) {
        /* Tables are refused in constant-memory mode: a formatted header and an autofilter do the job. */
        for (lxw_col_t i = 0; i < n_cols; i++)
            annexe_text(c, ws, first_row, i, cols[i].header, c->f.header);
        annexe_check(c, worksheet_autofilter(ws, first_row, 0, last_row, n_cols - 1));
        return;
    }
    lxw_table_column col_opts[64];
    lxw_table_column *col_ptrs[65];
    if (n_cols > 64)
        n_cols = 64;
    for (lxw_col_t i = 0; i < n_cols; i++) {
        memset(&col_opts[i], 0, sizeof col_opts[i]);
        /* The table writes the header cells itself, so they are formatted here. */
        col_opts[i].header = (char *)cols[i].header;
        col_opts[i].header_format = c->f.header;
        col_ptrs[i] = &col_opts[i];
    }
    col_ptrs[n_cols] = NULL;
    lxw_table_options opts = {0};
    opts.name = (char *)name;
    opts.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    opts.style_type_number = 1;
    opts.columns = col_ptrs;
    annexe_check(c, worksheet_add_table(ws, first_row, 0, last_row, n_cols - 1, &opts));
}

static const char *const note_keys[NOTE_COUNT] = {
    "note.percent", "note.rounding", "note.driver", "note.rri", "note.paraphrased",
    "note.provisional", "note.suppression", "note.share", "note.comparator", "note.comparator",
    "note.cases"};

const char *annexe_note_key(annexe_note note)
{
    return note >= 0 && note < NOTE_COUNT ? note_keys[note] : "";
}

/* Which notes this workbook has, numbered in order, so every sheet cites the same numbers. */
void annexe_notes_number(annexe_ctx *c)
{
    const pdurep_framework *fw = c->r->framework;
    int has[NOTE_COUNT] = {0};
    has[NOTE_PERCENT] = has[NOTE_ROUNDING] = has[NOTE_DRIVER] = has[NOTE_RRI] = 1;
    for (size_t q = 0; q < fw->n_questions; q++)
        has[NOTE_PARAPHRASED] |= fw->questions[q].paraphrased;
    has[NOTE_PROVISIONAL] = fw->provisional;
    has[NOTE_SUPPRESSION] = c->threshold > 0;
    has[NOTE_SHARE] = c->share;
    for (size_t k = 0; k < c->n_cmp && k < 2; k++)
        has[NOTE_COMPARATOR + k] = c->cmp[k] != NULL;
    has[NOTE_CASES] = c->has_sheet[SHEET_CASES];
    int n = 0;
    for (int i = 0; i < NOTE_COUNT; i++)
        c->number_of_note[i] = has[i] ? ++n : 0;
}

const char *annexe_note_ref(annexe_ctx *c, annexe_note note, char *buf, size_t size)
{
    int n = note >= 0 && note < NOTE_COUNT ? c->number_of_note[note] : 0;
    if (n > 0)
        snprintf(buf, size, "[note %d]", n);
    else if (size)
        buf[0] = '\0';
    return buf;
}

lxw_row_t annexe_title_block(annexe_ctx *c, lxw_worksheet *ws, const char *key, const char *line,
                             size_t n_rows, const annexe_note *notes)
{
    const pdurep_inspection *in = c->r->inspection;
    const char *names[] = {"name", in->name, NULL};
    lxw_row_t row = 0;
    char *title = annexe_sf(c, key, names);
    annexe_text(c, ws, row++, 0, title, c->f.title);
    free(title);
    if (line && *line)
        annexe_text(c, ws, row++, 0, line, c->f.text);
    char n[32];
    snprintf(n, sizeof n, "%zu", n_rows);
    const char *rn[] = {"n", n, NULL};
    char *rows = annexe_sf(c, n_rows == 1 ? "block.rows_one" : "block.rows", rn);
    annexe_text(c, ws, row++, 0, rows, c->f.text);
    free(rows);
    const char *org = *in->inspectorate ? in->inspectorate : annexe_s(c, "workbook.author");
    const char *sn[] = {"name", in->name, "id", in->id, "inspectorate", org, NULL};
    char *source = annexe_sf(c, "block.source", sn);
    annexe_text(c, ws, row++, 0, source, c->f.text);
    free(source);
    char list[256] = "";
    size_t len = 0;
    int seen[NOTE_COUNT] = {0};
    for (const annexe_note *p = notes; p && *p != NOTE_COUNT; p++) {
        char ref[32];
        if (seen[*p]++ || !*annexe_note_ref(c, *p, ref, sizeof ref))
            continue;
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "", ref);
        if (len >= sizeof list)
            break;
    }
    if (*list) {
        const char *nn[] = {"notes", list, NULL};
        char *text = annexe_sf(c, "block.notes", nn);
        annexe_text(c, ws, row++, 0, text, c->f.text);
        free(text);
    }
    return row;
}

/* No print header or footer (the standard asks for none): pages say what they are by their title rows. */
void annexe_print_setup(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t header_row)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
    if (header_row != (lxw_row_t)-1 && !annexe_lost(c))
        annexe_check(c, worksheet_repeat_rows(ws, header_row, header_row));
}

void annexe_band_fills(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t first_row, lxw_row_t last_row,
                       lxw_col_t col)
{
    annexe_band_fills_fw(c, c->r->framework, ws, first_row, last_row, col);
}

/* As annexe_band_fills(), with the bands of @p fw (a region's PDUs are banded by their own framework). */
void annexe_band_fills_fw(annexe_ctx *c, const pdurep_framework *fw, lxw_worksheet *ws,
                          lxw_row_t first_row, lxw_row_t last_row, lxw_col_t col)
{
    if (last_row < first_row || annexe_lost(c))
        return;
    char cell[32];
    lxw_rowcol_to_cell(cell, first_row, col);
    /* Bands are sorted from the highest; the first rule that holds wins. */
    for (size_t i = 0; i < fw->n_bands; i++) {
        const pdurep_band *b = &fw->bands[i];
        if (b->rating < 0 || b->rating >= PDUREP_RATING_COUNT)
            continue;
        /* Banding on the rounded percent moves each edge down half a point. */
        double edge = (fw->band_on_rounded ? b->min_percent - 0.5 : b->min_percent) / 100.0;
        if (edge < 0)
            edge = 0;
        char formula[128];
        /* ISNUMBER keeps "[c]" and blank cells unfilled: text compares above any number. */
        snprintf(formula, sizeof formula, "=AND(ISNUMBER(%s),%s>=%.10g)", cell, cell, edge);
        lxw_conditional_format cf = {0};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.value_string = formula;
        cf.format = c->f.band_fill[b->rating];
        cf.stop_if_true = LXW_TRUE;
        annexe_check(c, worksheet_conditional_format_range(ws, first_row, col, last_row, col, &cf));
    }
}

void annexe_define_name(annexe_ctx *c, const char *name, annexe_sheet sheet, lxw_row_t r1,
                        lxw_col_t c1, lxw_row_t r2, lxw_col_t c2)
{
    char a[32], b[32], quoted[100], formula[200];
    size_t n = 0;
    quoted[n++] = '\'';
    for (const char *p = c->sheet_name[sheet]; *p && n + 3 < sizeof quoted; p++) {
        if (*p == '\'')
            quoted[n++] = '\'';
        quoted[n++] = *p;
    }
    quoted[n++] = '\'';
    quoted[n] = '\0';
    lxw_rowcol_to_cell_abs(a, r1, c1, 1, 1);
    lxw_rowcol_to_cell_abs(b, r2, c2, 1, 1);
    if (r1 == r2 && c1 == c2)
        snprintf(formula, sizeof formula, "=%s!%s", quoted, a);
    else
        snprintf(formula, sizeof formula, "=%s!%s:%s", quoted, a, b);
    if (!annexe_lost(c))
        annexe_check(c, workbook_define_name(c->wb, name, formula));
}
