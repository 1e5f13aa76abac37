/*
 * The two chart sheets: native Excel charts mirroring the PDF report's
 * figures, each drawn from the one table on its sheet so a reader can see
 * (and copy) the numbers behind it, and each with alternative text that says
 * what it shows and gives its values, in the workbook's language.
 *  1. Every key question of the standards rated from cases, labelled with
 *     the question's own framework wording (a region's pooled questions too).
 *  2. The key questions by the groups of the first case attribute (sentence
 *     type: community orders against releases on licence).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx/annexe_internal.h"

#define MAX_GROUPS 8
#define WORDING_WIDTH 60

/* A growing string for the alternative text. */
typedef struct alt_text {
    char *s;
    size_t len, cap;
    int lost; /* a piece could not be added: the text is short, the workbook not kept */
} alt_text;

static void alt_add(alt_text *a, const char *text)
{
    size_t n = strlen(text);
    if (a->len + n + 1 > a->cap) {
        size_t cap = (a->cap ? a->cap * 2 : 256) + n;
        char *s = realloc(a->s, cap);
        if (!s) {
            a->lost = 1;
            return;
        }
        a->s = s;
        a->cap = cap;
    }
    memcpy(a->s + a->len, text, n + 1);
    a->len += n;
}

/* A figure as the reader sees it: a whole percentage, or the shorthand shown instead. */
static void alt_value(annexe_ctx *c, alt_text *a, pdurep_tally t, int hidden)
{
    char buf[32];
    int rounded = pdurep_percent_rounded(t.yes, pdurep_tally_relevant(t));
    if (hidden)
        alt_add(a, annexe_s(c, "value.suppressed"));
    else if (rounded < 0)
        alt_add(a, annexe_s(c, "value.not_applicable"));
    else {
        snprintf(buf, sizeof buf, "%d%%", rounded);
        alt_add(a, buf);
    }
}

static lxw_chart *bar_chart(annexe_ctx *c, const char *title)
{
    if (annexe_lost(c))
        return NULL;
    lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_BAR);
    if (!chart) {
        annexe_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    chart_title_set_name(chart, title);
    /* In a bar chart the value axis is the horizontal x axis and the categories are on y. */
    chart_axis_set_num_format(chart->x_axis, "0%");
    chart_axis_set_min(chart->x_axis, 0);
    chart_axis_set_max(chart->x_axis, 1);
    chart_axis_set_major_unit(chart->x_axis, 0.2);
    /* Categories read top to bottom in table order, as the table beside it does. */
    chart_axis_set_reverse(chart->y_axis);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    return chart;
}

/* A new series of @p chart, or NULL when the workbook is lost. */
static lxw_chart_series *series(annexe_ctx *c, lxw_chart *chart)
{
    lxw_chart_series *se = annexe_lost(c) ? NULL : chart_add_series(chart, NULL, NULL);
    if (!se)
        annexe_check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
    return se;
}

static void insert(annexe_ctx *c, lxw_worksheet *ws, lxw_chart *chart, lxw_row_t row, lxw_col_t col,
                   const char *alt, size_t n_bars)
{
    lxw_chart_options opt = {0};
    opt.x_scale = 2.0;
    /* Room for each bar and its wrapped label. */
    opt.y_scale = 1.0 + (double)n_bars * 0.12;
    opt.description = (char *)(alt ? alt : "");
    if (!annexe_lost(c))
        annexe_check(c, worksheet_insert_chart_opt(ws, row, col, chart, &opt));
}

static int is_charted(const pdurep_framework *fw, size_t q)
{
    const pdurep_question *qu = &fw->questions[q];
    return qu->parent < 0 && fw->standards[qu->standard].rated_by == PDUREP_RATED_BY_CASES;
}

static void chart_questions(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CHART_QUESTIONS];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;
    const char *names[] = {"name", r->inspection->name, NULL};
    const char *sheet = c->sheet_name[SHEET_CHART_QUESTIONS];
    size_t n = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        n += is_charted(fw, q);

    const annexe_note notes[] = {NOTE_PERCENT, NOTE_PARAPHRASED, NOTE_COUNT};
    lxw_row_t head = annexe_title_block(c, ws, "charts.title_questions", annexe_s(c, "charts.note"),
                                        n, notes);
    const annexe_column cols[4] = {{annexe_s(c, "charts.col.standard"), 34},
                                   {annexe_s(c, "charts.col.code"), 9},
                                   {annexe_s(c, "charts.col.question"), WORDING_WIDTH},
                                   {annexe_s(c, "charts.col.percent"), 14}};
    annexe_table(c, ws, "tblChartQuestions", head, head + (lxw_row_t)n, cols, 4);

    char *title = annexe_sf(c, "charts.chart1_title", names);
    alt_text values = {0};
    lxw_row_t row = head + 1;
    for (size_t q = 0; q < fw->n_questions; q++) {
        if (!is_charted(fw, q))
            continue;
        const pdurep_question *qu = &fw->questions[q];
        const pdurep_standard *st = &fw->standards[qu->standard];
        char label[200];
        snprintf(label, sizeof label, "%s %s", st->code, st->name);
        annexe_fit_row(c, ws, row, qu->text, WORDING_WIDTH);
        annexe_text(c, ws, row, 0, label, c->f.text);
        annexe_text(c, ws, row, 1, qu->code, c->f.text);
        annexe_text_z(c, ws, row, 2, qu->text, c->f.wrap);
        annexe_fraction(c, ws, row, 3, r->questions[q], 0);
        if (values.len)
            alt_add(&values, "; ");
        alt_add(&values, qu->code);
        alt_add(&values, " ");
        alt_value(c, &values, r->questions[q], 0);
        row++;
    }
    if (n) {
        annexe_band_fills(c, ws, head + 1, row - 1, 3);
        lxw_chart *chart = bar_chart(c, title);
        lxw_chart_series *se = chart ? series(c, chart) : NULL;
        if (se) {
            chart_series_set_categories(se, sheet, head + 1, 2, row - 1, 2);
            chart_series_set_values(se, sheet, head + 1, 3, row - 1, 3);
            chart_series_set_name_range(se, sheet, head, 3);
            chart_series_set_labels(se);
            chart_series_set_labels_num_format(se, "0%");
            chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
            const char *an[] = {"title", title, "values", values.s ? values.s : "", NULL};
            char *alt = annexe_sf(c, "charts.alt_questions", an);
            c->out_of_memory |= values.lost;
            insert(c, ws, chart, head, 5, alt, n);
            free(alt);
        }
    }
    free(values.s);
    free(title);
    annexe_print_setup(c, ws, head);
    /* A chart sheet prints as one page, so the chart is never cut between pages. */
    worksheet_fit_to_pages(ws, 1, 1);
}

