/*
 * The About sheet: what the workbook is, the inspection, the framework's
 * rules (bands, points, overall bands), the rating colours, a linked index of
 * the sheets and the notes a reader needs to use the figures correctly.
 * Written strictly top to bottom, as constant-memory mode requires.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

static void field(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row, const char *key,
                  const char *value)
{
    if (!value || !*value)
        return;
    annexe_text(c, ws, *row, 0, annexe_s(c, key), c->f.key);
    annexe_text(c, ws, *row, 1, value, c->f.wrap);
    (*row)++;
}

static void note(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row, const char *key,
                 const char *const *names)
{
    char *text = annexe_sf(c, key, names);
    /* Wrapped text does not grow its row by itself: about 90 characters fit a line of column B. */
    size_t lines = text ? strlen(text) / 85 + 1 : 1;
    annexe_check(c, worksheet_set_row(ws, *row, 15.0 * (double)lines, NULL));
    annexe_text(c, ws, *row, 0, "\xE2\x80\xA2", c->f.text); /* bullet */
    annexe_text(c, ws, *row, 1, text, c->f.note);
    free(text);
    (*row)++;
}

void annexe_sheet_about(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_ABOUT];
    const pdurep_ratings *r = c->r;
    const pdurep_inspection *insp = r->inspection;
    const pdurep_framework *fw = r->framework;
    const char *names[] = {"name", insp->name, "region", insp->region, "id", insp->id,
                           "framework", fw->name, NULL};

    annexe_check(c, worksheet_set_column(ws, 0, 0, 30, NULL));
    annexe_check(c, worksheet_set_column(ws, 1, 1, 70, NULL));
    annexe_check(c, worksheet_set_column(ws, 2, 3, 22, NULL));
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);

    lxw_row_t row = 0;
    char *title = annexe_sf(c, c->share ? "workbook.title_share" : "workbook.title", names);
    annexe_text(c, ws, row++, 0, title, c->f.title);
    free(title);
    char *intro = annexe_sf(c, c->share ? "about.intro_share" : "about.intro", names);
    annexe_text(c, ws, row++, 0, intro, c->f.subtitle);
    free(intro);
    row++;

    annexe_text(c, ws, row++, 0, annexe_s(c, "about.inspection_heading"), c->f.heading);
    field(c, ws, &row, "about.field.id", insp->id);
    field(c, ws, &row, "about.field.name", insp->name);
    field(c, ws, &row, "about.field.region", insp->region);
    field(c, ws, &row, "about.field.kind",
          annexe_s(c, insp->kind[0] == 'r' ? "about.kind.region" : "about.kind.pdu"));
    field(c, ws, &row, "about.field.framework", fw->name);
    if (fw->provisional)
        field(c, ws, &row, "provisional.field", annexe_s(c, "provisional.value"));
    /* Dates as the language writes them ("1 Medi 2025"), by the report's formatter. */
    char *fieldwork = pdurep_strings_date(c->strings, insp->fieldwork_start);
    char *published = *insp->published ? pdurep_strings_date(c->strings, insp->published) : NULL;
    field(c, ws, &row, "about.field.fieldwork_start", fieldwork ? fieldwork : insp->fieldwork_start);
    field(c, ws, &row, "about.field.published", published ? published : insp->published);
    free(fieldwork);
    free(published);
    if (!c->share)
        field(c, ws, &row, "about.field.lead_inspector", insp->lead_inspector);
    field(c, ws, &row, "about.field.inspectorate", insp->inspectorate);
    if (insp->caseload >= 0) {
        annexe_text(c, ws, row, 0, annexe_s(c, "about.field.caseload"), c->f.key);
        annexe_number(c, ws, row++, 1, (double)insp->caseload, c->f.count);
    }
    annexe_text(c, ws, row, 0, annexe_s(c, "about.field.cases"), c->f.key);
    annexe_number(c, ws, row++, 1, (double)r->n_cases, c->f.count);
    annexe_text(c, ws, row, 0, annexe_s(c, "about.field.score"), c->f.key);
    char score[64];
    snprintf(score, sizeof score, "%d / %d", r->score, r->max_score);
    annexe_text(c, ws, row++, 1, score, c->f.text);
    annexe_text(c, ws, row, 0, annexe_s(c, "about.field.overall"), c->f.key);
    annexe_rating(c, ws, row++, 1, r->overall);
    row++;

    /* Sheet index with internal links, so a reader can jump straight to a table. */
    static const char *const index_keys[SHEET_COUNT] = {
        "about.index.about", "about.index.ratings", "pdus.index", "about.index.key_questions",
        "about.index.prompts", "about.index.breakdowns", "about.index.sample",
        "about.index.charts", "about.index.cases"};
    annexe_text(c, ws, row++, 0, annexe_s(c, "about.index_heading"), c->f.heading);
    for (int i = 1; i < SHEET_COUNT; i++) {
        if (!c->has_sheet[i])
            continue;
        char url[128];
        snprintf(url, sizeof url, "internal:'%s'!A1", c->sheet_name[i]);
        annexe_check(c, worksheet_write_url_opt(ws, row, 0, url, c->f.link, c->sheet_name[i], NULL));
        annexe_text(c, ws, row++, 1, annexe_s(c, index_keys[i]), c->f.wrap);
    }
    row++;

    /* The framework's rules, as data: the same tables the calculator used. */
    annexe_text(c, ws, row++, 0, annexe_s(c, "about.rules_heading"), c->f.heading);
    annexe_text(c, ws, row++, 0, annexe_s(c, "about.bands_heading"), c->f.bold);
    annexe_text(c, ws, row, 0, annexe_s(c, "about.col.band_from"), c->f.header);
    annexe_text(c, ws, row, 1, annexe_s(c, "about.col.band"), c->f.header);
    annexe_text(c, ws, row++, 2, annexe_s(c, "about.col.rating"), c->f.header);
    lxw_row_t bands_first = row;
    for (size_t i = 0; i < fw->n_bands; i++) {
        annexe_number(c, ws, row, 0, fw->bands[i].min_percent / 100.0, c->f.fraction);
        annexe_text(c, ws, row, 1, annexe_band_label(c, &fw->bands[i]), c->f.text);
        annexe_rating(c, ws, row++, 2, fw->bands[i].rating);
    }
    if (fw->n_bands)
        annexe_define_name(c, "RatingBands", SHEET_ABOUT, bands_first, 0, row - 1, 2);
    annexe_text(c, ws, row++, 0, annexe_s(c, fw->band_on_rounded ? "about.band_basis_rounded"
                                                                 : "about.band_basis_unrounded"),
                c->f.subtitle);
    row++;

    annexe_text(c, ws, row++, 0, annexe_s(c, "about.points_heading"), c->f.bold);
    annexe_text(c, ws, row, 0, annexe_s(c, "about.col.rating"), c->f.header);
    annexe_text(c, ws, row++, 1, annexe_s(c, "about.col.points"), c->f.header);
    for (int rt = PDUREP_RATING_COUNT - 1; rt >= 0; rt--) {
        annexe_rating(c, ws, row, 0, (pdurep_rating)rt);
        annexe_number(c, ws, row++, 1, fw->points[rt], c->f.count);
    }
    row++;

    annexe_text(c, ws, row++, 0, annexe_s(c, "about.overall_heading"), c->f.bold);
    annexe_text(c, ws, row, 0, annexe_s(c, "about.col.score_from"), c->f.header);
    annexe_text(c, ws, row, 1, annexe_s(c, "about.col.score_to"), c->f.header);
    annexe_text(c, ws, row++, 2, annexe_s(c, "about.col.overall"), c->f.header);
    for (size_t i = fw->n_overall; i-- > 0;) {
        annexe_number(c, ws, row, 0, fw->overall[i].min_score, c->f.count);
        annexe_number(c, ws, row, 1, fw->overall[i].max_score, c->f.count);
        annexe_rating(c, ws, row++, 2, fw->overall[i].rating);
    }
    row++;

    annexe_text(c, ws, row++, 0, annexe_s(c, "about.legend_heading"), c->f.bold);
    for (int rt = PDUREP_RATING_COUNT - 1; rt >= 0; rt--) {
        annexe_rating(c, ws, row, 0, (pdurep_rating)rt);
        char key[64];
        static const char *const legend[PDUREP_RATING_COUNT] = {
            "about.legend.inadequate", "about.legend.requires_improvement", "about.legend.good",
            "about.legend.outstanding"};
        snprintf(key, sizeof key, "%s", legend[rt]);
        annexe_text(c, ws, row++, 1, annexe_s(c, key), c->f.wrap);
    }
    row++;

    annexe_text(c, ws, row++, 0, annexe_s(c, "about.notes_heading"), c->f.heading);
    char threshold[32], min_rri[32], min_cmp[32], rri_low[32], rri_high[32];
    snprintf(threshold, sizeof threshold, "%lu", c->threshold);
    snprintf(min_rri, sizeof min_rri, "%d", PDUREP_ANNEXE_RRI_MIN_RELEVANT);
    snprintf(min_cmp, sizeof min_cmp, "%u", c->opts->min_comparator);
    /* note.rri names the flag thresholds too ({low}, {high}), as the Breakdowns note does. */
    snprintf(rri_low, sizeof rri_low, "%g", PDUREP_ANNEXE_RRI_LOW);
    snprintf(rri_high, sizeof rri_high, "%g", PDUREP_ANNEXE_RRI_HIGH);
    const char *nn[] = {"n", threshold, "min", min_rri, "inspections", min_cmp, "name", insp->name,
                        "low", rri_low, "high", rri_high, NULL};
    note(c, ws, &row, "note.percent", nn);
    note(c, ws, &row, "note.rounding", nn);
    note(c, ws, &row, "note.driver", nn);
    note(c, ws, &row, "note.rri", nn);
    note(c, ws, &row, "note.paraphrased", nn);
    if (fw->provisional)
        note(c, ws, &row, "note.provisional", nn);
    if (c->threshold > 0)
        note(c, ws, &row, "note.suppression", nn);
    if (c->share) {
        note(c, ws, &row, "note.share", nn);
        for (size_t k = 0; k < c->n_cmp; k++) {
            const pdurep_annexe_comparator *cmp = c->cmp[k];
            if (!cmp)
                continue;
            char n_insp[32];
            snprintf(n_insp, sizeof n_insp, "%zu", cmp->n_inspections);
            const char *cn[] = {"label", cmp->label, "count", n_insp, "inspections", min_cmp, NULL};
            note(c, ws, &row, c->plan.cmp_shown[k] ? "note.comparator" : "note.comparator_withheld",
                 cn);
        }
    } else if (c->has_sheet[SHEET_CASES]) {
        note(c, ws, &row, "note.cases", nn);
    }

    annexe_print_setup(c, ws, (lxw_row_t)-1);
    worksheet_set_portrait(ws); /* a page of prose reads better upright */
}
