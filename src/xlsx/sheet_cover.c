/*
 * The cover, contents and notes sheets: what the workbook is, where each
 * table is, and the numbered notes the tables cite. The cover is prose in
 * column A (no table, as the spreadsheet standard asks of a cover); contents
 * and notes are tables like every other sheet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xlsx/annexe_internal.h"

#define COVER_WIDTH 85

/* One cover line: wrapped, its row tall enough for its lines. */
static void line(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row, const char *text, lxw_format *f)
{
    if (!text || !*text)
        return;
    annexe_fit_row(c, ws, *row, text, COVER_WIDTH);
    annexe_text(c, ws, (*row)++, 0, text, f ? f : c->f.wrap);
}

static void line_key(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row, const char *key,
                     const char *const *names)
{
    char *text = annexe_sf(c, key, names);
    line(c, ws, row, text, NULL);
    free(text);
}

/* "Label: value", the label from the strings file. */
static void field(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row, const char *key,
                  const char *value)
{
    if (!value || !*value)
        return;
    const char *names[] = {"label", annexe_s(c, key), "value", value, NULL};
    line_key(c, ws, row, "cover.field", names);
}

static void heading(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row, const char *key)
{
    (*row)++; /* a blank row before each heading: the cover is prose, not a table */
    annexe_text(c, ws, (*row)++, 0, annexe_s(c, key), c->f.heading);
}

/* Sheets the workbook leaves out because they would be empty, with the reason. */
static void left_out(annexe_ctx *c, lxw_worksheet *ws, lxw_row_t *row)
{
    const pdurep_inspection *insp = c->r->inspection;
    int prompts = !c->has_sheet[SHEET_PROMPTS];
    int pdus = !c->has_sheet[SHEET_PDUS] && !c->share && !strcmp(insp->kind, "region");
    if (!prompts && !pdus)
        return;
    heading(c, ws, row, "cover.left_out_heading");
    if (prompts)
        line_key(c, ws, row, "cover.left_out.prompts", NULL);
    if (pdus)
        line_key(c, ws, row, "cover.left_out.pdus", NULL);
}