static void chart_groups(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CHART_GROUPS];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;
    const char *sheet = c->sheet_name[SHEET_CHART_GROUPS];
    const pdurep_attribute *at = &fw->attributes[0];
    size_t n_groups = at->n_values < MAX_GROUPS ? at->n_values : MAX_GROUPS;
    size_t n = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        n += is_charted(fw, q);

    const char *cn[] = {"name", r->inspection->name, "attribute", at->label, NULL};
    char *line = annexe_sf(c, "charts.note_groups", cn);
    const annexe_note notes[] = {NOTE_PERCENT, NOTE_SUPPRESSION, NOTE_COUNT};
    lxw_row_t head = annexe_title_block(c, ws, "charts.title_groups", line, n, notes);
    free(line);
    annexe_column cols[2 + MAX_GROUPS] = {{annexe_s(c, "charts.col.code"), 9},
                                          {annexe_s(c, "charts.col.question"), WORDING_WIDTH}};
    char *owned[MAX_GROUPS];
    for (size_t v = 0; v < n_groups; v++) {
        const char *gn[] = {"group", at->labels[v], NULL};
        owned[v] = annexe_sf(c, "charts.col.group_percent", gn);
        cols[2 + v] = (annexe_column){owned[v], 16};
    }
    annexe_table(c, ws, "tblChartGroups", head, head + (lxw_row_t)n, cols, (lxw_col_t)(2 + n_groups));

    alt_text values = {0};
    lxw_row_t row = head + 1;
    for (size_t q = 0; q < fw->n_questions; q++) {
        if (!is_charted(fw, q))
            continue;
        const pdurep_question *qu = &fw->questions[q];
        annexe_fit_row(c, ws, row, qu->text, WORDING_WIDTH);
        annexe_text(c, ws, row, 0, qu->code, c->f.text);
        annexe_text_z(c, ws, row, 1, qu->text, c->f.wrap);
        if (values.len)
            alt_add(&values, "; ");
        alt_add(&values, qu->code);
        alt_add(&values, ":");
        for (size_t v = 0; v < n_groups; v++) {
            int hidden = c->plan.block[(c->plan.offset[0] + v) * c->nq + q];
            pdurep_tally t = pdurep_ratings_breakdown(r, 0, v, q);
            /* A chart draws text as an empty bar, so a hidden figure shows no height. */
            annexe_fraction(c, ws, row, (lxw_col_t)(2 + v), t, hidden);
            alt_add(&values, v ? ", " : " ");
            alt_add(&values, at->labels[v]);
            alt_add(&values, " ");
            alt_value(c, &values, t, hidden);
        }
        row++;
    }
    if (n && n_groups) {
        for (size_t v = 0; v < n_groups; v++)
            annexe_band_fills(c, ws, head + 1, row - 1, (lxw_col_t)(2 + v));
        char *title = annexe_sf(c, "charts.chart2_title", cn);
        lxw_chart *chart = bar_chart(c, title);
        for (size_t v = 0; chart && v < n_groups; v++) {
            lxw_col_t col = (lxw_col_t)(2 + v);
            lxw_chart_series *se = series(c, chart);
            if (!se)
                break;
            chart_series_set_categories(se, sheet, head + 1, 1, row - 1, 1);
            chart_series_set_values(se, sheet, head + 1, col, row - 1, col);
            chart_series_set_name_range(se, sheet, head, col);
        }
        if (chart) {
            const char *an[] = {"title", title, "attribute", at->label, "values",
                                values.s ? values.s : "", NULL};
            char *alt = annexe_sf(c, "charts.alt_groups", an);
            c->out_of_memory |= values.lost;
            insert(c, ws, chart, head, (lxw_col_t)(3 + n_groups), alt, n + n * n_groups / 2);
            free(alt);
        }
        free(title);
    }
    free(values.s);
    for (size_t v = 0; v < n_groups; v++)
        free(owned[v]);
    annexe_print_setup(c, ws, head);
    /* A chart sheet prints as one page, so the chart is never cut between pages. */
    worksheet_fit_to_pages(ws, 1, 1);
}

int annexe_charts_wanted(const pdurep_framework *fw, int groups)
{
    size_t n = 0;
    for (size_t q = 0; q < fw->n_questions; q++)
        n += is_charted(fw, q);
    return n > 0 && (!groups || (fw->n_attributes > 0 && fw->attributes[0].n_values > 0));
}

void annexe_sheet_charts(annexe_ctx *c)
{
    if (c->has_sheet[SHEET_CHART_QUESTIONS])
        chart_questions(c);
    if (c->has_sheet[SHEET_CHART_GROUPS])
        chart_groups(c);
}
