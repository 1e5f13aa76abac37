/*
 * The Ratings sheet: each standard with where its rating comes from, the
 * computed and the final rating (both, so a panel override is visible), the
 * driver question with its counts, and the points; then score and overall.
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

    annexe_sheet_title(c, ws, "ratings.title");

    const lxw_row_t head = 2;
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
        annexe_rating(c, ws, row, COL_COMPUTED, s->computed_rating);
        annexe_rating(c, ws, row, COL_FINAL, s->rating);
        annexe_text(c, ws, row, COL_OVERRIDDEN, annexe_s(c, s->overridden ? "value.yes" : "value.no"),
                    c->f.text);
        if (s->driver >= 0 && (size_t)s->driver < fw->n_questions) {
            pdurep_tally t = r->questions[s->driver];
            annexe_text(c, ws, row, COL_DRIVER, fw->questions[s->driver].code, c->f.text);
            annexe_count(c, ws, row, COL_YES, t.yes, 0);
            annexe_count(c, ws, row, COL_RELEVANT, pdurep_tally_relevant(t), 0);
            annexe_fraction(c, ws, row, COL_PERCENT, t, 0);
            annexe_rounded(c, ws, row, COL_ROUNDED, t, 0);
        }
        if (s->band)
            annexe_text(c, ws, row, COL_BAND, annexe_band_label(c, s->band), c->f.text);
        annexe_number(c, ws, row, COL_POINTS, s->points, c->f.count);
        annexe_text(c, ws, row, COL_RATIONALE, s->rationale, c->f.wrap);
    }
    if (fw->n_standards)
        annexe_band_fills(c, ws, head + 1, row - 1, COL_PERCENT);

    row++;
    annexe_text(c, ws, row, COL_NAME, annexe_s(c, "ratings.score"), c->f.key);
    annexe_number(c, ws, row, COL_DOMAIN, r->score, c->f.count);
    annexe_define_name(c, "Score", SHEET_RATINGS, row, COL_DOMAIN, row, COL_DOMAIN);
    row++;
    annexe_text(c, ws, row, COL_NAME, annexe_s(c, "ratings.max_score"), c->f.key);
    annexe_number(c, ws, row, COL_DOMAIN, r->max_score, c->f.count);
    annexe_define_name(c, "MaximumScore", SHEET_RATINGS, row, COL_DOMAIN, row, COL_DOMAIN);
    row++;
    annexe_text(c, ws, row, COL_NAME, annexe_s(c, "ratings.overall"), c->f.key);
    annexe_rating(c, ws, row, COL_DOMAIN, r->overall);
    annexe_define_name(c, "OverallRating", SHEET_RATINGS, row, COL_DOMAIN, row, COL_DOMAIN);

    worksheet_freeze_panes(ws, head + 1, 2);
    annexe_print_setup(c, ws, head);
}
