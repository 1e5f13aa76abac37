/*
 * The region report's own sections.
 *
 * `pdus` sets the region's PDUs side by side: the cases each contributed, a
 * ratings matrix (PDUs by standards, rating chips, score and overall), and
 * small-multiple charts of every PDU's key questions with the region's pooled
 * value ticked on each row. `breakdown` splits the region's pooled key
 * questions by a case attribute.
 *
 * As in the rest of the report, figures come from the calculator (the
 * region's ratings and pdurep_region_pdus), words from the strings file
 * (region.* keys) and the look from the layout; nothing printed is typed here.
 */
#include "report/report_internal.h"
#include "typeset/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A template filled with name/value pairs; NULL (error recorded) on failure. */
#define T(rp, ...) pdurep_report_template(rp, __VA_ARGS__, NULL)

/* Strings the sections need; looked up as region.KEY first (see pdurep_report_string()). */
static const char *const pdus_keys[] = {
    "pdus.title", "pdus.intro", "pdus.sample", "pdus.total", "pdus.column.pdu",
    "pdus.column.fieldwork", "pdus.column.cases", "pdus.column.score", "pdus.column.overall",
    "pdus.matrix", "pdus.matrix-caption", "pdus.matrix-row", "pdus.standard-key", "pdus.strand-key",
    "pdus.list-separator", "pdus.charts", "pdus.charts-intro", "pdus.panel-cases",
    "pdus.legend-region", "pdus.charts-caption", "pdus.panel-alt", "pdus.panel-alt-item", NULL,
};
static const char *const breakdown_keys[] = {
    "breakdown.title", "breakdown.intro", "breakdown.column.question", "breakdown.column.all",
    "breakdown.group", "breakdown.cell", "breakdown.left-out", "breakdown.caption", NULL,
};

/* Report the first missing key, so a strings file with gaps fails with a clear message. */
static int have_strings(report *rp, const char *const *keys)
{
    for (; *keys; keys++)
        if (!*pdurep_report_string(rp, *keys)) {
            pdurep_doc_fail(rp->doc, PDUREP_ERROR_DATA, "%s: missing string 'region.%s'",
                            rp->lay->strings_path, *keys);
            return 0;
        }
    return 1;
}

/* A template as a paragraph. */
static void para_t(report *rp, pdurep_style_id id, char *markup)
{
    if (markup)
        pdurep_report_paragraph(rp, id, markup);
    free(markup);
}

/* A template as a heading; @p level as pdurep_report_heading(). */
static void heading_t(report *rp, pdurep_style_id id, char *markup, int level)
{
    if (markup)
        pdurep_report_heading(rp, id, markup, level);
    free(markup);
}

/* ---- small text helpers ----------------------------------------------------- */

typedef struct joined {
    char *s;
    size_t len, cap;
} joined;

/* Append markup @p t (taking ownership), with @p sep before all but the first. */
static void join_add(pdurep_doc *doc, joined *j, const char *sep, char *t)
{
    if (!t)
        return;
    size_t add = strlen(t) + (j->len ? strlen(sep) : 0);
    if (!pdurep_grow((void **)&j->s, &j->cap, j->len + add + 1, 1)) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        free(t);
        return;
    }
    j->s[j->len] = '\0';
    if (j->len)
        strcat(j->s, sep);
    strcat(j->s, t);
    j->len += add;
    free(t);
}

/* "Risk of serious harm" -> "risk of serious harm" for use inside a sentence; "PDU" stays. */
static char *lower_first(const char *s)
{
    char *l = pdurep_ts_strdup(s);
    if (l && l[0] >= 'A' && l[0] <= 'Z' && !(l[1] >= 'A' && l[1] <= 'Z'))
        l[0] = (char)(l[0] - 'A' + 'a');
    return l;
}

/* 2025-09-01 as every document writes dates ("1 September 2025"), as markup. */
static char *date_text(report *rp, const char *ymd)
{
    char *text = pdurep_strings_date(rp->str, ymd ? ymd : "");
    char *markup = text ? pdurep_report_escaped(rp, text) : NULL;
    free(text);
    return markup;
}

static pdurep_table_cell cell(const char *markup)
{
    return (pdurep_table_cell){markup, 0, {0, 0, 0}, 0, {0, 0, 0}};
}

static pdurep_table_cell panel_cell(const report *rp, const char *markup)
{
    pdurep_table_cell c = cell(markup);
    c.has_fill = 1;
    c.fill = rp->lay->colours[PDUREP_COLOUR_PANEL];
    return c;
}

/* "P1.1 Leadership, P1.2 Staffing, ...": the standards of a framework, for captions. */
static char *standards_key(report *rp, pdurep_doc *doc, const pdurep_framework *fw, int cases_only)
{
    joined j = {0};
    const char *sep = pdurep_report_string(rp, "pdus.list-separator");
    for (size_t i = 0; i < fw->n_standards; i++) {
        const pdurep_standard *s = &fw->standards[i];
        if (cases_only && s->rated_by != PDUREP_RATED_BY_CASES)
            continue;
        char code[64];
        snprintf(code, sizeof code, "%s", s->code);
        if (cases_only && s->n_key_questions) {
            /* Charts label rows by question code: name the standard by its questions' stem (2.1). */
            const char *qc = fw->questions[s->key_questions[0]].code;
            const char *dot = strrchr(qc, '.');
            snprintf(code, sizeof code, "%.*s", dot ? (int)(dot - qc) : (int)strlen(qc), qc);
        }
        join_add(doc, &j, sep, T(rp, "pdus.standard-key", "code", code, "name", s->name));
    }
    return j.s ? j.s : pdurep_ts_strdup("");
}

