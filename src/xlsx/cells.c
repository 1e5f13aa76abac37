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

#include "xlsx/annexe_internal.h"

void annexe_check(annexe_ctx *c, lxw_error err)
{
    if (err != LXW_NO_ERROR && c->lxw_err == LXW_NO_ERROR)
        c->lxw_err = err;
}

/*
 * Neither libxlsxwriter nor LibreOffice sizes a row to its wrapped text, so a
 * row holding long text in a column @p width characters wide is given enough
 * lines here. Called before the row's cells, as constant-memory mode needs.
 */
void annexe_fit_row(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, const char *text, double width)
{
    if (!text || width < 4)
        return;
    /* Count characters, not bytes: Welsh text has multi-byte letters. */
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    size_t per_line = (size_t)(width * 1.1);
    size_t lines = (chars + per_line - 1) / per_line;
    if (lines > 1)
        annexe_check(c, worksheet_set_row(ws, row, 15.0 * (double)lines, NULL));
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
    return pdurep_strings_format(annexe_s(c, key), names);
}

/* Band names come from the strings file (band.KEY), so a translation names them too. */
const char *annexe_band_label(annexe_ctx *c, const pdurep_band *band)
{
    return band ? pdurep_strings_term(c->strings, "band.", band->name, '_') : "";
}

const char *annexe_rating_label(annexe_ctx *c, pdurep_rating rating)
{
    static const char *const keys[PDUREP_RATING_COUNT] = {
        "rating.inadequate", "rating.requires_improvement", "rating.good", "rating.outstanding"};
    if (rating < 0 || rating >= PDUREP_RATING_COUNT)
        return "";
    return annexe_s(c, keys[rating]);
}

void annexe_text(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                 const char *text, lxw_format *fmt)
{
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
    if (!isfinite(value)) {
        annexe_check(c, worksheet_write_blank(ws, row, col, fmt));
        return;
    }
    annexe_check(c, worksheet_write_number(ws, row, col, value, fmt));
}

void annexe_suppressed(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
    annexe_check(c, worksheet_write_string(ws, row, col, annexe_s(c, "value.suppressed"),
                                           c->f.suppressed));
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
     * fraction Yes / relevant, so =Yes/Relevant in a spreadsheet gives the same double. */
    if (pdurep_tally_percent(t) < 0)
        annexe_check(c, worksheet_write_blank(ws, row, col, c->f.fraction));
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
        annexe_check(c, worksheet_write_blank(ws, row, col, c->f.count));
    else
        annexe_number(c, ws, row, col, rounded, c->f.count);
}

void annexe_rating(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                   pdurep_rating rating)
{
    if (rating < 0 || rating >= PDUREP_RATING_COUNT) {
        annexe_check(c, worksheet_write_blank(ws, row, col, c->f.text));
        return;
    }
    annexe_text(c, ws, row, col, annexe_rating_label(c, rating), c->f.rating[rating]);
}

void annexe_table(annexe_ctx *c, lxw_worksheet *ws, const char *name, lxw_row_t first_row,
                  lxw_row_t last_row, const annexe_column *cols, lxw_col_t n_cols)
{
    for (lxw_col_t i = 0; i < n_cols; i++)
        annexe_check(c, worksheet_set_column(ws, i, i, cols[i].width, NULL));
    /* Room for two-line headers: neither Excel nor LibreOffice grows a row written this way. */
    annexe_check(c, worksheet_set_row(ws, first_row, 30, NULL));
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

/* Header and footer codes treat '&' as a command: double it in user text. */
static void escape_amp(char *out, size_t size, const char *text)
{
    size_t n = 0;
    for (; *text && n + 3 < size; text++) {
        if (*text == '&')
            out[n++] = '&';
        out[n++] = *text;
    }
    out[n] = '\0';
}

void annexe_sheet_title(annexe_ctx *c, lxw_worksheet *ws, const char *key)
{
    const char *names[] = {"name", c->r->inspection->name, NULL};
    char *title = annexe_sf(c, key, names);
    annexe_text(c, ws, 0, 0, title, c->f.title);
    free(title);
}

void annexe_print_setup(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t header_row)
{
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.5, 0.5, 0.7, 0.7);
    if (header_row != (lxw_row_t)-1)
        annexe_check(c, worksheet_repeat_rows(ws, header_row, header_row));
    char name[160], header[200], footer[240];
    escape_amp(name, sizeof name, c->r->inspection->name);
    /* &A is the sheet name, &P the page, &N the pages. */
    snprintf(header, sizeof header, "&L%s&R&A", name);
    char *page = annexe_sf(c, "print.footer", NULL); /* e.g. "Page &P of &N" */
    snprintf(footer, sizeof footer, "&L%s&R%s", annexe_s(c, "print.footer_left"),
             page ? page : "");
    free(page);
    annexe_check(c, worksheet_set_header(ws, header));
    annexe_check(c, worksheet_set_footer(ws, footer));
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
    if (last_row < first_row)
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
    annexe_check(c, workbook_define_name(c->wb, name, formula));
}
