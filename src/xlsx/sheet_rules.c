/*
 * The Score sheet (the score, its maximum and the overall rating, one row)
 * and the framework's rules as three reference tables: bands, points per
 * rating and overall bands, the same tables the calculator used.
 */
#include <stdlib.h>

#include "xlsx/annexe_internal.h"

void annexe_sheet_score(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_SCORE];
    const pdurep_ratings *r = c->r;
    const annexe_note notes[] = {NOTE_DRIVER, NOTE_COUNT};
    lxw_row_t head = annexe_title_block(c, ws, "score.title", NULL, 1, notes);
    const annexe_column cols[4] = {{annexe_s(c, "score.col.cases"), 16},
                                   {annexe_s(c, "ratings.score"), 12},
                                   {annexe_s(c, "ratings.max_score"), 16},
                                   {annexe_s(c, "ratings.overall"), 22}};
    annexe_table(c, ws, "tblScore", head, head + 1, cols, 4);
    lxw_row_t row = head + 1;
    annexe_number(c, ws, row, 0, (double)r->n_cases, c->f.count);
    annexe_number(c, ws, row, 1, r->score, c->f.count);
    annexe_number(c, ws, row, 2, r->max_score, c->f.count);
    annexe_rating(c, ws, row, 3, r->overall);
    annexe_define_name(c, "Score", SHEET_SCORE, row, 1, row, 1);
    annexe_define_name(c, "MaximumScore", SHEET_SCORE, row, 2, row, 2);
    annexe_define_name(c, "OverallRating", SHEET_SCORE, row, 3, row, 3);
    annexe_print_setup(c, ws, head);
}

static void bands(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_BANDS];
    const pdurep_framework *fw = c->r->framework;
    const char *basis = annexe_s(c, fw->band_on_rounded ? "about.band_basis_rounded"
                                                        : "about.band_basis_unrounded");
    const annexe_note notes[] = {NOTE_PERCENT, NOTE_DRIVER, NOTE_COUNT};
    lxw_row_t head = annexe_title_block(c, ws, "bands.title", basis, fw->n_bands, notes);
    const annexe_column cols[3] = {{annexe_s(c, "about.col.band_from"), 22},
                                   {annexe_s(c, "about.col.band"), 24},
                                   {annexe_s(c, "about.col.rating"), 24}};
    annexe_table(c, ws, "tblBands", head, head + (lxw_row_t)fw->n_bands, cols, 3);
    lxw_row_t row = head + 1;
    for (size_t i = 0; i < fw->n_bands; i++, row++) {
        annexe_number(c, ws, row, 0, fw->bands[i].min_percent / 100.0, c->f.fraction);
        annexe_text_z(c, ws, row, 1, annexe_band_label(c, &fw->bands[i]), c->f.text);
        annexe_rating(c, ws, row, 2, fw->bands[i].rating);
    }
    if (fw->n_bands)
        annexe_define_name(c, "RatingBands", SHEET_BANDS, head + 1, 0, row - 1, 2);
    annexe_print_setup(c, ws, head);
}

static void points(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_POINTS];
    const pdurep_framework *fw = c->r->framework;
    lxw_row_t head = annexe_title_block(c, ws, "points.title", NULL, PDUREP_RATING_COUNT, NULL);
    const annexe_column cols[2] = {{annexe_s(c, "about.col.rating"), 24},
                                   {annexe_s(c, "about.col.points"), 12}};
    annexe_table(c, ws, "tblPoints", head, head + PDUREP_RATING_COUNT, cols, 2);
    lxw_row_t row = head + 1;
    for (int rt = PDUREP_RATING_COUNT - 1; rt >= 0; rt--, row++) {
        annexe_rating(c, ws, row, 0, (pdurep_rating)rt);
        annexe_number(c, ws, row, 1, fw->points[rt], c->f.count);
    }
    annexe_print_setup(c, ws, head);
}

static void overall(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_OVERALL];
    const pdurep_framework *fw = c->r->framework;
    lxw_row_t head = annexe_title_block(c, ws, "overall.title", NULL, fw->n_overall, NULL);
    const annexe_column cols[3] = {{annexe_s(c, "about.col.score_from"), 14},
                                   {annexe_s(c, "about.col.score_to"), 14},
                                   {annexe_s(c, "about.col.overall"), 24}};
    annexe_table(c, ws, "tblOverall", head, head + (lxw_row_t)fw->n_overall, cols, 3);
    lxw_row_t row = head + 1;
    for (size_t i = fw->n_overall; i-- > 0; row++) {
        annexe_number(c, ws, row, 0, fw->overall[i].min_score, c->f.count);
        annexe_number(c, ws, row, 1, fw->overall[i].max_score, c->f.count);
        annexe_rating(c, ws, row, 2, fw->overall[i].rating);
    }
    annexe_print_setup(c, ws, head);
}

void annexe_sheet_rules(annexe_ctx *c)
{
    if (c->has_sheet[SHEET_BANDS])
        bands(c);
    points(c);
    if (c->has_sheet[SHEET_OVERALL])
        overall(c);
}