/* ---- cases from each PDU ----------------------------------------------------- */

static void sample_table(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_region_pdus *rg = rp->pdus;
    const pdurep_framework *fw = rg->pooled->framework;
    long a = sec->attribute ? pdurep_framework_attribute_index(fw, sec->attribute) : -1;
    size_t nv = a >= 0 ? fw->attributes[a].n_values : 0, nc = 3 + nv;
    heading_t(rp, PDUREP_STYLE_H2, T(rp, "pdus.sample"), 1);

    double *widths = pdurep_ts_calloc(nc, sizeof *widths);
    pdurep_align *align = pdurep_ts_calloc(nc, sizeof *align);
    char **head = pdurep_ts_calloc(nc, sizeof *head), **row = pdurep_ts_calloc(nc, sizeof *row);
    pdurep_table_cell *cells = pdurep_ts_calloc(nc, sizeof *cells);
    pdurep_table *t = NULL;
    if (!widths || !align || !head || !row || !cells) {
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_NO_MEMORY, NULL);
        goto out;
    }
    widths[0] = 3.2;
    widths[1] = 2.2;
    widths[2] = 1;
    head[0] = T(rp, "pdus.column.pdu");
    head[1] = T(rp, "pdus.column.fieldwork");
    head[2] = T(rp, "pdus.column.cases");
    for (size_t v = 0; v < nv; v++) {
        widths[3 + v] = 1.6;
        head[3 + v] = pdurep_report_escaped(rp, fw->attributes[a].labels[v]);
    }
    for (size_t c = 2; c < nc; c++)
        align[c] = PDUREP_ALIGN_RIGHT;
    t = pdurep_table_new(rp->doc, &rp->ts, nc, widths, align, pdurep_report_note, rp);
    for (size_t c = 0; c < nc; c++)
        cells[c] = cell(head[c] ? head[c] : "");
    pdurep_table_row(t, cells, 1);

    /* One row per PDU, then the region: the pooled cases the regional ratings rest on. */
    for (size_t i = 0; i <= rg->n_pdus && !rp->doc->err; i++) {
        const pdurep_ratings *x = i < rg->n_pdus ? rg->pdus[i] : rg->pooled;
        const pdurep_inspection *in = i < rg->n_pdus ? x->inspection : rp->r->inspection;
        char num[32];
        row[0] = i < rg->n_pdus ? pdurep_report_escaped(rp, in->name)
                                : T(rp, "pdus.total", "region", rp->r->inspection->region);
        row[1] = date_text(rp, in->fieldwork_start);
        snprintf(num, sizeof num, "%lu", x->n_cases);
        row[2] = pdurep_ts_strdup(num);
        for (size_t v = 0; v < nv; v++) {
            snprintf(num, sizeof num, "%lu", x->breakdowns[a].cases[v]);
            row[3 + v] = pdurep_ts_strdup(num);
        }
        for (size_t c = 0; c < nc; c++) {
            const char *m = row[c] ? row[c] : "";
            cells[c] = i < rg->n_pdus ? cell(m) : panel_cell(rp, m);
        }
        pdurep_table_row(t, cells, 0);
        for (size_t c = 0; c < nc; c++) {
            free(row[c]);
            row[c] = NULL;
        }
    }
out:
    pdurep_table_end(t);
    for (size_t c = 0; head && c < nc; c++)
        free(head[c]);
    free(head);
    free(row);
    free(cells);
    free(widths);
    free(align);
}

/* ---- ratings matrix --------------------------------------------------------------- */

/* Widest single word of plain @p text in @p face, per point of type size. */
static double widest_word(pdurep_doc *doc, pdurep_face face, const char *text)
{
    double widest = 0;
    while (text && *text) {
        size_t n = strcspn(text, " \n");
        double x = pdurep_fonts_width(&doc->fonts, face, 1.0, text, n);
        if (x > widest)
            widest = x;
        text += n;
        text += strspn(text, " \n");
    }
    return widest;
}

/* Widest word of a template's text (a column heading), in bold, per point of size. */
static double widest_heading_word(report *rp, pdurep_doc *doc, const char *key)
{
    char *t = T(rp, key), *p = t ? pdurep_report_plain(t) : NULL;
    double w = widest_word(doc, PDUREP_FACE_BOLD, p);
    free(t);
    free(p);
    return w;
}

/*
 * The matrix is drawn here rather than as a table: each rating is a chip inset
 * from its neighbours, with its word centred both ways, so that a row reads as
 * a strip of separate ratings and equal ratings side by side do not merge.
 */
typedef struct mcell {
    pdurep_rich rich;
    pdurep_lines lines;
    pdurep_rating rating; /* NONE: plain text */
} mcell;

typedef struct matrix {
    const report *rp;
    size_t nc;
    double *x, *w;         /* column left edges and widths */
    pdurep_style head, body, chip;
    double pad_x, pad_y, inset;
} matrix;

