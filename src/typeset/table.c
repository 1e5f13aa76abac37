/*
 * Tables. Rows are collected first and laid out at the end, because the
 * header's height and the first row's height decide where the table may
 * start (a heading before it must not be left alone at a page foot).
 */
#include "typeset/table.h"
#include "typeset/alloc.h"

#include <stdlib.h>
#include <string.h>

typedef struct cell {
    pdurep_rich rich;
    pdurep_lines lines;
    int has_fill, has_colour;
    pdurep_rgb fill, colour;
} cell;

typedef struct row {
    cell *cells;
    double height;
    int header;
} row;

struct pdurep_table {
    pdurep_doc *doc;
    pdurep_table_style ts;
    size_t n_cols;
    double *widths; /* points */
    pdurep_align *align;
    pdurep_footnote_fn fn;
    void *ctx;
    row *rows;
    size_t n_rows, cap_rows;
};

pdurep_table *pdurep_table_new(pdurep_doc *doc, const pdurep_table_style *ts, size_t n_cols,
                               const double *widths, const pdurep_align *align,
                               pdurep_footnote_fn fn, void *ctx)
{
    if (doc->err || !n_cols)
        return NULL;
    pdurep_table *t = pdurep_ts_calloc(1, sizeof *t);
    if (t) {
        t->widths = pdurep_ts_calloc(n_cols, sizeof *t->widths);
        t->align = pdurep_ts_calloc(n_cols, sizeof *t->align);
    }
    if (!t || !t->widths || !t->align) {
        if (t) {
            free(t->widths);
            free(t->align);
        }
        free(t);
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return NULL;
    }
    t->doc = doc;
    t->ts = *ts;
    t->n_cols = n_cols;
    t->fn = fn;
    t->ctx = ctx;
    double sum = 0;
    for (size_t i = 0; i < n_cols; i++)
        sum += widths[i] > 0 ? widths[i] : 0;
    double body = doc->body.x1 - doc->body.x0;
    for (size_t i = 0; i < n_cols; i++) {
        t->widths[i] = sum > 0 ? (widths[i] > 0 ? widths[i] : 0) / sum * body : body / n_cols;
        t->align[i] = align ? align[i] : PDUREP_ALIGN_LEFT;
    }
    return t;
}

void pdurep_table_row(pdurep_table *t, const pdurep_table_cell *cells, int header)
{
    if (!t || t->doc->err)
        return;
    pdurep_doc *doc = t->doc;
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? t->cap_rows * 2 : 8;
        row *rows = pdurep_ts_realloc(t->rows, cap * sizeof *rows);
        if (!rows) {
            pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
            return;
        }
        t->rows = rows;
        t->cap_rows = cap;
    }
    row *r = &t->rows[t->n_rows];
    if (!(r->cells = pdurep_ts_calloc(t->n_cols, sizeof *r->cells))) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    t->n_rows++;
    r->header = header;
    const pdurep_style *st = header ? &t->ts.head : &t->ts.body;
    double h = 0;
    for (size_t i = 0; i < t->n_cols; i++) {
        cell *c = &r->cells[i];
        c->has_fill = cells[i].has_fill;
        c->fill = cells[i].fill;
        c->has_colour = cells[i].has_colour;
        c->colour = cells[i].colour;
        double w = t->widths[i] - 2 * t->ts.pad_x;
        pdurep_error err = pdurep_rich_markup(&c->rich, st->face, cells[i].markup ? cells[i].markup : "",
                                              t->fn, t->ctx);
        if (!err)
            err = pdurep_lines_break(&c->lines, &doc->fonts, &c->rich, st->size, w > 1 ? w : 1, 0);
        if (err) {
            pdurep_doc_fail(doc, err, "cannot set table cell '%s'", cells[i].markup);
            return;
        }
        double ch = c->lines.n_lines * st->leading;
        if (ch > h)
            h = ch;
    }
    r->height = h + 2 * t->ts.pad_y;
}

/* Draw a row. @p grid: the table has a header row (it is a data table);
 * @p repeat: this is the header again on a continuation page, furniture. */
