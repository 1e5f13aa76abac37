/*
 * The Sample sheet: the profile of the case sample, cases and share by each
 * attribute's groups.
 */
#include <stdlib.h>

#include "xlsx/annexe_internal.h"

#define MAX_COLS 16

void annexe_sheet_sample(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_SAMPLE];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;
    const annexe_plan *p = &c->plan;

    annexe_column cols[MAX_COLS] = {
        {annexe_s(c, "sample.col.attribute"), 22},
        {annexe_s(c, "sample.col.group"), 40},
        {annexe_s(c, "sample.col.cases"), 9},
        {annexe_s(c, "sample.col.share"), 12},
    };
    lxw_col_t n = 4;
    char *owned[MAX_COLS];
    size_t n_owned = 0;
    static const char *const cmp_key[] = {"sample.col.cmp_share"};
    n = annexe_comparator_headers(c, cols, n, MAX_COLS, cmp_key, 1, 16, owned, &n_owned);
    const annexe_note notes[] = {NOTE_SUPPRESSION,
                                 NOTE_SHARE, NOTE_COMPARATOR, NOTE_COMPARATOR + 1, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, "sample.title", NULL, p->n_flat, notes);
    annexe_table(c, ws, "tblSample", head, head + (lxw_row_t)p->n_flat, cols, n);

    lxw_row_t row = head + 1;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        for (size_t v = 0; v < at->n_values; v++, row++) {
            size_t flat = p->offset[a] + v;
            unsigned long cases = r->breakdowns[a].cases[v];
            annexe_text(c, ws, row, 0, at->label, c->f.text);
            annexe_text(c, ws, row, 1, at->labels[v], c->f.text);
            annexe_count(c, ws, row, 2, cases, p->sample[flat]);
            /* A share is a count in disguise: it is hidden with it. */
            annexe_fraction(c, ws, row, 3, (pdurep_tally){cases, r->n_cases - cases, 0},
                            p->sample[flat]);
            lxw_col_t col = 4;
            for (size_t k = 0; k < c->n_cmp; k++) {
                if (!p->cmp_shown[k])
                    continue;
                const pdurep_annexe_comparator *cmp = c->cmp[k];
                unsigned long cc = cmp->cases[flat];
                annexe_fraction(c, ws, row, col++, (pdurep_tally){cc, cmp->n_cases - cc, 0},
                                p->cmp_sample[k * p->n_flat + flat]);
            }
        }
    }
    if (p->n_flat)
        annexe_define_name(c, "SampleCases", SHEET_SAMPLE, head + 1, 2, row - 1, 2);
    worksheet_freeze_panes(ws, head + 1, 2);
    annexe_print_setup(c, ws, head);
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
}