static void mcell_set(const matrix *m, mcell *c, const pdurep_style *st, const char *markup,
                      double width, pdurep_rating rating)
{
    pdurep_doc *doc = m->rp->doc;
    c->rating = rating;
    pdurep_error err = pdurep_rich_markup(&c->rich, st->face, markup ? markup : "", NULL, NULL);
    if (!err)
        err = pdurep_lines_break(&c->lines, &doc->fonts, &c->rich, st->size, width, 0);
    if (err)
        pdurep_doc_fail(doc, err, "cannot set matrix cell '%s'", markup ? markup : "");
}

static double mrow_height(const matrix *m, const mcell *cells, const pdurep_style *st)
{
    size_t most = 1;
    for (size_t c = 0; c < m->nc; c++)
        if (cells[c].lines.n_lines > most)
            most = cells[c].lines.n_lines;
    return (double)most * st->leading + 2 * m->pad_y;
}

/* Tagged as a table row (the PDU's name heads it); @p repeat: the header again
 * on a continuation page, which is furniture. */
static void mrow_draw(const matrix *m, const mcell *cells, int header, double h, int repeat)
{
    const report *rp = m->rp;
    pdurep_doc *doc = rp->doc;
    double top = doc->y, x0 = doc->body.x0, x1 = doc->body.x1;
    if (repeat)
        pdurep_doc_artifact_begin(doc);
    else
        pdurep_doc_tag_begin(doc, PDUREP_TAG_TR);
    pdurep_doc_artifact_begin(doc);
    if (header)
        pdurep_doc_fill_rect(doc, x0, top - h, x1 - x0, h,
                             rp->lay->colours[PDUREP_COLOUR_TABLE_HEAD]);
    pdurep_doc_artifact_end(doc);
    for (size_t c = 0; c < m->nc; c++) {
        const mcell *cl = &cells[c];
        pdurep_style st = header ? m->head : cl->rating != PDUREP_RATING_NONE ? m->chip : m->body;
        st.align = c ? PDUREP_ALIGN_CENTRE : PDUREP_ALIGN_LEFT;
        if (!repeat)
            pdurep_doc_tag_begin(doc, header || !c ? PDUREP_TAG_TH : PDUREP_TAG_TD);
        if (!repeat && (header || !c))
            pdurep_doc_tag_scope(doc, header ? PDUREP_SCOPE_COLUMN : PDUREP_SCOPE_ROW);
        if (!header && cl->rating != PDUREP_RATING_NONE) {
            pdurep_doc_artifact_begin(doc);
            pdurep_doc_fill_rect(doc, m->x[c] + m->inset, top - h + m->inset, m->w[c] - 2 * m->inset,
                                 h - 2 * m->inset, rp->lay->rating_fill[cl->rating]);
            pdurep_doc_artifact_end(doc);
            st.colour = rp->lay->rating_ink[cl->rating];
        }
        double lh = (double)cl->lines.n_lines * st.leading;
        pdurep_doc_draw_lines(doc, &cl->lines, &cl->rich, 0, cl->lines.n_lines, m->x[c] + m->pad_x,
                              top - (h - lh) / 2, m->w[c] - 2 * m->pad_x, &st);
        if (!repeat)
            pdurep_doc_tag_end(doc);
    }
    if (!header) {
        pdurep_doc_artifact_begin(doc);
        pdurep_doc_line(doc, x0, top - h, x1, top - h, 0.5, rp->ts.rule, 0);
        pdurep_doc_artifact_end(doc);
    }
    if (repeat)
        pdurep_doc_artifact_end(doc);
    else
        pdurep_doc_tag_end(doc);
    doc->y -= h;
    doc->fresh = 0;
}

static void mcells_clear(mcell *cells, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        pdurep_rich_free(&cells[c].rich);
        pdurep_lines_free(&cells[c].lines);
        pdurep_rich_init(&cells[c].rich);
        memset(&cells[c].lines, 0, sizeof cells[c].lines);
    }
}

