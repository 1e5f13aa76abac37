/*
 * Charts. Sizes are worked out first, the whole chart is reserved on one page
 * (a chart split over two pages cannot be read), then drawn.
 */
#include "typeset/chart.h"
#include "typeset/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room right of the plot for a value label at 100%. */
#define VALUE_ROOM 30.0
#define LEGEND_SWATCH 8.0

/* Baseline that centres small text of @p size on the height @p mid. */
static double centred_baseline(double mid, double size) { return mid - 0.34 * size; }

/* Lighter colours get an outline so that a pale bar still has an edge on paper. */
static int is_pale(pdurep_rgb c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b > 0.8; }

typedef struct label_set {
    pdurep_rich *rich;
    pdurep_lines *lines;
    size_t n;
} label_set;

static int labels_break(pdurep_doc *doc, label_set *ls, const char *const *markup, size_t stride_n,
                        const pdurep_style *st, double width)
{
    ls->n = stride_n;
    ls->rich = pdurep_ts_calloc(stride_n ? stride_n : 1, sizeof *ls->rich);
    ls->lines = pdurep_ts_calloc(stride_n ? stride_n : 1, sizeof *ls->lines);
    if (!ls->rich || !ls->lines) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return 0;
    }
    for (size_t i = 0; i < stride_n; i++) {
        pdurep_error err = pdurep_rich_markup(&ls->rich[i], st->face, markup[i] ? markup[i] : "",
                                              NULL, NULL);
        if (!err)
            err = pdurep_lines_break(&ls->lines[i], &doc->fonts, &ls->rich[i], st->size, width, 0);
        if (err) {
            pdurep_doc_fail(doc, err, "cannot set chart label '%s'", markup[i]);
            return 0;
        }
    }
    return 1;
}

/* Append to a growing NUL-terminated string; on failure the string is freed and NULL. */
static char *cat(char *s, size_t *len, const char *add)
{
    if (!s)
        return NULL;
    size_t n = strlen(add);
    char *r = pdurep_ts_realloc(s, *len + n + 1);
    if (!r) {
        free(s);
        return NULL;
    }
    memcpy(r + *len, add, n + 1);
    *len += n;
    return r;
}

