/*
 * The Cases sheet (full annexe with --with-cases only): one row per case
 * with its groups and its answer to every question the inspection collected.
 * Never in a sharing workbook. Case data is not a figure of the calculator,
 * so it is read from the database here, in case-id order.
 *
 * The sheet is a table `pdurep import` reads back: answers are the bundle's
 * own codes Y, N and NA, and a question the bundle had no column for has no
 * column here either, so nothing in it needs a guess to be read again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

/* One row of the sheet per case, as the library reads them. */
typedef struct cases_writer {
    annexe_ctx *c;
    lxw_worksheet *ws;
    lxw_row_t row;
} cases_writer;

static int write_case(const pdurep_case *k, void *user)
{
    cases_writer *w = user;
    annexe_ctx *c = w->c;
    const pdurep_framework *fw = c->r->framework;
    size_t na = fw->n_attributes;
    annexe_text(c, w->ws, w->row, 0, k->case_id, c->f.text);
    for (size_t a = 0; a < na; a++)
        annexe_text(c, w->ws, w->row, (lxw_col_t)(1 + a),
                    fw->attributes[a].labels[k->values[a]], NULL);
    lxw_col_t col = (lxw_col_t)(1 + na);
    for (size_t q = 0; q < fw->n_questions; q++) {
        if (!annexe_collected(c, q))
            continue;
        char ch = k->answers[q];
        annexe_check(c, worksheet_write_string(w->ws, w->row, col++,
                                               ch == 'Y' ? "Y" : ch == 'N' ? "N" : "NA", NULL));
    }
    w->row++;
    return c->lxw_err ? PDUREP_ERROR_INTERNAL : 0;
}

pdurep_error annexe_sheet_cases(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CASES];
    const pdurep_framework *fw = c->r->framework;
    size_t n_attr = fw->n_attributes;

    size_t n_cols = 1 + n_attr;
    for (size_t q = 0; q < fw->n_questions; q++)
        n_cols += annexe_collected(c, q) != 0;
    annexe_column *cols = calloc(n_cols, sizeof *cols);
    if (!cols)
        return PDUREP_ERROR_NO_MEMORY;
    cols[0] = (annexe_column){annexe_s(c, "cases.col.case_id"), 12};
    for (size_t a = 0; a < n_attr; a++)
        cols[1 + a] = (annexe_column){fw->attributes[a].label, 18};
    for (size_t q = 0, i = 1 + n_attr; q < fw->n_questions; q++)
        if (annexe_collected(c, q))
            cols[i++] = (annexe_column){fw->questions[q].code, 7};

    const annexe_note notes[] = {NOTE_CASES, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, "cases.title", NULL, c->r->n_cases, notes);
    /* Tables cap at 64 columns here; wider frameworks get an autofilter. */
    int saved = c->constant_memory;
    if (n_cols > 64)
        c->constant_memory = 1;
    annexe_table(c, ws, "tblCases", head, head + (lxw_row_t)c->r->n_cases, cols,
                 (lxw_col_t)n_cols);
    c->constant_memory = saved;

    cases_writer w = {c, ws, head + 1};
    pdurep_error err = pdurep_cases_read(c->db, c->r->inspection->id, fw, write_case, &w, c->diag);
    if (err == PDUREP_ERROR_INTERNAL && c->lxw_err)
        err = PDUREP_OK; /* the writer's own error is reported with the workbook */
    free(cols);
    worksheet_freeze_panes(ws, head + 1, 1);
    annexe_print_setup(c, ws, head);
    return err;
}