static void ratings_matrix(report *rp)
{
    const pdurep_region_pdus *rg = rp->pdus;
    const pdurep_framework *fw = rg->pooled->framework;
    pdurep_doc *doc = rp->doc;
    size_t ns = fw->n_standards, nc = ns + 3;
    heading_t(rp, PDUREP_STYLE_H2, T(rp, "pdus.matrix"), 1);

    /*
     * A chip must hold the longest word of a rating name on one line
     * ("improvement"), or the line breaker would split it between letters.
     * Start from the table's type size and step down until the PDU names keep
     * at least a sixth of the width.
     */
    matrix m = {rp, nc, NULL, NULL, rp->ts.head, rp->ts.body, rp->ts.body, 3, 5, 1.2};
    double W = doc->body.x1 - doc->body.x0;
    /* Chip columns also carry the standard codes and the overall heading; the score column its heading. */
    double widest = widest_heading_word(rp, doc, "pdus.column.overall");
    for (int k = 0; k < PDUREP_RATING_COUNT; k++) {
        double x = widest_word(doc, PDUREP_FACE_BOLD, pdurep_strings_rating(rp->str, (pdurep_rating)k));
        widest = x > widest ? x : widest;
    }
    for (size_t s = 0; s < ns; s++) {
        double x = widest_word(doc, PDUREP_FACE_BOLD, fw->standards[s].code);
        widest = x > widest ? x : widest;
    }
    double score_word = pdurep_fonts_width(&doc->fonts, PDUREP_FACE_REGULAR, 1.0, "00/00", 5);
    double score_head = widest_heading_word(rp, doc, "pdus.column.score");
    score_word = score_head > score_word ? score_head : score_word;
    double size = m.body.size, chip_w, score_w;
    for (;;) {
        chip_w = widest * size + 2 * m.pad_x + 1;
        score_w = score_word * size + 2 * m.pad_x + 2;
        if (W - (double)(ns + 1) * chip_w - score_w >= W / 6 || size <= 5.5)
            break;
        size -= 0.25;
    }
    double leading = size * m.body.leading / m.body.size;
    m.head.size = m.body.size = m.chip.size = size;
    m.head.leading = m.body.leading = m.chip.leading = leading;
    m.chip.face = PDUREP_FACE_BOLD;

    m.x = pdurep_ts_calloc(nc, sizeof *m.x);
    m.w = pdurep_ts_calloc(nc, sizeof *m.w);
    mcell *head = pdurep_ts_calloc(nc, sizeof *head), *row = pdurep_ts_calloc(nc, sizeof *row);
    if (!m.x || !m.w || !head || !row) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        goto out;
    }
    m.w[0] = W - (double)(ns + 1) * chip_w - score_w;
    m.x[0] = doc->body.x0;
    for (size_t c = 1; c < nc; c++) {
        m.w[c] = c == ns + 1 ? score_w : chip_w;
        m.x[c] = m.x[c - 1] + m.w[c - 1];
    }

    for (size_t c = 0; c < nc; c++)
        pdurep_rich_init(&head[c].rich), pdurep_rich_init(&row[c].rich);
    char *t;
    mcell_set(&m, &head[0], &m.head, t = T(rp, "pdus.column.pdu"), m.w[0] - 2 * m.pad_x,
              PDUREP_RATING_NONE);
    free(t);
    for (size_t s = 0; s < ns; s++) {
        mcell_set(&m, &head[1 + s], &m.head, t = pdurep_report_escaped(rp, fw->standards[s].code),
                  m.w[1 + s] - 2 * m.pad_x, PDUREP_RATING_NONE);
        free(t);
    }
    mcell_set(&m, &head[ns + 1], &m.head, t = T(rp, "pdus.column.score"), m.w[ns + 1] - 2 * m.pad_x,
              PDUREP_RATING_NONE);
    free(t);
    mcell_set(&m, &head[ns + 2], &m.head, t = T(rp, "pdus.column.overall"),
              m.w[ns + 2] - 2 * m.pad_x, PDUREP_RATING_NONE);
    free(t);
    double head_h = mrow_height(&m, head, &m.head);

    for (size_t i = 0; i < rg->n_pdus && !doc->err; i++) {
        const pdurep_ratings *x = rg->pdus[i];
        /* The fieldwork dates tell one round's inspection of a PDU from another's. */
        char *date = date_text(rp, x->inspection->fieldwork_start);
        char *name = pdurep_report_escaped(rp, x->inspection->name);
        mcell_set(&m, &row[0], &m.body, t = T(rp, "pdus.matrix-row", "=name", name, "=fieldwork",
                                              date ? date : ""),
                  m.w[0] - 2 * m.pad_x, PDUREP_RATING_NONE);
        free(t);
        free(name);
        free(date);
        for (size_t s = 0; s < ns; s++) {
            pdurep_rating rt = x->standards[s].rating;
            mcell_set(&m, &row[1 + s], &m.chip, t = pdurep_report_escaped(rp,
                                                    pdurep_strings_rating(rp->str, rt)),
                      m.w[1 + s] - 2 * m.pad_x, rt);
            free(t);
        }
        char score[32];
        snprintf(score, sizeof score, "%d/%d", x->score, x->max_score);
        mcell_set(&m, &row[ns + 1], &m.body, score, m.w[ns + 1] - 2 * m.pad_x, PDUREP_RATING_NONE);
        mcell_set(&m, &row[ns + 2], &m.chip, t = pdurep_report_escaped(rp,
                                                 pdurep_strings_rating(rp->str, x->overall)),
                  m.w[ns + 2] - 2 * m.pad_x, x->overall);
        free(t);
        double h = mrow_height(&m, row, &m.body);
        /* The header goes with the first row; a row never splits and a new page repeats the header. */
        if (!i) {
            pdurep_doc_reserve(doc, head_h + h);
            pdurep_doc_tag_begin(doc, PDUREP_TAG_TABLE);
            pdurep_doc_tag_begin(doc, PDUREP_TAG_THEAD);
            mrow_draw(&m, head, 1, head_h, 0);
            pdurep_doc_tag_end(doc);
            pdurep_doc_tag_begin(doc, PDUREP_TAG_TBODY);
        } else if (doc->y - h < doc->body.y0 - 1e-6) {
            pdurep_doc_new_page(doc);
            mrow_draw(&m, head, 1, head_h, 1);
        }
        mrow_draw(&m, row, 0, h, 0);
        mcells_clear(row, nc);
    }
    if (rg->n_pdus) {
        pdurep_doc_tag_end(doc);
        pdurep_doc_tag_end(doc);
    }
    pdurep_doc_skip(doc, rp->ts.space_after);
