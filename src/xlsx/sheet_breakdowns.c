/*
 * The Breakdowns sheet: every key question by every case attribute, one row
 * per question and group (a long table, so an analyst can filter and pivot
 * it), with counts, the percentage, and the relative rate index against the
 * attribute's reference group.
 */
#include <stdio.h>
#include <stdlib.h>

#include "xlsx/annexe_internal.h"

#define MAX_COLS 32

enum { C_ATTRIBUTE, C_GROUP, C_STANDARD, C_QUESTION, C_CASES, C_YES, C_NO, C_NA, C_RELEVANT,
       C_PERCENT, C_ROUNDED, C_RRI, C_REFERENCE, C_FLAG, N_OWN };

void annexe_sheet_breakdowns(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_BREAKDOWNS];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;
    const annexe_plan *p = &c->plan;

    annexe_column cols[MAX_COLS] = {
        {annexe_s(c, "breakdowns.col.attribute"), 20}, {annexe_s(c, "breakdowns.col.group"), 26},
        {annexe_s(c, "breakdowns.col.standard"), 9},   {annexe_s(c, "breakdowns.col.question"), 9},
        {annexe_s(c, "breakdowns.col.cases"), 9},      {annexe_s(c, "breakdowns.col.yes"), 8},
        {annexe_s(c, "breakdowns.col.no"), 8},         {annexe_s(c, "breakdowns.col.na"), 10},
        {annexe_s(c, "breakdowns.col.relevant"), 9},   {annexe_s(c, "breakdowns.col.percent"), 9},
        {annexe_s(c, "breakdowns.col.rounded"), 9},    {annexe_s(c, "breakdowns.col.rri"), 9},
        {annexe_s(c, "breakdowns.col.reference"), 26}, {annexe_s(c, "breakdowns.col.flag"), 14},
    };
    lxw_col_t n = N_OWN;
    char *owned[MAX_COLS];
    size_t n_owned = 0;
    static const char *const cmp_key[] = {"breakdowns.col.cmp_percent"};
    n = annexe_comparator_headers(c, cols, n, MAX_COLS, cmp_key, 1, 14, owned, &n_owned);

    size_t n_rows = 0, n_kq = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        n_kq += fw->questions[q].parent < 0;
    for (size_t a = 0; a < fw->n_attributes; a++)
        n_rows += n_kq * fw->attributes[a].n_values;

    /* The convention sits in the title block: rows go in order in constant-memory mode. */
    char rri_low[32], rri_high[32], rri_min[32];
    snprintf(rri_low, sizeof rri_low, "%g", PDUREP_ANNEXE_RRI_LOW);
    snprintf(rri_high, sizeof rri_high, "%g", PDUREP_ANNEXE_RRI_HIGH);
    snprintf(rri_min, sizeof rri_min, "%d", PDUREP_ANNEXE_RRI_MIN_RELEVANT);
    const char *nn[] = {"low", rri_low, "high", rri_high, "min", rri_min, NULL};
    char *note = annexe_sf(c, "breakdowns.note", nn);
    const annexe_note notes[] = {NOTE_PERCENT, NOTE_RRI, NOTE_SUPPRESSION,
                                 NOTE_SHARE, NOTE_COMPARATOR, NOTE_COMPARATOR + 1, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, "breakdowns.title", note, n_rows, notes);
    free(note);
    annexe_table(c, ws, "tblBreakdowns", head, head + (lxw_row_t)n_rows, cols, n);

    lxw_row_t row = head + 1;
    for (size_t a = 0; a < fw->n_attributes; a++) {
        const pdurep_attribute *at = &fw->attributes[a];
        const pdurep_breakdown *b = &r->breakdowns[a];
        long ref = p->reference[a];
        for (size_t q = 0; q < fw->n_questions; q++) {
            const pdurep_question *qu = &fw->questions[q];
            if (qu->parent >= 0)
                continue;
            int ref_hidden = ref >= 0 && p->block[(p->offset[a] + (size_t)ref) * c->nq + q];
            pdurep_tally t_ref = ref >= 0 ? pdurep_ratings_breakdown(r, a, (size_t)ref, q)
                                          : (pdurep_tally){0, 0, 0};
            for (size_t v = 0; v < at->n_values; v++, row++) {
                size_t flat = p->offset[a] + v;
                int hidden = p->block[flat * c->nq + q];
                pdurep_tally t = pdurep_ratings_breakdown(r, a, v, q);
                annexe_text(c, ws, row, C_ATTRIBUTE, at->label, c->f.text);
                annexe_text(c, ws, row, C_GROUP, at->labels[v], c->f.text);
                annexe_text(c, ws, row, C_STANDARD, fw->standards[qu->standard].code, c->f.text);
                annexe_text(c, ws, row, C_QUESTION, qu->code, c->f.text);
                annexe_count(c, ws, row, C_CASES, b->cases[v], p->sample[flat]);
                annexe_count(c, ws, row, C_YES, t.yes, hidden);
                annexe_count(c, ws, row, C_NO, t.no, hidden);
                annexe_count(c, ws, row, C_NA, t.na, hidden);
                annexe_count(c, ws, row, C_RELEVANT, pdurep_tally_relevant(t), hidden);
                annexe_fraction(c, ws, row, C_PERCENT, t, hidden);
                annexe_rounded(c, ws, row, C_ROUNDED, t, hidden);
                annexe_text_z(c, ws, row, C_REFERENCE, ref >= 0 ? at->labels[ref] : NULL, c->f.text);
                /* With the reference's percent shown, a ratio would give a hidden percent back. */
                if (hidden || (ref_hidden && (long)v != ref)) {
                    annexe_suppressed(c, ws, row, C_RRI);
                    annexe_suppressed(c, ws, row, C_FLAG);
                } else {
                    /* The reference group's own index is 1 by definition: not a figure. */
                    double rri = ref >= 0 && (long)v != ref
                                     ? pdurep_relative_rate_index(t, t_ref, PDUREP_ANNEXE_RRI_MIN_RELEVANT)
                                     : -1;
                    if (rri >= 0) {
                        annexe_number(c, ws, row, C_RRI, rri, c->f.ratio);
                        const char *flag = rri < PDUREP_ANNEXE_RRI_LOW    ? "breakdowns.flag.low"
                                           : rri > PDUREP_ANNEXE_RRI_HIGH ? "breakdowns.flag.high"
                                                                          : "breakdowns.flag.none";
                        annexe_text(c, ws, row, C_FLAG, annexe_s(c, flag), c->f.text);
                    } else {
                        annexe_not_applicable(c, ws, row, C_RRI);
                        annexe_not_applicable(c, ws, row, C_FLAG);
                    }
                }
                lxw_col_t col = N_OWN;
                for (size_t k = 0; k < c->n_cmp; k++) {
                    if (!p->cmp_shown[k])
                        continue;
                    int ch = p->cmp_block[(k * p->n_flat + flat) * c->nq + q];
                    annexe_fraction(c, ws, row, col++, annexe_cmp_breakdown(c->cmp[k], c, a, v, q), ch);
                }
            }
        }
    }
    if (n_rows) {
        annexe_band_fills(c, ws, head + 1, row - 1, C_PERCENT);
        for (lxw_col_t k = N_OWN; k < n; k++)
            annexe_band_fills(c, ws, head + 1, row - 1, k);
        annexe_define_name(c, "BreakdownPercents", SHEET_BREAKDOWNS, head + 1, C_PERCENT, row - 1,
                           C_PERCENT);
    }
    worksheet_freeze_panes(ws, head + 1, 4);
    annexe_print_setup(c, ws, head);
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
}