static void draw_row(pdurep_table *t, const row *r, int stripe, int grid, int repeat)
{
    pdurep_doc *doc = t->doc;
    const pdurep_style *base = r->header ? &t->ts.head : &t->ts.body;
    double x = doc->body.x0, top = doc->y;
    if (repeat)
        pdurep_doc_artifact_begin(doc);
    else if (grid)
        pdurep_doc_tag_begin(doc, PDUREP_TAG_TR);
    pdurep_doc_artifact_begin(doc);
    if (r->header)
        pdurep_doc_fill_rect(doc, x, top - r->height, doc->body.x1 - x, r->height, t->ts.head_fill);
    else if (stripe)
        pdurep_doc_fill_rect(doc, x, top - r->height, doc->body.x1 - x, r->height, t->ts.stripe);
    pdurep_doc_artifact_end(doc);
    for (size_t i = 0; i < t->n_cols; i++) {
        const cell *c = &r->cells[i];
        if (c->has_fill) {
            pdurep_doc_artifact_begin(doc);
            pdurep_doc_fill_rect(doc, x, top - r->height, t->widths[i], r->height, c->fill);
            pdurep_doc_artifact_end(doc);
        }
        pdurep_style st = *base;
        st.align = t->align[i];
        if (c->has_colour)
            st.colour = c->colour;
        int head = r->header || (t->ts.row_headers && i == 0);
        int tagged = !repeat && (grid || c->lines.n_lines);
        if (tagged)
            pdurep_doc_tag_begin(doc, grid ? (head ? PDUREP_TAG_TH : PDUREP_TAG_TD) : PDUREP_TAG_P);
        if (tagged && grid && head)
            pdurep_doc_tag_scope(doc, r->header ? PDUREP_SCOPE_COLUMN : PDUREP_SCOPE_ROW);
        pdurep_doc_draw_lines(doc, &c->lines, &c->rich, 0, c->lines.n_lines, x + t->ts.pad_x,
                              top - t->ts.pad_y, t->widths[i] - 2 * t->ts.pad_x, &st);
        if (tagged)
            pdurep_doc_tag_end(doc);
        x += t->widths[i];
    }
    if (!r->header) {
        pdurep_doc_artifact_begin(doc);
        pdurep_doc_line(doc, doc->body.x0, top - r->height, doc->body.x1, top - r->height, 0.5,
                        t->ts.rule, 0);
        pdurep_doc_artifact_end(doc);
    }
    if (repeat)
        pdurep_doc_artifact_end(doc);
    else if (grid)
        pdurep_doc_tag_end(doc);
    doc->y -= r->height;
    doc->fresh = 0;
}

void pdurep_table_end(pdurep_table *t)
{
    if (!t)
        return;
    pdurep_doc *doc = t->doc;
    const row *head = NULL;
    size_t first_body = 0;
    if (t->n_rows && t->rows[0].header) {
        head = &t->rows[0];
        first_body = 1;
    }
    if (!doc->err && t->n_rows) {
        double need = (head ? head->height : 0) + (first_body < t->n_rows ? t->rows[first_body].height : 0);
        pdurep_doc_reserve(doc, need);
        int grid = head != NULL;
        pdurep_doc_tag_begin(doc, grid ? PDUREP_TAG_TABLE : PDUREP_TAG_DIV);
        if (head) {
            pdurep_doc_tag_begin(doc, PDUREP_TAG_THEAD);
            draw_row(t, head, 0, grid, 0);
            pdurep_doc_tag_end(doc);
            pdurep_doc_tag_begin(doc, PDUREP_TAG_TBODY);
        }
        for (size_t i = first_body; i < t->n_rows && !doc->err; i++) {
            const row *r = &t->rows[i];
            /* Never split a row: carry it, under a repeated header, to the next page. */
            if (doc->y - r->height < doc->body.y0 - 1e-6) {
                pdurep_doc_new_page(doc);
                if (head)
                    draw_row(t, head, 0, grid, 1);
                if (doc->y - r->height < doc->body.y0 - 1e-6) {
                    pdurep_doc_fail(doc, PDUREP_ERROR_DATA, "a table row is taller than a page");
                    break;
                }
            }
            draw_row(t, r, t->ts.striped && ((i - first_body) & 1), grid, 0);
        }
        if (head)
            pdurep_doc_tag_end(doc);
        pdurep_doc_tag_end(doc);
        doc->y -= t->ts.space_after;
    }
    for (size_t i = 0; i < t->n_rows; i++) {
        for (size_t c = 0; c < t->n_cols && t->rows[i].cells; c++) {
            pdurep_rich_free(&t->rows[i].cells[c].rich);
            pdurep_lines_free(&t->rows[i].cells[c].lines);
        }
        free(t->rows[i].cells);
    }
    free(t->rows);
    free(t->widths);
    free(t->align);
    free(t);
}