out:
    if (head)
        mcells_clear(head, nc);
    if (row)
        mcells_clear(row, nc);
    free(head);
    free(row);
    free(m.x);
    free(m.w);

    char max[16];
    snprintf(max, sizeof max, "%d", rg->pdus[0]->max_score);
    char *key = standards_key(rp, doc, fw, 0);
    para_t(rp, PDUREP_STYLE_CAPTION, T(rp, "pdus.matrix-caption", "max", max, "=standards",
                                       key ? key : ""));
    free(key);
}

/* ---- small multiples ------------------------------------------------------------ */

/* Geometry of one panel, in points. */
enum { PANEL_GAP_X = 16, PANEL_GAP_Y = 14 };
#define ROW_H 8.6
#define BAR_H 5.6
#define GROUP_GAP 4.0
#define CODE_W 26.0
#define VALUE_W 22.0

typedef struct panels {
    const pdurep_framework *fw;
    size_t *kq;          /* key questions drawn, in order */
    int *group_start;    /* non-zero where a new standard begins */
    size_t n_kq, n_groups;
    double marks[8];
    size_t n_marks;
    double title_h, axis_h, height, width;
} panels;

/* Baseline that centres text of @p size on height @p mid. */
static double centred(double mid, double size) { return mid - 0.34 * size; }

static int is_pale(pdurep_rgb c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b > 0.8; }

/* One PDU: its name and cases, a bar per key question shaded by band, the region's tick. */
static void draw_panel(report *rp, const panels *pn, const pdurep_ratings *x, double x0, double top)
{
    pdurep_doc *doc = rp->doc;
    const pdurep_chart_style *cs = &rp->cs;
    const pdurep_ratings *pool = rp->pdus->pooled;
    double w = pn->width, lsize = cs->label.size, ssize = cs->small.size;

    /* A Figure whose alternative text reads every bar beside the region's value. */
    char n[32];
    snprintf(n, sizeof n, "%lu", x->n_cases);
    joined alt = {0};
    char *intro = T(rp, "pdus.panel-alt", "pdu", x->inspection->name, "cases", n);
    join_add(doc, &alt, "", intro ? pdurep_report_plain(intro) : NULL);
    free(intro);
    for (size_t k = 0; k < pn->n_kq; k++) {
        size_t q = pn->kq[k];
        char pct[32], reg[32];
        pdurep_report_percent(rp, x->questions[q], pct, sizeof pct);
        pdurep_report_percent(rp, pool->questions[q], reg, sizeof reg);
        char *item = T(rp, "pdus.panel-alt-item", "code", pn->fw->questions[q].code, "percent", pct,
                       "region", reg);
        join_add(doc, &alt, k ? ", " : ": ", item ? pdurep_report_plain(item) : NULL);
        free(item);
    }
    pdurep_doc_tag_begin(doc, PDUREP_TAG_FIGURE);
    pdurep_doc_tag_alt(doc, alt.s ? alt.s : "");
    pdurep_doc_tag_bbox(doc, x0, top - pn->height, x0 + w, top);
    free(alt.s);

    /* Title: the PDU's name, and its number of cases on the right. */
    double base = top - lsize;
    pdurep_doc_draw_text(doc, PDUREP_FACE_BOLD, lsize + 0.5, cs->label.colour, x0, base,
                         PDUREP_ALIGN_LEFT, x->inspection->name);
    char *cases = T(rp, "pdus.panel-cases", "cases", n);
    char *cp = cases ? pdurep_report_plain(cases) : NULL;
    if (cp)
        pdurep_doc_draw_text(doc, cs->small.face, ssize, cs->frame, x0 + w, base, PDUREP_ALIGN_RIGHT,
                             cp);
    free(cases);
    free(cp);
    pdurep_doc_line(doc, x0, top - pn->title_h + 3, x0 + w, top - pn->title_h + 3, 0.5, cs->grid, 0);

    double px0 = x0 + CODE_W, px1 = x0 + w - VALUE_W, pw = px1 - px0;
    double plot_top = top - pn->title_h, plot_bottom = top - pn->height + pn->axis_h;

    /* Band thresholds behind the bars. */
    for (size_t m = 0; m < pn->n_marks; m++) {
        double mx = px0 + pw * pn->marks[m] / 100.0;
        pdurep_doc_line(doc, mx, plot_bottom, mx, plot_top, 0.5, cs->mark, 2);
    }

    double y = plot_top;
    for (size_t k = 0; k < pn->n_kq; k++) {
        size_t q = pn->kq[k];
        if (k && pn->group_start[k])
            y -= GROUP_GAP;
        double mid = y - ROW_H / 2;
        pdurep_doc_draw_text(doc, cs->small.face, ssize, cs->small.colour, x0, centred(mid, ssize),
                             PDUREP_ALIGN_LEFT, pn->fw->questions[q].code);
        pdurep_tally t = x->questions[q];
        double pv = pdurep_tally_percent(t);
        if (pv > 0) {
            const pdurep_band *band = x->bands[q];
            pdurep_rgb fill = band ? rp->lay->rating_fill[band->rating]
                                   : rp->lay->colours[PDUREP_COLOUR_GRID];
            double len = pw * (pv > 100 ? 100 : pv) / 100.0;
            pdurep_doc_fill_rect(doc, px0, mid - BAR_H / 2, len, BAR_H, fill);
            if (is_pale(fill))
                pdurep_doc_stroke_rect(doc, px0, mid - BAR_H / 2, len, BAR_H, 0.4, cs->frame);
        }
        /* The region's value: a dark tick on a white halo, readable on any shade. */
        double rv = pdurep_tally_percent(pool->questions[q]);
        if (rv >= 0) {
            double rx = px0 + pw * (rv > 100 ? 100 : rv) / 100.0, h = BAR_H / 2 + 1.8;
            pdurep_doc_line(doc, rx, mid - h, rx, mid + h, 2.6, (pdurep_rgb){1, 1, 1}, 0);
            pdurep_doc_line(doc, rx, mid - h, rx, mid + h, 1.2, cs->axis, 0);
        }
        char pct[32];
        pdurep_report_percent(rp, t, pct, sizeof pct);
        pdurep_doc_draw_text(doc, cs->small.face, ssize, cs->small.colour, x0 + w,
                             centred(mid, ssize), PDUREP_ALIGN_RIGHT, pct);
        y -= ROW_H;
    }

    /* Axis: 0, the band thresholds and 100, so the marks are read off the axis. */
    pdurep_doc_line(doc, px0, plot_bottom, px1, plot_bottom, 0.6, cs->axis, 0);
    pdurep_doc_line(doc, px0, plot_bottom, px0, plot_top, 0.6, cs->axis, 0);
    double ticks[10] = {0, 100};
    size_t nt = 2;
    for (size_t m = 0; m < pn->n_marks && nt < 10; m++)
        ticks[nt++] = pn->marks[m];
    double tsize = ssize - 1;
    for (size_t i = 0; i < nt; i++) {
        double tx = px0 + pw * ticks[i] / 100.0;
        char lab[16];
        snprintf(lab, sizeof lab, "%g%%", ticks[i]);
        pdurep_doc_line(doc, tx, plot_bottom, tx, plot_bottom - 2, 0.6, cs->axis, 0);
        pdurep_doc_draw_text(doc, cs->small.face, tsize, cs->small.colour, tx,
                             plot_bottom - 3 - tsize, PDUREP_ALIGN_CENTRE, lab);
    }
    pdurep_doc_tag_end(doc);
}

