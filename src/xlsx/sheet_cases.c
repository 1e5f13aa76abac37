/*
 * The Cases sheet (full annexe with --with-cases only): one row per case
 * with its groups and its answer to every question. Never in a sharing
 * workbook. Case data is not a figure of the calculator, so it is read from
 * the database here, in case-id order.
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
    for (size_t q = 0; q < fw->n_questions; q++) {
        /* 1 for Yes, 0 for No, nothing when not applicable: a column's AVERAGE is then
         * the question's percentage and its SUM the Yes count, and 5 million cells
         * stay small (an empty cell is not written at all). */
        char ch = k->answers[q];
        if (ch == 'Y' || ch == 'N')
            annexe_check(c, worksheet_write_number(w->ws, w->row, (lxw_col_t)(1 + na + q),
                                                   ch == 'Y', NULL));
    }
    w->row++;
    return c->lxw_err ? PDUREP_ERROR_INTERNAL : 0;
}

pdurep_error annexe_sheet_cases(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CASES];
    const pdurep_framework *fw = c->r->framework;
    size_t n_attr = fw->n_attributes;

    annexe_sheet_title(c, ws, "cases.title");

    size_t n_cols = 1 + n_attr + fw->n_questions;
    annexe_column *cols = calloc(n_cols, sizeof *cols);
    if (!cols)
        return PDUREP_ERROR_NO_MEMORY;
    cols[0] = (annexe_column){annexe_s(c, "cases.col.case_id"), 12};
    for (size_t a = 0; a < n_attr; a++)
        cols[1 + a] = (annexe_column){fw->attributes[a].label, 18};
    for (size_t q = 0; q < fw->n_questions; q++)
        cols[1 + n_attr + q] = (annexe_column){fw->questions[q].code, 7};

    const lxw_row_t head = 2;
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
