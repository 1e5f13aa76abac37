/*
 * The Ratings sheet: each standard with where its rating comes from, the
 * computed and the final rating (both, so a panel override is visible), the
 * driver question with its counts, and the points. A judged standard has no
 * driver, so those cells are [z]; the score and overall rating are on the
 * Score sheet (one table per sheet).
 */
#include <stdlib.h>

#include "xlsx/annexe_internal.h"

enum { COL_CODE, COL_NAME, COL_DOMAIN, COL_SOURCE, COL_COMPUTED, COL_FINAL, COL_OVERRIDDEN,
       COL_DRIVER, COL_YES, COL_RELEVANT, COL_PERCENT, COL_ROUNDED, COL_BAND, COL_POINTS,
       COL_RATIONALE, N_COLS };

void annexe_sheet_ratings(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_RATINGS];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;

    const annexe_note notes[] = {NOTE_PERCENT, NOTE_ROUNDING, NOTE_DRIVER, NOTE_COUNT};
    const lxw_row_t head = annexe_title_block(c, ws, "ratings.title", NULL, fw->n_standards, notes);
    const annexe_column cols[N_COLS] = {
        {annexe_s(c, "ratings.col.code"), 8},      {annexe_s(c, "ratings.col.standard"), 26},
        {annexe_s(c, "ratings.col.domain"), 22},   {annexe_s(c, "ratings.col.source"), 20},
        {annexe_s(c, "ratings.col.computed"), 19}, {annexe_s(c, "ratings.col.final"), 19},
        {annexe_s(c, "ratings.col.overridden"), 11}, {annexe_s(c, "ratings.col.driver"), 10},
        {annexe_s(c, "ratings.col.yes"), 9},       {annexe_s(c, "ratings.col.relevant"), 10},
        {annexe_s(c, "ratings.col.percent"), 9},   {annexe_s(c, "ratings.col.rounded"), 10},
        {annexe_s(c, "ratings.col.band"), 20},     {annexe_s(c, "ratings.col.points"), 8},
        {annexe_s(c, "ratings.col.rationale"), 50},
    };
    lxw_row_t last = head + (lxw_row_t)fw->n_standards;
    annexe_table(c, ws, "tblRatings", head, last, cols, N_COLS);

    lxw_row_t row = head + 1;
    for (size_t i = 0; i < fw->n_standards; i++, row++) {
        const pdurep_standard_result *s = &r->standards[i];
        const pdurep_standard *st = &fw->standards[i];
        annexe_fit_row(c, ws, row, s->rationale, cols[COL_RATIONALE].width);
        annexe_text(c, ws, row, COL_CODE, st->code, c->f.text);
        annexe_text(c, ws, row, COL_NAME, st->name, c->f.text);
        annexe_text(c, ws, row, COL_DOMAIN, st->domain_name, c->f.text);
        annexe_text(c, ws, row, COL_SOURCE,
                    annexe_s(c, st->rated_by == PDUREP_RATED_BY_CASES ? "ratings.source.cases"
                                                                       : "ratings.source.judgement"),
                    c->f.text);
        int cases = st->rated_by == PDUREP_RATED_BY_CASES;
        if (cases)
            annexe_rating(c, ws, row, COL_COMPUTED, s->computed_rating);
        else
            annexe_not_applicable(c, ws, row, COL_COMPUTED);
        annexe_rating(c, ws, row, COL_FINAL, s->rating);
        if (cases)
            annexe_text(c, ws, row, COL_OVERRIDDEN,
                        annexe_s(c, s->overridden ? "value.yes" : "value.no"), c->f.text);
        else
            annexe_not_applicable(c, ws, row, COL_OVERRIDDEN);
        if (s->driver >= 0 && (size_t)s->driver < fw->n_questions) {
            pdurep_tally t = r->questions[s->driver];
            annexe_text(c, ws, row, COL_DRIVER, fw->questions[s->driver].code, c->f.text);
            annexe_count(c, ws, row, COL_YES, t.yes, 0);
            annexe_count(c, ws, row, COL_RELEVANT, pdurep_tally_relevant(t), 0);
            annexe_fraction(c, ws, row, COL_PERCENT, t, 0);
            annexe_rounded(c, ws, row, COL_ROUNDED, t, 0);
        } else {
            for (int col = COL_DRIVER; col <= COL_ROUNDED; col++)
                annexe_not_applicable(c, ws, row, (lxw_col_t)col);
        }
        annexe_text_z(c, ws, row, COL_BAND, s->band ? annexe_band_label(c, s->band) : NULL,
                      c->f.text);
        annexe_number(c, ws, row, COL_POINTS, s->points, c->f.count);
        annexe_text_z(c, ws, row, COL_RATIONALE, s->rationale, c->f.wrap);
    }
    if (fw->n_standards)
        annexe_band_fills(c, ws, head + 1, row - 1, COL_PERCENT);

    worksheet_freeze_panes(ws, head + 1, 2);
    annexe_print_setup(c, ws, head);
}