/* The key above the panels: band shades, then the region's tick. */
static double draw_legend(report *rp, double top)
{
    pdurep_doc *doc = rp->doc;
    const pdurep_chart_style *cs = &rp->cs;
    double size = cs->small.size, mid = top - cs->small.leading / 2, x = doc->body.x0;
    double base = centred(mid, size), sw = 7;
    char *lt = T(rp, "chart.legend"), *ltp = lt ? pdurep_report_plain(lt) : NULL;
    pdurep_doc_tag_begin(doc, PDUREP_TAG_P);
    if (ltp)
        x += pdurep_doc_draw_text(doc, cs->small.face, size, cs->small.colour, x, base,
                                  PDUREP_ALIGN_LEFT, ltp) + 6;
    free(lt);
    free(ltp);
    for (int k = PDUREP_RATING_COUNT - 1; k >= 0; k--) {
        pdurep_rgb fill = rp->lay->rating_fill[k];
        pdurep_doc_artifact_begin(doc);
        pdurep_doc_fill_rect(doc, x, mid - sw / 2, sw, sw, fill);
        if (is_pale(fill))
            pdurep_doc_stroke_rect(doc, x, mid - sw / 2, sw, sw, 0.4, cs->frame);
        pdurep_doc_artifact_end(doc);
        x += sw + 3;
        x += pdurep_doc_draw_text(doc, cs->small.face, size, cs->small.colour, x, base,
                                  PDUREP_ALIGN_LEFT, pdurep_strings_rating(rp->str, (pdurep_rating)k)) +
             9;
    }
    x += 6;
    pdurep_doc_artifact_begin(doc);
    pdurep_doc_line(doc, x + 3, mid - sw / 2 - 1, x + 3, mid + sw / 2 + 1, 1.2, cs->axis, 0);
    pdurep_doc_artifact_end(doc);
    x += 10;
    char *rl = T(rp, "pdus.legend-region", "region", rp->r->inspection->region);
    char *rlp = rl ? pdurep_report_plain(rl) : NULL;
    if (rlp)
        pdurep_doc_draw_text(doc, cs->small.face, size, cs->small.colour, x, base, PDUREP_ALIGN_LEFT,
                             rlp);
    pdurep_doc_tag_end(doc);
    free(rl);
    free(rlp);
    return cs->small.leading + 8;
}