void annexe_sheet_cover(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_COVER];
    const pdurep_ratings *r = c->r;
    const pdurep_inspection *insp = r->inspection;
    const pdurep_framework *fw = r->framework;
    const char *org = *insp->inspectorate ? insp->inspectorate : annexe_s(c, "workbook.author");
    char year[16];
    /* Crown copyright is dated by publication, else by the document's own date. */
    if (strlen(insp->published) >= 4) {
        snprintf(year, sizeof year, "%.4s", insp->published);
    } else {
        struct tm tm;
        time_t t = c->created;
        gmtime_r(&t, &tm);
        snprintf(year, sizeof year, "%d", tm.tm_year + 1900);
    }
    char threshold[32], cases[32], score[32], max_score[32];
    snprintf(threshold, sizeof threshold, "%lu", c->threshold);
    snprintf(cases, sizeof cases, "%lu", (unsigned long)r->n_cases);
    snprintf(score, sizeof score, "%d", r->score);
    snprintf(max_score, sizeof max_score, "%d", r->max_score);
    const char *names[] = {"name", insp->name, "region", insp->region, "id", insp->id,
                           "framework", fw->name, "inspectorate", org, "year", year,
                           "n", threshold, "language", annexe_s(c, "workbook.language"),
                           "score", score, "max", max_score,
                           "overall", annexe_rating_label(c, r->overall), NULL};

    annexe_check(c, worksheet_set_column(ws, 0, 0, COVER_WIDTH, NULL));
    worksheet_gridlines(ws, LXW_HIDE_ALL_GRIDLINES);

    lxw_row_t row = 0;
    char *title = annexe_sf(c, c->share ? "workbook.title_share" : "workbook.title", names);
    annexe_text(c, ws, row++, 0, title, c->f.title);
    free(title);
    line_key(c, ws, &row, c->share ? "about.intro_share" : "about.intro", names);
    line_key(c, ws, &row, "cover.contents", names);

    heading(c, ws, &row, "about.inspection_heading");
    field(c, ws, &row, "about.field.name", insp->name);
    field(c, ws, &row, "about.field.region", insp->region);
    field(c, ws, &row, "about.field.kind",
          annexe_s(c, insp->kind[0] == 'r' ? "about.kind.region" : "about.kind.pdu"));
    field(c, ws, &row, "about.field.id", insp->id);
    field(c, ws, &row, "about.field.framework", fw->name);
    if (fw->provisional)
        field(c, ws, &row, "provisional.field", annexe_s(c, "provisional.value"));
    /* Dates as the language writes them ("1 Medi 2025"), by the report's formatter. */
    char *fieldwork = pdurep_strings_date(c->strings, insp->fieldwork_start);
    char *published = *insp->published ? pdurep_strings_date(c->strings, insp->published) : NULL;
    if (!fieldwork || (*insp->published && !published))
        c->out_of_memory = 1; /* a date that could not be written out */
    field(c, ws, &row, "about.field.fieldwork_start", fieldwork ? fieldwork : insp->fieldwork_start);
    field(c, ws, &row, "about.field.published",
          published ? published : *insp->published ? insp->published
                                                     : annexe_s(c, "cover.not_published"));
    free(fieldwork);
    free(published);
    if (!c->share)
        field(c, ws, &row, "about.field.lead_inspector", insp->lead_inspector);
    if (insp->caseload >= 0) {
        char caseload[32];
        snprintf(caseload, sizeof caseload, "%ld", (long)insp->caseload);
        field(c, ws, &row, "about.field.caseload", caseload);
    }
    field(c, ws, &row, "about.field.cases", cases);
    line_key(c, ws, &row, "cover.score", names);

    heading(c, ws, &row, "cover.source_heading");
    line_key(c, ws, &row, "cover.source", names);
    line_key(c, ws, &row, "cover.contact", names);
    line_key(c, ws, &row, c->share ? "cover.copyright_share" : "cover.copyright", names);
    line_key(c, ws, &row, "cover.language", names);

    heading(c, ws, &row, "cover.figures_heading");
    line_key(c, ws, &row, "cover.rounding", names);
    line_key(c, ws, &row, c->threshold > 0 ? "cover.suppression" : "cover.no_suppression", names);
    if (c->threshold > 0)
        line_key(c, ws, &row, "cover.no_cases", names);
    line_key(c, ws, &row, "cover.colour", names);

    heading(c, ws, &row, "cover.shorthand_heading");
    line_key(c, ws, &row, "cover.shorthand.c", names);
    line_key(c, ws, &row, "cover.shorthand.x", names);
    line_key(c, ws, &row, "cover.shorthand.z", names);

    left_out(c, ws, &row);
    worksheet_set_portrait(ws); /* a page of prose reads better upright */
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
}

static const char *const contents_keys[SHEET_COUNT] = {
    "", "", "about.index.notes", "about.index.ratings", "about.index.score", "pdus.index",
    "about.index.key_questions", "about.index.prompts", "about.index.breakdowns",
    "about.index.sample", "about.index.chart_questions", "about.index.chart_groups",
    "about.index.bands", "about.index.points", "about.index.overall", "about.index.cases"};