/* A label's text as one line (forced breaks read as spaces). */
static char *cat_label(char *s, size_t *len, const pdurep_rich *r)
{
    size_t start = *len;
    s = cat(s, len, r->text ? r->text : "");
    for (size_t i = start; s && i < *len; i++)
        if (s[i] == '\n')
            s[i] = ' ';
    return s;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The alternative text of a bar chart, from the labels and values it draws. */
static char *bars_alt(const pdurep_chart_bars *c, const label_set *ls)
{
    size_t len = 0;
    char *s = pdurep_ts_calloc(1, 1);
    if (c->alt_intro && *c->alt_intro) {
        s = cat(s, &len, c->alt_intro);
        s = cat(s, &len, ": ");
    }
    for (size_t g = 0; g < c->n_groups; g++) {
        if (g)
            s = cat(s, &len, c->n_series > 1 ? "; " : ", ");
        s = cat_label(s, &len, &ls->rich[g]);
        for (size_t k = 0; k < c->n_series; k++) {
            const pdurep_chart_bar *b = &c->groups[g].bars[k];
            s = cat(s, &len, k ? ", " : c->n_series > 1 ? ": " : " ");
            if (c->n_series > 1 && c->legend && k < c->n_legend && c->legend[k]) {
                s = cat(s, &len, c->legend[k]);
                s = cat(s, &len, " ");
            }
            s = cat(s, &len, b->text ? b->text : "");
        }
    }
    if (c->n_marks && c->alt_marks && *c->alt_marks) {
        s = cat(s, &len, "; ");
        s = cat(s, &len, c->alt_marks);
        /* Read from the lowest threshold up, whatever order the bands came in. */
        double *sorted = pdurep_ts_malloc(c->n_marks * sizeof *sorted);
        if (!sorted) {
            free(s);
            return NULL;
        }
        memcpy(sorted, c->marks, c->n_marks * sizeof *sorted);
        qsort(sorted, c->n_marks, sizeof *sorted, cmp_double);
        for (size_t i = 0; i < c->n_marks; i++) {
            char m[24];
            snprintf(m, sizeof m, "%s%g%%", i ? ", " : " ", sorted[i]);
            s = cat(s, &len, m);
        }
        free(sorted);
    }
    return cat(s, &len, ".");
}

static void labels_free(label_set *ls)
{
    for (size_t i = 0; ls->rich && i < ls->n; i++) {
        pdurep_rich_free(&ls->rich[i]);
        pdurep_lines_free(&ls->lines[i]);
    }
    free(ls->rich);
    free(ls->lines);
}

/* The legend in as many rows as the body's width needs; only measured unless @p draw.
 * Returns its height. */
static double legend_draw(pdurep_doc *doc, const pdurep_chart_style *cs, double x, double top,
                          const char *title, const char *const *labels, const pdurep_rgb *fills,
                          size_t n, int draw)
{
    double size = cs->small.size, mid = top - cs->small.leading / 2, x0 = x;
    double row = cs->small.leading + 2;
    int rows = 1;
    if (title) {
        double w = pdurep_fonts_width(&doc->fonts, cs->small.face, size, title, strlen(title));
        if (draw)
            pdurep_doc_draw_text(doc, cs->small.face, size, cs->small.colour, x,
                                 centred_baseline(mid, size), PDUREP_ALIGN_LEFT, title);
        x += w + 6;
    }
    for (size_t i = 0; i < n; i++) {
        double w = LEGEND_SWATCH + 3 +
                   pdurep_fonts_width(&doc->fonts, cs->small.face, size, labels[i], strlen(labels[i]));
        if (x > x0 && x + w > doc->body.x1 + 1e-6) {
            rows++;
            x = x0;
            mid -= row;
        }
        if (draw) {
            pdurep_doc_fill_rect(doc, x, mid - LEGEND_SWATCH / 2, LEGEND_SWATCH, LEGEND_SWATCH,
                                 fills[i]);
            pdurep_doc_stroke_rect(doc, x, mid - LEGEND_SWATCH / 2, LEGEND_SWATCH, LEGEND_SWATCH,
                                   0.4, cs->frame);
            pdurep_doc_draw_text(doc, cs->small.face, size, cs->small.colour, x + LEGEND_SWATCH + 3,
                                 centred_baseline(mid, size), PDUREP_ALIGN_LEFT, labels[i]);
        }
        x += w + 10;
    }
    return (rows - 1) * row + cs->small.leading + 4;
}

/* How many categories from the first fit in @p room (at least one, to make progress). */
static size_t groups_fitting(const double *gh, size_t n, double room)
{
    size_t k = 0;
    double used = 0;
    while (k < n && used + gh[k] <= room + 1e-6)
        used += gh[k++];
    return k ? k : 1;
}

void pdurep_chart_draw_bars(pdurep_doc *doc, const pdurep_chart_style *cs, const pdurep_chart_bars *c)
{
    if (doc->err || !c->n_groups || !c->n_series)
        return;
    double x0 = doc->body.x0, w = doc->body.x1 - doc->body.x0;
    double share = c->label_share < 0.2 ? 0.2 : c->label_share > 0.6 ? 0.6 : c->label_share;
    double label_w = w * share - 8;
    double px0 = x0 + w * share, px1 = x0 + w - VALUE_ROOM, pw = px1 - px0;

    const char **markup = pdurep_ts_calloc(c->n_groups, sizeof *markup);
    if (!markup) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    for (size_t i = 0; i < c->n_groups; i++)
        markup[i] = c->groups[i].label;
    label_set ls = {0};
    if (!labels_break(doc, &ls, markup, c->n_groups, &cs->label, label_w)) {
        labels_free(&ls);
        free(markup);
        return;
    }
    free(markup);

    /* Heights: legend, threshold labels, groups, axis labels, axis title. */
    double bars_h = c->n_series * cs->bar + (c->n_series - 1) * 1.5;
    double legend_h = c->legend ? legend_draw(doc, cs, x0, 0, c->legend_title, c->legend,
                                              c->legend_fill, c->n_legend, 0)
                                : 0;
    double marks_h = c->n_marks ? cs->small.leading + 2 : 0;
    double groups_h = 0;
    double *gh = pdurep_ts_calloc(c->n_groups, sizeof *gh);
    if (!gh) {
        labels_free(&ls);
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    for (size_t i = 0; i < c->n_groups; i++) {
        double lh = ls.lines[i].n_lines * cs->label.leading;
        gh[i] = (lh > bars_h ? lh : bars_h) + cs->gap;
        groups_h += gh[i];
    }
    double axis_h = cs->small.leading + 4;
    double title_h = c->axis_title ? cs->small.leading : 0;
    double total = legend_h + marks_h + groups_h + axis_h + title_h;
    /* A chart taller than a page is split between categories, each part with its
     * own legend and axis: as many as fit below the cursor when two or more do (so
     * no heading is left alone above an empty page), then a page at a time. */
    double full = doc->body.y1 - doc->body.y0, fixed = total - groups_h;
    if (total > full + 1e-6 && c->n_groups > 1) {
        double room = doc->fresh ? full : pdurep_doc_space_left(doc);
        if (doc->n_pending)
            room -= full / 4; /* headings waiting to be placed with the chart */
        if (room - fixed < gh[0] + gh[1]) {
            pdurep_doc_reserve(doc, full); /* a new page, with any waiting headings on it */
            room = pdurep_doc_space_left(doc);
        }
        size_t k = groups_fitting(gh, c->n_groups, room - fixed);
        free(gh);
        labels_free(&ls);
        pdurep_chart_bars part = *c;
        part.n_groups = k;
        pdurep_chart_draw_bars(doc, cs, &part);
        part.groups = c->groups + k;
        part.n_groups = c->n_groups - k;
        pdurep_chart_draw_bars(doc, cs, &part);
        return;
    }
    pdurep_doc_reserve(doc, total);

    double y = doc->y;
    char *alt = bars_alt(c, &ls);
    pdurep_doc_tag_begin(doc, PDUREP_TAG_FIGURE);
    pdurep_doc_tag_alt(doc, alt ? alt : "");
    pdurep_doc_tag_bbox(doc, x0, y - total, x0 + w, y);
    free(alt);
    if (c->legend)
        y -= legend_draw(doc, cs, x0, y, c->legend_title, c->legend, c->legend_fill, c->n_legend, 1);
    double plot_top = y - marks_h, plot_bottom = plot_top - groups_h;

    /* Grid every 20%, then the thresholds over it. */
    pdurep_doc_artifact_begin(doc);
    for (int v = 0; v <= 100; v += 20) {
        double gx = px0 + pw * v / 100.0;
        pdurep_doc_line(doc, gx, plot_bottom, gx, plot_top, 0.4, cs->grid, 0);
    }
    pdurep_doc_artifact_end(doc);
    for (size_t i = 0; i < c->n_marks; i++) {
        double mx = px0 + pw * c->marks[i] / 100.0;
        pdurep_doc_line(doc, mx, plot_bottom, mx, plot_top + 1, 0.8, cs->mark, 2.5);
        char t[16];
        snprintf(t, sizeof t, "%g%%", c->marks[i]);
        pdurep_doc_draw_text(doc, cs->small.face, cs->small.size, cs->mark, mx,
                             plot_top + 3, PDUREP_ALIGN_CENTRE, t);
    }

    /* Groups: label on the left, bars to the right, a value label at each bar's end. */
    double gy = plot_top;
    for (size_t i = 0; i < c->n_groups; i++) {
        double inner = gh[i] - cs->gap, top = gy - cs->gap / 2;
        double lh = ls.lines[i].n_lines * cs->label.leading;
        pdurep_doc_draw_lines(doc, &ls.lines[i], &ls.rich[i], 0, ls.lines[i].n_lines, x0,
                              top - (inner - lh) / 2, label_w, &cs->label);
        double by = top - (inner - bars_h) / 2;
        for (size_t s = 0; s < c->n_series; s++) {
            const pdurep_chart_bar *b = &c->groups[i].bars[s];
            double bt = by - s * (cs->bar + 1.5);
            double len = b->value > 0 ? pw * (b->value > 100 ? 100 : b->value) / 100.0 : 0;
            if (len > 0) {
                pdurep_doc_fill_rect(doc, px0, bt - cs->bar, len, cs->bar, b->fill);
                if (is_pale(b->fill))
                    pdurep_doc_stroke_rect(doc, px0, bt - cs->bar, len, cs->bar, 0.4, cs->frame);
            }
            if (b->text) {
                /* A white backing keeps the label legible where a threshold line passes. */
                double tw = pdurep_fonts_width(&doc->fonts, cs->small.face, cs->small.size, b->text,
                                               strlen(b->text));
                pdurep_doc_fill_rect(doc, px0 + len + 1.5, bt - cs->bar + 0.5, tw + 3, cs->bar - 1,
                                     (pdurep_rgb){1, 1, 1});
                pdurep_doc_draw_text(doc, cs->small.face, cs->small.size, cs->small.colour,
                                     px0 + len + 3, centred_baseline(bt - cs->bar / 2, cs->small.size),
                                     PDUREP_ALIGN_LEFT, b->text);
            }
        }
        gy -= gh[i];
    }

    /* Axis with ticks and labels. */
    pdurep_doc_line(doc, px0, plot_bottom, px1, plot_bottom, 0.8, cs->axis, 0);
    pdurep_doc_line(doc, px0, plot_bottom, px0, plot_top, 0.8, cs->axis, 0);
    for (int v = 0; v <= 100; v += 20) {
        double tx = px0 + pw * v / 100.0;
        char t[8];
        snprintf(t, sizeof t, "%d%%", v);
        pdurep_doc_line(doc, tx, plot_bottom, tx, plot_bottom - 3, 0.8, cs->axis, 0);
        pdurep_doc_draw_text(doc, cs->small.face, cs->small.size, cs->small.colour, tx,
                             plot_bottom - 4 - cs->small.size, PDUREP_ALIGN_CENTRE, t);
    }
    if (c->axis_title)
        pdurep_doc_draw_text(doc, cs->small.face, cs->small.size, cs->small.colour, px0 + pw / 2,
                             plot_bottom - axis_h - cs->small.size + 1, PDUREP_ALIGN_CENTRE,
                             c->axis_title);
    pdurep_doc_tag_end(doc);
    doc->y -= total + cs->space_after;
    doc->fresh = 0;
    free(gh);
    labels_free(&ls);
}

void pdurep_chart_draw_grid(pdurep_doc *doc, const pdurep_chart_style *cs, const pdurep_chart_grid *g)
{
    if (doc->err || !g->n_rows || !g->n_columns)
        return;
    double x0 = doc->body.x0, w = doc->body.x1 - doc->body.x0;
    double label_w = w * 0.34;
    double cw = (w - label_w) / g->n_columns;

    label_set rows = {0}, cols = {0};
    pdurep_style head = cs->small;
    head.face = PDUREP_FACE_BOLD;
    head.align = PDUREP_ALIGN_CENTRE;
    if (!labels_break(doc, &rows, g->rows, g->n_rows, &cs->label, label_w - 6) ||
        !labels_break(doc, &cols, g->columns, g->n_columns, &head, cw - 6)) {
        labels_free(&rows);
        labels_free(&cols);
        return;
    }
    size_t head_lines = 1;
    for (size_t i = 0; i < g->n_columns; i++)
        if (cols.lines[i].n_lines > head_lines)
            head_lines = cols.lines[i].n_lines;
    double head_h = head_lines * head.leading + 6;
    double row_min = cs->small.size * 2.2;
    double total = head_h;
    for (size_t i = 0; i < g->n_rows; i++) {
        double lh = rows.lines[i].n_lines * cs->label.leading + 6;
        total += lh > row_min ? lh : row_min;
    }
    pdurep_doc_reserve(doc, total);

    double y = doc->y;
    pdurep_doc_tag_begin(doc, PDUREP_TAG_TABLE);
    pdurep_doc_tag_begin(doc, PDUREP_TAG_THEAD);
    pdurep_doc_tag_begin(doc, PDUREP_TAG_TR);
    pdurep_doc_tag_begin(doc, PDUREP_TAG_TD); /* the empty corner above the row labels */
    pdurep_doc_tag_end(doc);
    for (size_t i = 0; i < g->n_columns; i++) {
        double lh = cols.lines[i].n_lines * head.leading;
        pdurep_doc_tag_begin(doc, PDUREP_TAG_TH);
        pdurep_doc_tag_scope(doc, PDUREP_SCOPE_COLUMN);
        pdurep_doc_draw_lines(doc, &cols.lines[i], &cols.rich[i], 0, cols.lines[i].n_lines,
                              x0 + label_w + i * cw + 3, y - (head_h - 6 - lh) - 2, cw - 6, &head);
        pdurep_doc_tag_end(doc);
    }
    pdurep_doc_tag_end(doc);
    pdurep_doc_tag_end(doc);
    pdurep_doc_tag_begin(doc, PDUREP_TAG_TBODY);
    y -= head_h;
    pdurep_doc_artifact_begin(doc);
    pdurep_doc_line(doc, x0, y, x0 + w, y, 0.8, cs->axis, 0);
    pdurep_doc_artifact_end(doc);
    for (size_t r = 0; r < g->n_rows; r++) {
        double lh = rows.lines[r].n_lines * cs->label.leading;
        double rh = lh + 6 > row_min ? lh + 6 : row_min;
        pdurep_doc_tag_begin(doc, PDUREP_TAG_TR);
        if (r && g->group_break && g->group_break[r]) {
            pdurep_doc_artifact_begin(doc);
            pdurep_doc_line(doc, x0, y, x0 + w, y, 0.8, cs->axis, 0);
            pdurep_doc_artifact_end(doc);
        }
        pdurep_doc_tag_begin(doc, PDUREP_TAG_TH);
        pdurep_doc_tag_scope(doc, PDUREP_SCOPE_ROW);
        pdurep_doc_draw_lines(doc, &rows.lines[r], &rows.rich[r], 0, rows.lines[r].n_lines, x0,
                              y - (rh - lh) / 2, label_w - 6, &cs->label);
        pdurep_doc_tag_end(doc);
        for (size_t c = 0; c < g->n_columns; c++) {
            double cx = x0 + label_w + c * cw;
            pdurep_doc_tag_begin(doc, PDUREP_TAG_TD);
            pdurep_doc_artifact_begin(doc);
            pdurep_doc_line(doc, cx, y, cx, y - rh, 0.4, cs->grid, 0);
            if ((int)c == g->chosen[r]) {
                pdurep_doc_fill_rect(doc, cx + 3, y - rh + 3, cw - 6, rh - 6, g->fill[c]);
                if (is_pale(g->fill[c]))
                    pdurep_doc_stroke_rect(doc, cx + 3, y - rh + 3, cw - 6, rh - 6, 0.4, cs->frame);
            }
            pdurep_doc_artifact_end(doc);
            if ((int)c == g->chosen[r] && g->chip && g->chip[r]) {
                if (g->spoken && g->spoken[r])
                    pdurep_doc_tag_actual(doc, g->spoken[r]);
                pdurep_doc_draw_text(doc, PDUREP_FACE_BOLD, cs->small.size, g->ink[c],
                                     cx + cw / 2, centred_baseline(y - rh / 2, cs->small.size),
                                     PDUREP_ALIGN_CENTRE, g->chip[r]);
            }
            pdurep_doc_tag_end(doc);
        }
        y -= rh;
        pdurep_doc_artifact_begin(doc);
        pdurep_doc_line(doc, x0, y, x0 + w, y, 0.4, cs->grid, 0);
        pdurep_doc_artifact_end(doc);
        pdurep_doc_tag_end(doc);
    }
    pdurep_doc_tag_end(doc);
    pdurep_doc_tag_end(doc);
    doc->y -= total + cs->space_after;
    doc->fresh = 0;
    labels_free(&rows);
    labels_free(&cols);
}