static void small_multiples(report *rp)
{
    const pdurep_region_pdus *rg = rp->pdus;
    pdurep_doc *doc = rp->doc;
    panels pn = {0};
    pn.fw = rg->pooled->framework;
    for (size_t s = 0; s < pn.fw->n_standards; s++)
        if (pn.fw->standards[s].rated_by == PDUREP_RATED_BY_CASES)
            pn.n_kq += pn.fw->standards[s].n_key_questions;
    if (!pn.n_kq)
        return;
    pn.kq = pdurep_ts_calloc(pn.n_kq, sizeof *pn.kq);
    pn.group_start = pdurep_ts_calloc(pn.n_kq, sizeof *pn.group_start);
    if (!pn.kq || !pn.group_start) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        goto out;
    }
    size_t k = 0;
    for (size_t s = 0; s < pn.fw->n_standards; s++) {
        const pdurep_standard *st = &pn.fw->standards[s];
        if (st->rated_by != PDUREP_RATED_BY_CASES || !st->n_key_questions)
            continue;
        pn.group_start[k] = 1;
        pn.n_groups++;
        for (size_t i = 0; i < st->n_key_questions; i++)
            pn.kq[k++] = st->key_questions[i];
    }
    for (size_t b = 0; b < pn.fw->n_bands && pn.n_marks < 8; b++)
        if (pn.fw->bands[b].min_percent > 0)
            pn.marks[pn.n_marks++] = pn.fw->bands[b].min_percent;

    const pdurep_chart_style *cs = &rp->cs;
    pn.title_h = cs->label.size + 8;
    pn.axis_h = cs->small.size + 5;
    pn.height = pn.title_h + (double)pn.n_kq * ROW_H + (double)(pn.n_groups - 1) * GROUP_GAP + 2 +
                pn.axis_h;
    pn.width = (doc->body.x1 - doc->body.x0 - PANEL_GAP_X) / 2;

    /* Heading, lead-in, key and the first row of panels read as one: start a page rather than split them. */
    double body_h = doc->body.y1 - doc->body.y0;
    if (!doc->fresh && pdurep_doc_space_left(doc) < 0.5 * body_h)
        pdurep_doc_new_page(doc);
    heading_t(rp, PDUREP_STYLE_H2, T(rp, "pdus.charts"), 1);
    para_t(rp, PDUREP_STYLE_BODY, T(rp, "pdus.charts-intro"));

    double legend_h = cs->small.leading + 8;
    for (size_t i = 0; i < rg->n_pdus && !doc->err; i += 2) {
        /* Each row of panels is kept whole; rows break across pages if there are many PDUs. */
        double need = pn.height + (i ? PANEL_GAP_Y : legend_h);
        pdurep_doc_reserve(doc, need);
        double top = doc->y;
        if (!i)
            top -= draw_legend(rp, top);
        else if (!doc->fresh)
            top -= PANEL_GAP_Y;
        for (size_t c = 0; c < 2 && i + c < rg->n_pdus; c++)
            draw_panel(rp, &pn, rg->pdus[i + c], doc->body.x0 + (double)c * (pn.width + PANEL_GAP_X),
                       top);
        doc->y = top - pn.height;
        doc->fresh = 0;
    }
    pdurep_doc_skip(doc, cs->space_after);

    /* Caption: what the codes and strands are, from the framework and the strings. */
    char *std = standards_key(rp, doc, pn.fw, 1);
    joined strands = {0};
    const char *sep = pdurep_report_string(rp, "pdus.list-separator");
    size_t most = 0;
    for (size_t s = 0; s < pn.fw->n_standards; s++)
        if (pn.fw->standards[s].n_key_questions > most)
            most = pn.fw->standards[s].n_key_questions;
    for (size_t i = 0; i < most; i++) {
        char nk[24], tk[48];
        snprintf(nk, sizeof nk, "%zu", i + 1);
        snprintf(tk, sizeof tk, "comparison.theme.%zu", i + 1);
        join_add(doc, &strands, sep,
                 T(rp, "pdus.strand-key", "n", nk, "theme", pdurep_report_string(rp, tk)));
    }
    para_t(rp, PDUREP_STYLE_CAPTION, T(rp, "pdus.charts-caption", "=standards", std ? std : "",
                                       "=strands", strands.s ? strands.s : ""));
    free(std);
    free(strands.s);
out:
    free(pn.kq);
    free(pn.group_start);
}

void pdurep_region_section_pdus(report *rp, const pdurep_layout_section *sec)
{
    if (rp->doc->err || !rp->pdus || !rp->pdus->n_pdus || !rp->pdus->pooled)
        return;
    if (!have_strings(rp, pdus_keys))
        return;
    char *title = T(rp, "pdus.title");
    if (!title)
        return;
    pdurep_report_section(rp, sec, title);
    free(title);
    para_t(rp, PDUREP_STYLE_BODY, T(rp, "pdus.intro"));
    pdurep_report_narrative(rp, "pdus", 0);
    sample_table(rp, sec);
    ratings_matrix(rp);
    small_multiples(rp);
}

/* ---- pooled key questions by a case attribute -------------------------------------- */

/* A question counted over one value of this attribute only has nothing to split. */
static int single_group(const pdurep_question *q, const pdurep_attribute *a)
{
    return q->filter_attribute && !strcmp(q->filter_attribute, a->code);
}

