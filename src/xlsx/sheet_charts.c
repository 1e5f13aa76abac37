/*
 * The Charts sheet: native Excel charts mirroring the PDF report's figures,
 * each drawn from a small table on the same sheet so a reader can see (and
 * copy) the numbers behind it.
 *  1. Key questions per standard: each computed standard's key questions.
 *  2. The key questions by the groups of the first case attribute (sentence
 *     type: community orders against releases on licence).
 * A suppressed value is left blank: a chart would draw "[c]" as zero.
 */
#include <stdio.h>
#include <stdlib.h>

#include "xlsx/annexe_internal.h"

#define MAX_KQ 8

static void style_percent_axis(lxw_chart *chart)
{
    chart_axis_set_num_format(chart->y_axis, "0%");
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, 1);
    chart_axis_set_major_unit(chart->y_axis, 0.2);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
}

/*
 * A column chart of a table on this sheet: categories in column A below the
 * heading row @p head down to @p last, one series per column B, C, ... named
 * by its heading; inserted at (@p at_row, @p at_col).
 */
static void column_chart(annexe_ctx *c, lxw_worksheet *ws, const char *title, lxw_row_t head,
                         lxw_row_t last, size_t n_series, int value_labels, lxw_row_t at_row,
                         lxw_col_t at_col)
{
    const char *sheet = c->sheet_name[SHEET_CHARTS];
    lxw_chart *chart = workbook_add_chart(c->wb, LXW_CHART_COLUMN);
    chart_title_set_name(chart, title);
    for (size_t j = 0; j < n_series; j++) {
        lxw_col_t col = (lxw_col_t)(j + 1);
        lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(se, sheet, head + 1, 0, last, 0);
        chart_series_set_values(se, sheet, head + 1, col, last, col);
        chart_series_set_name_range(se, sheet, head, col);
        if (value_labels) {
            chart_series_set_labels(se);
            chart_series_set_labels_num_format(se, "0%");
        }
    }
    style_percent_axis(chart);
    lxw_chart_options opt = {0};
    opt.x_scale = 1.6;
    opt.y_scale = 1.2;
    annexe_check(c, worksheet_insert_chart_opt(ws, at_row, at_col, chart, &opt));
}

void annexe_sheet_charts(annexe_ctx *c)
{
    lxw_worksheet *ws = c->ws[SHEET_CHARTS];
    const pdurep_ratings *r = c->r;
    const pdurep_framework *fw = r->framework;
    const char *names[] = {"name", r->inspection->name, NULL};

    annexe_sheet_title(c, ws, "charts.title");
    annexe_text(c, ws, 1, 0, annexe_s(c, "charts.note"), c->f.subtitle);
    annexe_check(c, worksheet_set_column(ws, 0, 0, 30, NULL));
    annexe_check(c, worksheet_set_column(ws, 1, MAX_KQ + 1, 20, NULL));

    /* Table 1: computed standards by key-question position. */
    size_t max_kq = 0, n_std = 0;
    for (size_t s = 0; s < fw->n_standards; s++) {
        if (fw->standards[s].rated_by != PDUREP_RATED_BY_CASES)
            continue;
        n_std++;
        if (fw->standards[s].n_key_questions > max_kq)
            max_kq = fw->standards[s].n_key_questions;
    }
    if (max_kq > MAX_KQ)
        max_kq = MAX_KQ;

    lxw_row_t row = 3;
    lxw_row_t t1_head = row;
    annexe_text(c, ws, row, 0, annexe_s(c, "charts.col.standard"), c->f.header);
    for (size_t j = 0; j < max_kq; j++) {
        char key[64], n[24]; /* room for any size_t */
        snprintf(key, sizeof key, "charts.kq_position.%zu", j + 1);
        snprintf(n, sizeof n, "%zu", j + 1);
        const char *label = pdurep_strings_get(c->strings, key);
        const char *pn[] = {"n", n, NULL};
        char *text = label ? NULL : annexe_sf(c, "charts.kq_position_default", pn);
        annexe_text(c, ws, row, (lxw_col_t)(j + 1), label ? label : text, c->f.header);
        free(text);
    }
    row++;
    for (size_t s = 0; s < fw->n_standards; s++) {
        const pdurep_standard *st = &fw->standards[s];
        if (st->rated_by != PDUREP_RATED_BY_CASES)
            continue;
        char label[200];
        snprintf(label, sizeof label, "%s %s", st->code, st->name);
        annexe_text(c, ws, row, 0, label, c->f.text);
        for (size_t j = 0; j < st->n_key_questions && j < max_kq; j++)
            annexe_fraction(c, ws, row, (lxw_col_t)(j + 1), r->questions[st->key_questions[j]], 0);
        row++;
    }
    lxw_row_t t1_last = row - 1;

    /* Table 2: key questions by the first attribute's groups. */
    row++;
    lxw_row_t t2_head = row;
    const pdurep_attribute *at = fw->n_attributes ? &fw->attributes[0] : NULL;
    size_t n_groups = at ? at->n_values : 0;
    if (n_groups > MAX_KQ)
        n_groups = MAX_KQ;
    annexe_text(c, ws, row, 0, annexe_s(c, "charts.col.question"), c->f.header);
    for (size_t v = 0; v < n_groups; v++)
        annexe_text(c, ws, row, (lxw_col_t)(v + 1), at->labels[v], c->f.header);
    row++;
    size_t n_kq = 0;
    for (size_t q = 0; q < fw->n_questions; q++) {
        if (fw->questions[q].parent >= 0)
            continue;
        n_kq++;
        annexe_text(c, ws, row, 0, fw->questions[q].code, c->f.text);
        for (size_t v = 0; v < n_groups; v++) {
            if (c->plan.block[(c->plan.offset[0] + v) * c->nq + q])
                continue; /* blank, not "[c]" */
            annexe_fraction(c, ws, row, (lxw_col_t)(v + 1), pdurep_ratings_breakdown(r, 0, v, q), 0);
        }
        row++;
    }
    lxw_row_t t2_last = row - 1;

    lxw_col_t chart_col = (lxw_col_t)((max_kq > n_groups ? max_kq : n_groups) + 2);
    if (n_std && max_kq) {
        char *ct = annexe_sf(c, "charts.chart1_title", names);
        column_chart(c, ws, ct, t1_head, t1_last, max_kq, 1, 3, chart_col);
        free(ct);
    }
    if (n_kq && n_groups) {
        const char *cn[] = {"name", r->inspection->name, "attribute", at->label, NULL};
        char *ct = annexe_sf(c, "charts.chart2_title", cn);
        column_chart(c, ws, ct, t2_head, t2_last, n_groups, 0, 23, chart_col);
        free(ct);
    }
    annexe_print_setup(c, ws, (lxw_row_t)-1);
}