void annexe_sheet_contents(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CONTENTS];
    size_t n = 0;
    for (int i = SHEET_CONTENTS + 1; i < SHEET_COUNT; i++)
        n += c->has_sheet[i] != 0;
    lxw_row_t head = annexe_title_block(c, ws, "contents.title", NULL, n, NULL);
    const annexe_column cols[2] = {{annexe_s(c, "contents.col.sheet"), 22},
                                   {annexe_s(c, "contents.col.holds"), 100}};
    annexe_table(c, ws, "tblContents", head, head + (lxw_row_t)n, cols, 2);
    lxw_row_t row = head + 1;
    for (int i = SHEET_CONTENTS + 1; i < SHEET_COUNT; i++) {
        if (!c->has_sheet[i])
            continue;
        /* Sheet names never hold ' in our strings files, but quoting it keeps a link working if one did. */
        char url[160], quoted[100];
        size_t q = 0;
        for (const char *p = c->sheet_name[i]; *p && q + 3 < sizeof quoted; p++) {
            if (*p == '\'')
                quoted[q++] = '\'';
            quoted[q++] = *p;
        }
        quoted[q] = '\0';
        snprintf(url, sizeof url, "internal:'%s'!A1", quoted);
        annexe_fit_row(c, ws, row, annexe_s(c, contents_keys[i]), cols[1].width);
        annexe_check(c, worksheet_write_url_opt(ws, row, 0, url, c->f.link, c->sheet_name[i], NULL));
        annexe_text_z(c, ws, row++, 1, annexe_s(c, contents_keys[i]), c->f.wrap);
    }
    annexe_print_setup(c, ws, head);
    worksheet_set_portrait(ws);
}

void annexe_sheet_notes(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_NOTES];
    const pdurep_inspection *insp = c->r->inspection;
    size_t n = 0;
    for (int i = 0; i < NOTE_COUNT; i++)
        n += c->number_of_note[i] > 0;
    lxw_row_t head = annexe_title_block(c, ws, "notes.title", NULL, n, NULL);
    const annexe_column cols[2] = {{annexe_s(c, "notes.col.number"), 12},
                                   {annexe_s(c, "notes.col.text"), 110}};
    annexe_table(c, ws, "tblNotes", head, head + (lxw_row_t)n, cols, 2);

    char threshold[32], min_rri[32], min_cmp[32], rri_low[32], rri_high[32];
    snprintf(threshold, sizeof threshold, "%lu", c->threshold);
    snprintf(min_rri, sizeof min_rri, "%d", PDUREP_ANNEXE_RRI_MIN_RELEVANT);
    snprintf(min_cmp, sizeof min_cmp, "%u", c->opts->min_comparator);
    snprintf(rri_low, sizeof rri_low, "%g", PDUREP_ANNEXE_RRI_LOW);
    snprintf(rri_high, sizeof rri_high, "%g", PDUREP_ANNEXE_RRI_HIGH);
    lxw_row_t row = head + 1;
    for (int i = 0; i < NOTE_COUNT; i++) {
        if (!c->number_of_note[i])
            continue;
        char *text;
        if (i == NOTE_COMPARATOR || i == NOTE_COMPARATOR + 1) {
            size_t k = (size_t)(i - NOTE_COMPARATOR);
            const pdurep_annexe_comparator *cmp = c->cmp[k];
            char n_insp[32];
            snprintf(n_insp, sizeof n_insp, "%zu", cmp->n_inspections);
            const char *cn[] = {"label", cmp->label, "count", n_insp, "inspections", min_cmp, NULL};
            text = annexe_sf(c, c->plan.cmp_shown[k] ? "note.comparator" : "note.comparator_withheld",
                             cn);
        } else {
            const char *nn[] = {"n", threshold, "min", min_rri, "inspections", min_cmp,
                                "name", insp->name, "low", rri_low, "high", rri_high, NULL};
            text = annexe_sf(c, annexe_note_key((annexe_note)i), nn);
        }
        char ref[32];
        annexe_fit_row(c, ws, row, text, cols[1].width);
        annexe_text(c, ws, row, 0, annexe_note_ref(c, (annexe_note)i, ref, sizeof ref), c->f.text);
        annexe_text_z(c, ws, row++, 1, text, c->f.wrap);
        free(text);
    }
    annexe_print_setup(c, ws, head);
    worksheet_set_portrait(ws);
}