void pdurep_region_section_breakdown(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_ratings *r = rp->r;
    const pdurep_framework *fw = r->framework;
    pdurep_doc *doc = rp->doc;
    if (doc->err)
        return;
    long a = pdurep_framework_attribute_index(fw, sec->attribute ? sec->attribute : "");
    if (a < 0) {
        pdurep_doc_fail(doc, PDUREP_ERROR_DATA, "%s:%lu:%lu: framework %s has no case attribute "
                        "'%s'", rp->lay->path, sec->line, sec->column, fw->code,
                        sec->attribute ? sec->attribute : "");
        return;
    }
    const pdurep_attribute *attr = &fw->attributes[a];
    size_t rows = 0;
    for (size_t s = 0; s < fw->n_standards; s++)
        for (size_t k = 0; k < fw->standards[s].n_key_questions; k++)
            rows += !single_group(&fw->questions[fw->standards[s].key_questions[k]], attr);
    if (!rows || !have_strings(rp, breakdown_keys))
        return;

    char *lower = lower_first(attr->label);
    char *title = T(rp, "breakdown.title", "attribute", lower ? lower : attr->label);
    if (title)
        pdurep_report_section(rp, sec, title);
    free(title);
    para_t(rp, PDUREP_STYLE_BODY, T(rp, "breakdown.intro", "attribute", lower ? lower : attr->label));

    size_t nv = attr->n_values, nc = nv + 2;
    double *widths = pdurep_ts_calloc(nc, sizeof *widths);
    pdurep_align *align = pdurep_ts_calloc(nc, sizeof *align);
    char **text = pdurep_ts_calloc(nc, sizeof *text);
    pdurep_table_cell *cells = pdurep_ts_calloc(nc, sizeof *cells);
    pdurep_table *t = NULL;
    joined left_out = {0};
    if (!widths || !align || !text || !cells) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        goto out;
    }
    widths[0] = nv > 3 ? 3.2 : 4.2;
    for (size_t c = 1; c < nc; c++) {
        widths[c] = 1;
        align[c] = PDUREP_ALIGN_RIGHT;
    }
    t = pdurep_table_new(doc, &rp->ts, nc, widths, align, pdurep_report_note, rp);
    char n[32];
    text[0] = T(rp, "breakdown.column.question");
    for (size_t v = 0; v < nv; v++) {
        snprintf(n, sizeof n, "%lu", r->breakdowns[a].cases[v]);
        text[1 + v] = T(rp, "breakdown.group", "value", attr->labels[v], "cases", n);
    }
    snprintf(n, sizeof n, "%lu", r->n_cases);
    text[nc - 1] = T(rp, "breakdown.column.all", "cases", n);
    for (size_t c = 0; c < nc; c++)
        cells[c] = cell(text[c] ? text[c] : "");
    pdurep_table_row(t, cells, 1);
    for (size_t c = 0; c < nc; c++) {
        free(text[c]);
        text[c] = NULL;
    }

    const char *sep = pdurep_report_string(rp, "pdus.list-separator");
    for (size_t s = 0; s < fw->n_standards && !doc->err; s++) {
        const pdurep_standard *st = &fw->standards[s];
        size_t shown = 0;
        for (size_t k = 0; k < st->n_key_questions; k++)
            shown += !single_group(&fw->questions[st->key_questions[k]], attr);
        if (!shown) {
            if (st->n_key_questions)
                join_add(doc, &left_out, sep,
                         T(rp, "standard.heading", "code", st->code, "name", st->name));
            continue;
        }
        /* The standard as a band across the table, as in the ratings table's domains. */
        char *h = T(rp, "standard.heading", "code", st->code, "name", st->name);
        char *hb = NULL;
        if (h) {
            size_t hn = strlen(h) + 5;
            if ((hb = pdurep_ts_malloc(hn)))
                snprintf(hb, hn, "**%s**", h);
        }
        cells[0] = panel_cell(rp, hb ? hb : "");
        for (size_t c = 1; c < nc; c++)
            cells[c] = panel_cell(rp, "");
        pdurep_table_row(t, cells, 0);
        free(h);
        free(hb);
        for (size_t k = 0; k < st->n_key_questions; k++) {
            size_t q = st->key_questions[k];
            if (single_group(&fw->questions[q], attr))
                continue;
            text[0] = T(rp, "comparison.group", "code", fw->questions[q].code, "standard", st->name,
                        "theme", "", "text", fw->questions[q].text);
            for (size_t v = 0; v <= nv; v++) {
                pdurep_tally tl = v < nv ? pdurep_ratings_breakdown(r, (size_t)a, v, q)
                                         : r->questions[q];
                char pct[32], yes[24], rel[24];
                pdurep_report_percent(rp, tl, pct, sizeof pct);
                snprintf(yes, sizeof yes, "%lu", tl.yes);
                snprintf(rel, sizeof rel, "%lu", pdurep_tally_relevant(tl));
                text[1 + v] = pdurep_tally_relevant(tl)
                                  ? T(rp, "breakdown.cell", "percent", pct, "yes", yes, "relevant", rel)
                                  : pdurep_report_escaped(rp, pct);
            }
            for (size_t c = 0; c < nc; c++)
                cells[c] = cell(text[c] ? text[c] : "");
            pdurep_table_row(t, cells, 0);
            for (size_t c = 0; c < nc; c++) {
                free(text[c]);
                text[c] = NULL;
            }
        }
    }
out:
    pdurep_table_end(t);
    if (left_out.s)
        para_t(rp, PDUREP_STYLE_CAPTION, T(rp, "breakdown.left-out", "=standards", left_out.s,
                                           "attribute", lower ? lower : attr->label));
    para_t(rp, PDUREP_STYLE_CAPTION, T(rp, "breakdown.caption"));
    free(left_out.s);
    free(lower);
    free(widths);
    free(align);
    free(text);
    free(cells);
}

size_t pdurep_region_contents_entries(const pdurep_layout_section *sec,
                                      const pdurep_region_pdus *pdus)
{
    /* The pdus section's three parts (cases, ratings, key questions) are outline entries. */
    return sec->type == PDUREP_SECTION_PDUS && pdus && pdus->n_pdus ? 3 : 0;
}
