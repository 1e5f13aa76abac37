/*
 * The PDUs sheet of a region's full annexe: one row per PDU the region pools,
 * with its cases, every standard's rating and points, score, overall rating
 * and every key question's % Yes, then the region's pooled row (cases and
 * percentages over all the PDUs' cases, unrated). Figures come from
 * pdurep_region_pdus, that is from the calculator, exactly as `pdurep rate
 * --json` gives them for each PDU.
 *
 * A sharing workbook never has this sheet: it is written for one PDU's leaders
 * and must not hold another PDU's rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

/* Columns: PDU, id, cases, (rating, points) per standard, score, maximum, overall, % per key question. */
#define MAX_COLS 64

int annexe_pdus_wanted(const pdurep_inspection *in, int share)
{
    return in && !share && !strcmp(in->kind, "region");
}

pdurep_error annexe_pdus_prepare(annexe_ctx *c)
{
    if (c->pdus)
        return PDUREP_OK; /* prepared with the document */
    pdurep_error err = pdurep_region_pdus_load(c->db, c->r, &c->own_pdus, c->diag);
    c->pdus = c->own_pdus;
    return err;
}

void annexe_sheet_pdus(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_PDUS];
    const pdurep_region_pdus *rg = c->pdus;
    if (!ws || !rg || !rg->n_pdus)
        return;
    const pdurep_framework *fw = rg->pooled->framework;
    const pdurep_inspection *region = c->r->inspection;
    const char *names[] = {"name", region->name, "region", region->region, "framework", fw->code,
                           NULL};

    annexe_column cols[MAX_COLS];
    char *owned[MAX_COLS];
    size_t n_owned = 0;
    lxw_col_t n = 0;
    cols[n++] = (annexe_column){annexe_s(c, "pdus.col.pdu"), 28};
    cols[n++] = (annexe_column){annexe_s(c, "pdus.col.id"), 28};
    cols[n++] = (annexe_column){annexe_s(c, "pdus.col.cases"), 8};
    lxw_col_t first_std = n;
    for (size_t s = 0; s < fw->n_standards && n + 2 <= MAX_COLS; s++) {
        const char *sn[] = {"code", fw->standards[s].code, "name", fw->standards[s].name, NULL};
        owned[n_owned] = annexe_sf(c, "pdus.col.rating", sn);
        cols[n++] = (annexe_column){owned[n_owned++], 20};
        owned[n_owned] = annexe_sf(c, "pdus.col.points", sn);
        cols[n++] = (annexe_column){owned[n_owned++], 9};
    }
    lxw_col_t col_score = n;
    cols[n++] = (annexe_column){annexe_s(c, "pdus.col.score"), 8};
    cols[n++] = (annexe_column){annexe_s(c, "pdus.col.max_score"), 10};
    cols[n++] = (annexe_column){annexe_s(c, "pdus.col.overall"), 20};
    lxw_col_t first_kq = n;
    size_t *kq = calloc(fw->n_questions ? fw->n_questions : 1, sizeof *kq);
    if (!kq)
        c->out_of_memory = 1;
    size_t n_kq = 0;
    for (size_t s = 0; kq && s < fw->n_standards; s++)
        for (size_t k = 0; k < fw->standards[s].n_key_questions && n < MAX_COLS; k++) {
            size_t q = fw->standards[s].key_questions[k];
            const char *qn[] = {"code", fw->questions[q].code, NULL};
            owned[n_owned] = annexe_sf(c, "pdus.col.percent", qn);
            cols[n++] = (annexe_column){owned[n_owned++], 10};
            kq[n_kq++] = q;
        }

    char *title_key_note = annexe_sf(c, "pdus.note", names);
    const annexe_note notes[] = {NOTE_PERCENT, NOTE_PROVISIONAL, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, "pdus.title", title_key_note, rg->n_pdus + 1,
                                              notes);
    free(title_key_note);
    lxw_row_t last = head + (lxw_row_t)rg->n_pdus + 1;
    annexe_table(c, ws, "tblPDUs", head, last, cols, n);

    lxw_row_t row = head + 1;
    for (size_t i = 0; i <= rg->n_pdus; i++, row++) {
        int pooled = i == rg->n_pdus;
        const pdurep_ratings *x = pooled ? rg->pooled : rg->pdus[i];
        if (pooled) {
            /* The region's own row: its pooled cases and percentages; nothing here is rated. */
            char *label = annexe_sf(c, "pdus.pooled", names);
            annexe_text(c, ws, row, 0, label, c->f.bold);
            free(label);
            annexe_text(c, ws, row, 1, region->id, c->f.text);
        } else {
            annexe_text(c, ws, row, 0, x->inspection->name, c->f.text);
            annexe_text(c, ws, row, 1, x->inspection->id, c->f.text);
        }
        annexe_count(c, ws, row, 2, x->n_cases, 0);
        if (pooled) {
            /* The pooled row is not rated: its ratings, points and score cannot exist. */
            for (lxw_col_t col = first_std; col < first_kq; col++)
                annexe_not_applicable(c, ws, row, col);
        } else {
            lxw_col_t col = first_std;
            for (size_t s = 0; s < fw->n_standards && col + 1 < col_score; s++) {
                annexe_rating(c, ws, row, col++, x->standards[s].rating);
                annexe_number(c, ws, row, col++, x->standards[s].points, c->f.count);
            }
            annexe_number(c, ws, row, col_score, x->score, c->f.count);
            annexe_number(c, ws, row, col_score + 1, x->max_score, c->f.count);
            annexe_rating(c, ws, row, col_score + 2, x->overall);
        }
        for (size_t k = 0; k < n_kq; k++)
            annexe_fraction(c, ws, row, first_kq + (lxw_col_t)k, x->questions[kq[k]], 0);
    }
    for (size_t k = 0; k < n_kq; k++)
        annexe_band_fills_fw(c, fw, ws, head + 1, row - 1, first_kq + (lxw_col_t)k);
    if (n_kq)
        annexe_define_name(c, "PDUKeyQuestionPercents", SHEET_PDUS, head + 1, first_kq, row - 1,
                           first_kq + (lxw_col_t)n_kq - 1);
    worksheet_freeze_panes(ws, head + 1, 1);
    annexe_print_setup(c, ws, head);
    free(kq);
    for (size_t i = 0; i < n_owned; i++)
        free(owned[i]);
}
