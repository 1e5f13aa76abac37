/*
 * The PDF inspection report: walks the layout's sections in order and lays
 * each out from the ratings, the narrative and the strings file.
 *
 * Figures are read from the pdurep_ratings only (never recounted here), prose
 * from the narrative, and every fixed word from the strings file, looked up by
 * key, so that a Welsh strings file gives a Welsh report without a rebuild.
 */
#include "pdurep/report.h"
#include "typeset/alloc.h"
#include "pdurep/atomic.h"
#include "pdurep/document.h"
#include "pdurep/version.h"
#include "typeset/chart.h"
#include "typeset/doc.h"
#include "report/layout.h"
#include "report/report_internal.h"
#include "typeset/pdfa.h"
#include "typeset/table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Every key the report looks up; checked before any work so a strings file
 * with gaps is reported in one go. */
static const char *const required_strings[] = {
    "report.title", "report.running", "report.subject", "report.creator",
    "cover.kicker", "cover.title", "cover.subtitle", "cover.fieldwork", "cover.overall",
    "cover.score", "cover.published",
    "colophon.title", "colophon.published", "colophon.copyright", "colophon.licence",
    "colophon.contact", "colophon.produced",
    "contents.title",
    "foreword.title",
    "ratings.title", "ratings.intro", "ratings.fieldwork", "ratings.score", "ratings.overall",
    "ratings.column.standard", "ratings.column.rating", "ratings.column.points",
    "ratings.domain", "ratings.overview", "ratings.overview-caption", "ratings.overview-spoken",
    "ratings.overview-spoken-one", "chart.alt-kq", "chart.alt-comparison", "chart.alt-marks",
    "recommendations.title", "recommendations.lead",
    "background.title", "background.sample", "background.cases", "background.caseload",
    "background.column.what", "background.column.number",
    "domain.title",
    "standard.heading", "standard.rating-label", "standard.strengths", "standard.improvements",
    "standard.findings", "standard.judgement", "standard.override", "standard.kq-intro",
    "standard.kq-caption", "standard.driver-note", "standard.driver-note-override",
    "standard.chart-caption", "ratings.override-note",
    "kq.column.question", "kq.column.cases", "kq.column.percent", "kq.cases",
    "chart.axis", "chart.legend",
    "diversity.title", "diversity.strengths", "diversity.improvements",
    "comparison.title", "comparison.intro", "comparison.group", "comparison.legend",
    "comparison.theme.1", "comparison.theme.2", "comparison.theme.3", "comparison.caption",
    "further.title", "further.method-title", "further.method", "further.bands", "further.column.band",
    "further.column.range", "further.column.rating", "further.overall", "further.column.score",
    "band.range", "band.range-top", "score.range",
    "footnotes.title",
    "page.footer", "list.bullet", "list.number", "percent", "percent-none",
    "rating.outstanding", "rating.good", "rating.requires-improvement", "rating.inadequate",
    "month.1", "month.2", "month.3", "month.4", "month.5", "month.6", "month.7", "month.8",
    "month.9", "month.10", "month.11", "month.12",
    NULL,
};


/* A template as a paragraph. */
#define PARA_T(rp, id, ...)                                                          \
    do {                                                                             \
        char *t_ = pdurep_report_template(rp, __VA_ARGS__, NULL);                    \
        if (t_)                                                                      \
            pdurep_report_paragraph(rp, id, t_);                                     \
        free(t_);                                                                    \
    } while (0)

/* A band's name from the strings file (band-name.KEY), not the framework's English. */
static const char *band_word(report *rp, const pdurep_band *band)
{
    return band ? pdurep_strings_term(rp->str, "band-name.", band->name, '-') : "";
}
/* Markup made bold, or NULL. */
static char *bold(const char *markup)
{
    if (!markup)
        return NULL;
    size_t n = strlen(markup) + 5;
    char *b = pdurep_ts_malloc(n);
    if (b)
        snprintf(b, n, "**%s**", markup);
    return b;
}

static pdurep_table_cell cell(const char *markup)
{
    return (pdurep_table_cell){markup, 0, {0, 0, 0}, 0, {0, 0, 0}};
}

static pdurep_table_cell rating_cell(report *rp, pdurep_rating rt, const char *markup)
{
    pdurep_table_cell c = cell(markup);
    if (rt >= 0 && rt < PDUREP_RATING_COUNT) {
        c.has_fill = c.has_colour = 1;
        c.fill = rp->lay->rating_fill[rt];
        c.colour = rp->lay->rating_ink[rt];
    }
    return c;
}

/* Readable range of a band: "50% to under 65%" or "80% and over". */
static char *band_range(report *rp, const pdurep_band *band)
{
    const pdurep_framework *fw = rp->r->framework;
    const pdurep_band *above = NULL;
    for (size_t i = 0; i < fw->n_bands; i++)
        if (fw->bands[i].min_percent > band->min_percent &&
            (!above || fw->bands[i].min_percent < above->min_percent))
            above = &fw->bands[i];
    char from[16], to[16];
    snprintf(from, sizeof from, "%g", band->min_percent);
    if (!above)
        return pdurep_report_template(rp, "band.range-top", "from", from, NULL);
    snprintf(to, sizeof to, "%g", above->min_percent);
    return pdurep_report_template(rp, "band.range", "from", from, "to", to, NULL);
}

/* The theme of the k-th key question of a standard ("engaging the person"...). */
static const char *theme(report *rp, size_t k)
{
    char key[48];
    snprintf(key, sizeof key, "comparison.theme.%zu", k + 1);
    return pdurep_report_string(rp, key);
}

/* Thresholds to draw on a chart: the lower bound of every band above zero. */
static size_t band_marks(const pdurep_framework *fw, double *marks, size_t max)
{
    size_t n = 0;
    for (size_t b = 0; b < fw->n_bands && n < max; b++)
        if (fw->bands[b].min_percent > 0)
            marks[n++] = fw->bands[b].min_percent;
    return n;
}

/* ---- sections --------------------------------------------------------------- */

static void section_titled(report *rp, const pdurep_layout_section *sec, const char *key)
{
    char *t = pdurep_report_template(rp, key, NULL);
    if (t)
        pdurep_report_section(rp, sec, t);
    free(t);
}

static void do_cover(report *rp)
{
    pdurep_doc *doc = rp->doc;
    pdurep_doc_new_page(doc);
    const pdurep_layout *l = rp->lay;
    /* A colour field across the top two fifths of the page, bled to the edges. */
    double band_h = l->page_h * 0.42;
    pdurep_doc_artifact_begin(doc);
    pdurep_doc_fill_rect(doc, 0, l->page_h - band_h, l->page_w, band_h, l->colours[PDUREP_COLOUR_COVER]);
    pdurep_doc_artifact_end(doc);
    double x = doc->frame.x0, w = doc->frame.x1 - doc->frame.x0;
    pdurep_style kicker = *pdurep_report_style(rp, PDUREP_STYLE_COVER_TEXT),
                 title = *pdurep_report_style(rp, PDUREP_STYLE_COVER_TITLE);
    pdurep_rich rich;
    pdurep_lines lines = {0};
    pdurep_rich_init(&rich);
    double y = doc->frame.y1 - 10;
    const char *keys[3] = {"cover.kicker", "cover.title", "cover.subtitle"};
    const pdurep_style *styles[3] = {&kicker, &title, &kicker};
    for (int i = 0; i < 3 && !doc->err; i++) {
        char *t = pdurep_report_template(rp, keys[i], NULL);
        pdurep_rich_clear(&rich);
        if (t && !pdurep_rich_markup(&rich, styles[i]->face, t, NULL, NULL) &&
            !pdurep_lines_break(&lines, &doc->fonts, &rich, styles[i]->size, w, 0)) {
            if (i == 1)
                y = doc->frame.y1 - band_h * 0.45;
            pdurep_doc_tag_begin(doc, i == 1 ? PDUREP_TAG_H1 : PDUREP_TAG_P);
            pdurep_doc_draw_lines(doc, &lines, &rich, 0, lines.n_lines, x, y, w, styles[i]);
            pdurep_doc_tag_end(doc);
            y -= lines.n_lines * styles[i]->leading + styles[i]->space_after;
        }
        free(t);
    }

    /* Below the field: fieldwork, the overall rating as a chip, the score. */
    y = l->page_h - band_h - 40;
    const pdurep_style *body = pdurep_report_style(rp, PDUREP_STYLE_BODY);
    char *fw = pdurep_report_template(rp, "cover.fieldwork", NULL);
    char *ov = pdurep_report_template(rp, "cover.overall", NULL);
    char score[32];
    snprintf(score, sizeof score, "%d/%d", rp->r->score, rp->r->max_score);
    char *sc = pdurep_report_template(rp, "cover.score", "score", score, NULL);
    if (fw && ov && sc) {
        char *p = pdurep_report_plain(fw);
        pdurep_doc_tag_begin(doc, PDUREP_TAG_P);
        pdurep_doc_draw_text(doc, body->face, body->size + 2, body->colour, x, y, PDUREP_ALIGN_LEFT,
                             p ? p : "");
        pdurep_doc_tag_end(doc);
        free(p);
        y -= 40;
        p = pdurep_report_plain(ov);
        pdurep_doc_tag_begin(doc, PDUREP_TAG_P);
        pdurep_doc_draw_text(doc, PDUREP_FACE_BOLD, body->size + 2, body->colour, x, y,
                             PDUREP_ALIGN_LEFT, p ? p : "");
        double lw = pdurep_fonts_width(&doc->fonts, PDUREP_FACE_BOLD, body->size + 2, p ? p : "",
                                       p ? strlen(p) : 0);
        pdurep_rating o = rp->r->overall;
        if (o >= 0 && o < PDUREP_RATING_COUNT) {
            const char *name = pdurep_strings_rating(rp->str, o);
            /* Label and chip are drawn apart; read aloud they make one phrase. */
            size_t n = strlen(p ? p : "") + strlen(name) + 3;
            char *said = pdurep_ts_malloc(n);
            if (said) {
                snprintf(said, n, "%s: %s", p ? p : "", name);
                pdurep_doc_tag_actual(doc, said);
            }
            free(said);
            double tw = pdurep_fonts_width(&doc->fonts, PDUREP_FACE_BOLD, 16, name, strlen(name));
            double cx = x + lw + 12;
            pdurep_doc_artifact_begin(doc);
            pdurep_doc_fill_rect(doc, cx, y - 10, tw + 24, 32, l->rating_fill[o]);
            pdurep_doc_artifact_end(doc);
            pdurep_doc_draw_text(doc, PDUREP_FACE_BOLD, 16, l->rating_ink[o], cx + 12, y,
                                 PDUREP_ALIGN_LEFT, name);
        }
        free(p);
        pdurep_doc_tag_end(doc);
        y -= 40;
        p = pdurep_report_plain(sc);
        pdurep_doc_tag_begin(doc, PDUREP_TAG_P);
        pdurep_doc_draw_text(doc, body->face, body->size + 2, body->colour, x, y, PDUREP_ALIGN_LEFT,
                             p ? p : "");
        pdurep_doc_tag_end(doc);
        free(p);
    }
    free(fw);
    free(ov);
    free(sc);
    /* The publication date closes the cover; the credit to pdurep is in the colophon. */
    char *published = pdurep_report_published(rp);
    char *pub = published ? pdurep_report_template(rp, "cover.published", "published", published, NULL)
                          : NULL;
    if (pub) {
        char *p = pdurep_report_plain(pub);
        pdurep_doc_tag_begin(doc, PDUREP_TAG_P);
        pdurep_doc_draw_text(doc, body->face, body->size + 2, body->colour, x, y - 40,
                             PDUREP_ALIGN_LEFT, p ? p : "");
        pdurep_doc_tag_end(doc);
        free(p);
    }
    free(pub);
    free(published);
    pdurep_rich_free(&rich);
    pdurep_lines_free(&lines);
}

/* Entries the contents page will list: one per titled section, one per standard. */
static size_t contents_entries(report *rp)
{
    size_t n = 0;
    for (size_t i = 0; i < rp->lay->n_sections; i++) {
        const pdurep_layout_section *s = &rp->lay->sections[i];
        if (s->type == PDUREP_SECTION_COVER || s->type == PDUREP_SECTION_CONTENTS)
            continue;
        n++;
        if (s->type == PDUREP_SECTION_DOMAIN)
            for (size_t k = 0; k < rp->r->framework->n_standards; k++)
                n += rp->r->framework->standards[k].domain == s->domain;
        n += pdurep_region_contents_entries(s, rp->pdus);
    }
    return n;
}

static void do_contents(report *rp, const pdurep_layout_section *sec)
{
    pdurep_doc *doc = rp->doc;
    section_titled(rp, sec, "contents.title");
    pdurep_doc_reserve(doc, 0);
    /* Reserve the pages now; the entries are drawn once every page number is known. */
    const pdurep_style *cst = pdurep_report_style(rp, PDUREP_STYLE_CONTENTS);
    double need = contents_entries(rp) * cst->leading;
    rp->contents_page = doc->page;
    rp->contents_y = doc->y;
    rp->contents_pages = 1;
    /* The entries are drawn at the end, into this element, so the contents list
     * reads where it stands. */
    rp->contents_tag = pdurep_doc_tag_begin(doc, PDUREP_TAG_TOC);
    pdurep_doc_tag_end(doc);
    double room = doc->y - doc->body.y0, full = doc->body.y1 - doc->body.y0;
    while (need > room) {
        need -= room;
        room = full;
        pdurep_doc_new_page(doc);
        rp->contents_pages++;
    }
    doc->fresh = 0;
    doc->y = doc->body.y0; /* nothing else goes on these pages */
}

static void draw_contents(report *rp)
{
    pdurep_doc *doc = rp->doc;
    const pdurep_style *cst = pdurep_report_style(rp, PDUREP_STYLE_CONTENTS);
    size_t page = rp->contents_page;
    double y = rp->contents_y;
    pdurep_doc_use_page(doc, page);
    pdurep_rich rich;
    pdurep_lines lines = {0};
    pdurep_rich_init(&rich);
    double x0 = doc->body.x0, x1 = doc->body.x1;
    pdurep_doc_tag_enter(doc, rp->contents_tag);
    for (size_t i = 0; i < doc->n_anchors && !doc->err; i++) {
        const pdurep_anchor *a = &doc->anchors[i];
        if (a->page == rp->contents_page)
            continue; /* the contents heading itself */
        if (y - cst->leading < doc->body.y0 - 1e-6 && page + 1 < rp->contents_page + rp->contents_pages) {
            pdurep_doc_use_page(doc, ++page);
            y = doc->body.y1;
        }
        pdurep_style st = *cst;
        double indent = a->level ? cst->size * 1.8 : 0;
        if (!a->level)
            st.face = PDUREP_FACE_BOLD;
        char num[24];
        snprintf(num, sizeof num, "%zu", a->page + 1);
        double nw = pdurep_fonts_width(&doc->fonts, st.face, st.size, num, strlen(num));
        /* Titles are single lines; a long one is cut by the line breaker's box. */
        pdurep_rich_clear(&rich);
        char *esc = pdurep_report_escaped(rp, a->title);
        if (!esc || pdurep_rich_markup(&rich, st.face, esc, NULL, NULL) ||
            pdurep_lines_break(&lines, &doc->fonts, &rich, st.size, x1 - x0 - indent - nw - 24, 0)) {
            free(esc);
            break;
        }
        free(esc);
        /* TOCI holds a Reference (ISO 32000-1 Table 333), the Reference the Link. */
        pdurep_doc_tag_begin(doc, PDUREP_TAG_TOCI);
        pdurep_doc_tag_begin(doc, PDUREP_TAG_REFERENCE);
        pdurep_doc_tag_begin(doc, PDUREP_TAG_LINK);
        pdurep_doc_draw_lines(doc, &lines, &rich, 0, 1, x0 + indent, y, x1 - x0 - indent - nw - 24, &st);
        double base = pdurep_doc_baseline(doc, &st, y);
        /* Dotted leader from the title to the number. */
        double lx0 = x0 + indent + (lines.n_lines ? lines.lines[0].width : 0) + 6, lx1 = x1 - nw - 6;
        if (lx1 > lx0) {
            pdurep_doc_artifact_begin(doc);
            pdurep_doc_line(doc, lx0, base + 1, lx1, base + 1, 0.5, rp->lay->colours[PDUREP_COLOUR_RULE], 1.5);
            pdurep_doc_artifact_end(doc);
        }
        pdurep_doc_draw_text(doc, st.face, st.size, st.colour, x1, base, PDUREP_ALIGN_RIGHT, num);
        pdurep_doc_link(doc, x0, y - cst->leading, x1 - x0, cst->leading, a->dest, a->title);
        pdurep_doc_tag_end(doc);
        pdurep_doc_tag_end(doc);
        pdurep_doc_tag_end(doc);
        y -= cst->leading;
    }
    pdurep_doc_tag_end(doc);
    pdurep_rich_free(&rich);
    pdurep_lines_free(&lines);
}

static void do_foreword(report *rp, const pdurep_layout_section *sec)
{
    if (!pdurep_narrative_get(rp->n, "foreword"))
        return;
    section_titled(rp, sec, "foreword.title");
    pdurep_report_narrative(rp, "foreword", 0);
    pdurep_doc_skip(rp->doc, pdurep_report_style(rp, PDUREP_STYLE_BODY)->space_after);
    pdurep_report_narrative(rp, "signature", 1);
}

static void do_ratings(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_ratings *r = rp->r;
    const pdurep_framework *fw = r->framework;
    section_titled(rp, sec, "ratings.title");
    PARA_T(rp, PDUREP_STYLE_BODY, "ratings.intro");

    /* Headline figures as a small table: fieldwork, score, overall rating. */
    char score[32];
    snprintf(score, sizeof score, "%d/%d", r->score, r->max_score);
    char *fwk = pdurep_report_template(rp, "ratings.fieldwork", NULL),
         *sc = pdurep_report_template(rp, "ratings.score", NULL);
    char *ov = pdurep_report_template(rp, "ratings.overall", NULL);
    char *score_b = pdurep_report_escaped(rp, score);
    char *ov_name = pdurep_report_escaped(rp, pdurep_strings_rating(rp->str, r->overall));
    if (fwk && sc && ov && score_b && ov_name) {
        double widths[3] = {1, 1, 1};
        pdurep_table_style ts = rp->ts;
        ts.head = ts.body;
        ts.head.face = PDUREP_FACE_BOLD;
        ts.head_fill = rp->lay->colours[PDUREP_COLOUR_PANEL];
        pdurep_table *t = pdurep_table_new(rp->doc, &ts, 3, widths, NULL, pdurep_report_note, rp);
        pdurep_table_cell head[3] = {cell(fwk), cell(sc), cell(ov)};
        char *fw_val = NULL;
        pdurep_error ferr = pdurep_narrative_fill("{fieldwork}", r, &rp->words, &fw_val, NULL);
        if (ferr)
            pdurep_doc_fail(rp->doc, ferr, NULL);
        pdurep_table_cell row[3] = {cell(fw_val ? fw_val : ""), cell(score_b),
                                    rating_cell(rp, r->overall, ov_name)};
        pdurep_table_row(t, head, 1);
        pdurep_table_row(t, row, 0);
        pdurep_table_end(t);
        free(fw_val);
    }
    free(fwk);
    free(sc);
    free(ov);
    free(score_b);
    free(ov_name);

    /* Every standard with its rating chip and points, grouped by domain. */
    double widths[3] = {6, 3, 1.2};
    pdurep_align align[3] = {PDUREP_ALIGN_LEFT, PDUREP_ALIGN_CENTRE, PDUREP_ALIGN_RIGHT};
    pdurep_table_style rts = rp->ts;
    rts.row_headers = 1; /* each row is read as its standard's */
    pdurep_table *t = pdurep_table_new(rp->doc, &rts, 3, widths, align, pdurep_report_note, rp);
    char *h[3] = {pdurep_report_template(rp, "ratings.column.standard", NULL),
                  pdurep_report_template(rp, "ratings.column.rating", NULL),
                  pdurep_report_template(rp, "ratings.column.points", NULL)};
    if (h[0] && h[1] && h[2]) {
        pdurep_table_cell head[3] = {cell(h[0]), cell(h[1]), cell(h[2])};
        pdurep_table_row(t, head, 1);
    }
    for (int i = 0; i < 3; i++)
        free(h[i]);
    int domain = 0;
    for (size_t i = 0; i < fw->n_standards && !rp->doc->err; i++) {
        const pdurep_standard *s = &fw->standards[i];
        const pdurep_standard_result *sr = &r->standards[i];
        if (s->domain != domain) {
            domain = s->domain;
            char d[16];
            snprintf(d, sizeof d, "%d", domain);
            char *dt = pdurep_report_template(rp, "ratings.domain", "domain", d, "domain-name",
                                              s->domain_name, NULL);
            pdurep_table_cell row[3] = {cell(dt), cell(""), cell("")};
            for (int k = 0; k < 3; k++) {
                row[k].has_fill = 1;
                row[k].fill = rp->lay->colours[PDUREP_COLOUR_PANEL];
            }
            pdurep_table_row(t, row, 0);
            free(dt);
        }
        char *name =
            pdurep_report_template(rp, "standard.heading", "code", s->code, "name", s->name, NULL);
        char *rating = pdurep_report_escaped(rp, pdurep_strings_rating(rp->str, sr->rating));
        /* A rating the panel set, not the one the cases give, carries a note saying so. */
        if (rating && sr->overridden) {
            char key[64];
            snprintf(key, sizeof key, "override-%s", s->code);
            pdurep_report_note_define(
                rp, key,
                pdurep_report_template(rp, "ratings.override-note", "computed",
                                       pdurep_strings_rating(rp->str, sr->computed_rating), NULL));
            size_t n = strlen(rating) + strlen(key) + 8;
            char *marked = pdurep_ts_malloc(n);
            if (marked)
                snprintf(marked, n, "%s[^%s]", rating, key);
            free(rating);
            rating = marked;
        }
        char pts[16];
        snprintf(pts, sizeof pts, "%d", sr->points);
        pdurep_table_cell row[3] = {cell(name), rating_cell(rp, sr->rating, rating), cell(pts)};
        pdurep_table_row(t, row, 0);
        free(name);
        free(rating);
    }
    pdurep_table_end(t);

    /* The overview graphic: one row per standard, one column per rating. */
    pdurep_report_heading(rp, PDUREP_STYLE_H3, pdurep_report_string(rp, "ratings.overview"), -1);
    const char **rows = pdurep_ts_calloc(fw->n_standards, sizeof *rows);
    const char **chips = pdurep_ts_calloc(fw->n_standards, sizeof *chips);
    int *chosen = pdurep_ts_calloc(fw->n_standards, sizeof *chosen);
    int *breaks = pdurep_ts_calloc(fw->n_standards, sizeof *breaks);
    if (rows && chips && chosen && breaks) {
        const char *cols[PDUREP_RATING_COUNT];
        pdurep_rgb fill[PDUREP_RATING_COUNT], ink[PDUREP_RATING_COUNT];
        for (int k = 0; k < PDUREP_RATING_COUNT; k++) {
            cols[k] = pdurep_strings_rating(rp->str, (pdurep_rating)k);
            fill[k] = rp->lay->rating_fill[k];
            ink[k] = rp->lay->rating_ink[k];
        }
        char (*pts)[16] = pdurep_ts_calloc(fw->n_standards, sizeof *pts);
        char **spoken = pdurep_ts_calloc(fw->n_standards, sizeof *spoken);
        for (size_t i = 0; pts && spoken && i < fw->n_standards; i++) {
            rows[i] = pdurep_report_template(rp, "standard.heading", "code", fw->standards[i].code,
                                             "name", fw->standards[i].name, NULL);
            chosen[i] = r->standards[i].rating;
            snprintf(pts[i], sizeof pts[i], "%d", r->standards[i].points);
            chips[i] = pts[i];
            breaks[i] = i && fw->standards[i].domain != fw->standards[i - 1].domain;
            const char *key = r->standards[i].points == 1 ? "ratings.overview-spoken-one"
                                                           : "ratings.overview-spoken";
            char *sp = pdurep_report_template(rp, key, "rating",
                                              pdurep_strings_rating(rp->str, r->standards[i].rating),
                                              "points", pts[i], NULL);
            spoken[i] = sp ? pdurep_report_plain(sp) : NULL;
            free(sp);
        }
        if (pts && spoken) {
            pdurep_chart_grid g = {rows, fw->n_standards, cols, PDUREP_RATING_COUNT, chosen, chips,
                                   fill, ink, breaks, (const char *const *)spoken};
            pdurep_chart_draw_grid(rp->doc, &rp->cs, &g);
            for (size_t i = 0; i < fw->n_standards; i++) {
                free((char *)rows[i]);
                free(spoken[i]);
            }
            PARA_T(rp, PDUREP_STYLE_CAPTION, "ratings.overview-caption");
        }
        free(pts);
        free(spoken);
    }
    free(rows);
    free(chips);
    free(chosen);
    free(breaks);
}

/* Whether the narrative leads into its list itself: the intro, or the text before
 * the first numbered or bulleted line of the list, ends with a colon. */
static int own_lead_in(report *rp)
{
    const char *keys[2] = {"recommendations-intro", "recommendations"};
    for (int k = 0; k < 2; k++) {
        const pdurep_narrative_section *s = pdurep_narrative_get(rp->n, keys[k]);
        if (!s || !s->body)
            continue;
        const char *end = s->body + strlen(s->body);
        if (k == 1)
            for (const char *line = s->body; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : end) {
                const char *c = line;
                while (*c == ' ' || *c == '\t')
                    c++;
                int numbered = *c >= '0' && *c <= '9';
                while (*c >= '0' && *c <= '9')
                    c++;
                if ((numbered && (*c == '.' || *c == ')')) || ((*c == '-' || *c == '*') && c[1] == ' ') ||
                    !strncmp(c, "\xe2\x80\xa2", 3)) {
                    end = line;
                    break;
                }
            }
        while (end > s->body && (end[-1] == ' ' || end[-1] == '\n' || end[-1] == '\t' || end[-1] == '\r'))
            end--;
        if (end > s->body && end[-1] == ':')
            return 1;
    }
    return 0;
}

static void do_recommendations(report *rp, const pdurep_layout_section *sec)
{
    if (!pdurep_narrative_get(rp->n, "recommendations"))
        return;
    section_titled(rp, sec, "recommendations.title");
    pdurep_report_narrative(rp, "recommendations-intro", 0);
    if (!own_lead_in(rp))
        PARA_T(rp, PDUREP_STYLE_BODY, "recommendations.lead");
    pdurep_report_narrative(rp, "recommendations", 0);
}

static long attribute_of(report *rp, const pdurep_layout_section *sec)
{
    /* The layout names the attribute (its own default or the section's): none in C. */
    return sec->attribute ? pdurep_framework_attribute_index(rp->r->framework, sec->attribute)
                          : -1;
}

static void do_background(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_ratings *r = rp->r;
    section_titled(rp, sec, "background.title");
    pdurep_report_narrative(rp, "background", 0);

    /* The sample in figures. */
    pdurep_report_heading(rp, PDUREP_STYLE_H3, pdurep_report_string(rp, "background.sample"), -1);
    double widths[2] = {4, 1};
    pdurep_align align[2] = {PDUREP_ALIGN_LEFT, PDUREP_ALIGN_RIGHT};
    pdurep_table *t = pdurep_table_new(rp->doc, &rp->ts, 2, widths, align, pdurep_report_note, rp);
    char *h0 = pdurep_report_template(rp, "background.column.what", NULL),
         *h1 = pdurep_report_template(rp, "background.column.number", NULL);
    pdurep_table_cell head[2] = {cell(h0), cell(h1)};
    pdurep_table_row(t, head, 1);
    free(h0);
    free(h1);
    char num[32];
    char *label = pdurep_report_template(rp, "background.cases", NULL);
    snprintf(num, sizeof num, "%lu", r->n_cases);
    pdurep_table_row(t, (pdurep_table_cell[2]){cell(label), cell(num)}, 0);
    free(label);
    long a = attribute_of(rp, sec);
    for (size_t v = 0; a >= 0 && v < r->framework->attributes[a].n_values; v++) {
        char *lab = pdurep_report_escaped(rp, r->framework->attributes[a].labels[v]);
        snprintf(num, sizeof num, "%lu", r->breakdowns[a].cases[v]);
        pdurep_table_row(t, (pdurep_table_cell[2]){cell(lab), cell(num)}, 0);
        free(lab);
    }
    if (r->inspection->caseload >= 0) {
        label = pdurep_report_template(rp, "background.caseload", NULL);
        char *c = NULL;
        pdurep_error ferr = pdurep_narrative_fill("{caseload}", r, &rp->words, &c, NULL);
        if (ferr)
            pdurep_doc_fail(rp->doc, ferr, NULL);
        pdurep_table_row(t, (pdurep_table_cell[2]){cell(label), cell(c ? c : "")}, 0);
        free(c);
        free(label);
    }
    pdurep_table_end(t);
}

/* One judged standard: statement and rating chip, strengths, areas for improvement. */
static void standard_panel(report *rp, size_t i)
{
    const pdurep_standard *s = &rp->r->framework->standards[i];
    const pdurep_standard_result *sr = &rp->r->standards[i];
    char *title =
        pdurep_report_template(rp, "standard.heading", "code", s->code, "name", s->name, NULL);
    if (!title)
        return;
    char *p = pdurep_report_plain(title);
    pdurep_doc_heading(rp->doc, pdurep_report_style(rp, PDUREP_STYLE_H2), title, 1, p);
    free(p);
    free(title);

    /* Statement beside a rating chip, in one row so they stay together. */
    pdurep_table_style ts = rp->ts;
    ts.body = *pdurep_report_style(rp, PDUREP_STYLE_STATEMENT);
    ts.striped = 0;
    ts.rule = rp->lay->colours[PDUREP_COLOUR_PANEL];
    ts.pad_y = 7;
    double widths[2] = {3, 1.2};
    pdurep_align align[2] = {PDUREP_ALIGN_LEFT, PDUREP_ALIGN_CENTRE};
    pdurep_table *t = pdurep_table_new(rp->doc, &ts, 2, widths, align, pdurep_report_note, rp);
    char *stmt = pdurep_report_escaped(rp, s->statement);
    char *label = pdurep_report_template(rp, "standard.rating-label", NULL);
    const char *rw = pdurep_strings_rating(rp->str, sr->rating);
    size_t n = (label ? strlen(label) : 0) + strlen(rw) * 2 + 16;
    char *chip = pdurep_ts_malloc(n);
    if (chip && label) {
        char *rwe = pdurep_report_escaped(rp, rw);
        snprintf(chip, n, "%s\n**%s**", label, rwe ? rwe : "");
        free(rwe);
    }
    pdurep_table_cell c0 = cell(stmt);
    c0.has_fill = 1;
    c0.fill = rp->lay->colours[PDUREP_COLOUR_PANEL];
    pdurep_table_row(t, (pdurep_table_cell[2]){c0, rating_cell(rp, sr->rating, chip ? chip : "")}, 0);
    pdurep_table_end(t);
    free(stmt);
    free(label);
    free(chip);

    if (sr->overridden)
        PARA_T(rp, PDUREP_STYLE_CAPTION, "standard.override", "computed",
               pdurep_strings_rating(rp->str, sr->computed_rating), "rating", rw, "rationale",
               sr->rationale);
    else if (s->rated_by == PDUREP_RATED_BY_JUDGEMENT && sr->rationale && *sr->rationale)
        PARA_T(rp, PDUREP_STYLE_CAPTION, "standard.judgement", "rationale", sr->rationale);
}

static void sub_list(report *rp, const char *key, const char *title_key)
{
    const pdurep_narrative_section *s = pdurep_narrative_get(rp->n, key);
    if (!s || !*s->body)
        return;
    pdurep_report_heading(rp, PDUREP_STYLE_H3, pdurep_report_string(rp, title_key), -1);
    pdurep_report_narrative(rp, key, 0);
}

/* A domain-two standard's key questions: table, chart and the note on its driver. */
static void key_questions(report *rp, size_t i)
{
    const pdurep_ratings *r = rp->r;
    const pdurep_framework *fw = r->framework;
    const pdurep_standard *s = &fw->standards[i];
    const pdurep_standard_result *sr = &r->standards[i];
    if (!s->n_key_questions)
        return;

    /* The note explaining the rating names its driver, counts and band. */
    char note_key[64];
    snprintf(note_key, sizeof note_key, "rating-%s", s->code);
    if (sr->driver >= 0 && sr->band) {
        pdurep_tally t = r->questions[sr->driver];
        char yes[24], rel[24], pct[24];
        snprintf(yes, sizeof yes, "%lu", t.yes);
        snprintf(rel, sizeof rel, "%lu", pdurep_tally_relevant(t));
        pdurep_report_percent(rp, t, pct, sizeof pct);
        char *range = band_range(rp, sr->band);
        char *range_plain = range ? pdurep_report_plain(range) : NULL;
        pdurep_report_note_define(
            rp, note_key,
            pdurep_report_template(rp, sr->overridden ? "standard.driver-note-override"
                                                      : "standard.driver-note",
                                   "standard", s->name, "code",
                                   fw->questions[sr->driver].code, "yes", yes, "relevant", rel,
                                   "percent", pct, "band", band_word(rp, sr->band), "range",
                                   range_plain ? range_plain : "", "rating",
                                   pdurep_strings_rating(rp->str, sr->computed_rating), "panel",
                                   pdurep_strings_rating(rp->str, sr->rating), NULL));
        free(range);
        free(range_plain);
    }
    char ref[80];
    snprintf(ref, sizeof ref, "[^%s]", note_key);
    char *lower = pdurep_ts_strdup(s->name);
    if (lower && lower[0] >= 'A' && lower[0] <= 'Z' && !(lower[1] >= 'A' && lower[1] <= 'Z'))
        lower[0] = (char)(lower[0] - 'A' + 'a');
    PARA_T(rp, PDUREP_STYLE_BODY, "standard.kq-intro", "standard", lower ? lower : s->name, "=note",
           sr->driver >= 0 ? ref : "");
    free(lower);

    double widths[3] = {6.2, 1.5, 1.3};
    pdurep_align align[3] = {PDUREP_ALIGN_LEFT, PDUREP_ALIGN_RIGHT, PDUREP_ALIGN_RIGHT};
    pdurep_table *t = pdurep_table_new(rp->doc, &rp->ts, 3, widths, align, pdurep_report_note, rp);
    char *h[3] = {pdurep_report_template(rp, "kq.column.question", NULL),
                  pdurep_report_template(rp, "kq.column.cases", NULL),
                  pdurep_report_template(rp, "kq.column.percent", NULL)};
    pdurep_table_row(t, (pdurep_table_cell[3]){cell(h[0]), cell(h[1]), cell(h[2])}, 1);
    for (int k = 0; k < 3; k++)
        free(h[k]);

    pdurep_chart_group *groups = pdurep_ts_calloc(s->n_key_questions, sizeof *groups);
    pdurep_chart_bar *bars = pdurep_ts_calloc(s->n_key_questions, sizeof *bars);
    char (*labels)[32] = pdurep_ts_calloc(s->n_key_questions, sizeof *labels);
    char **glabels = pdurep_ts_calloc(s->n_key_questions, sizeof *glabels);
    for (size_t k = 0; k < s->n_key_questions && groups && bars && labels && glabels; k++) {
        size_t q = s->key_questions[k];
        pdurep_tally tl = r->questions[q];
        int driver = (long)q == sr->driver;
        char yes[24], rel[24];
        snprintf(yes, sizeof yes, "%lu", tl.yes);
        snprintf(rel, sizeof rel, "%lu", pdurep_tally_relevant(tl));
        char *text = pdurep_report_escaped(rp, fw->questions[q].text);
        char *cases = pdurep_report_template(rp, "kq.cases", "yes", yes, "relevant", rel, NULL);
        pdurep_report_percent(rp, tl, labels[k], sizeof labels[k]);
        char *pct = pdurep_report_escaped(rp, labels[k]);
        /* The driving question stands out by weight and shade, not colour alone. */
        char *bt = driver ? bold(text) : NULL, *bc = driver ? bold(cases) : NULL;
        char *bp = driver ? bold(pct) : NULL;
        pdurep_table_cell row[3] = {cell(bt ? bt : text), cell(bc ? bc : cases), cell(bp ? bp : pct)};
        if (driver)
            for (int c = 0; c < 3; c++) {
                row[c].has_fill = 1;
                row[c].fill = rp->lay->colours[PDUREP_COLOUR_HIGHLIGHT];
            }
        pdurep_table_row(t, row, 0);
        free(bt);
        free(bc);
        free(bp);
        free(text);
        free(cases);
        free(pct);

        double pv = pdurep_tally_percent(tl);
        const pdurep_band *band = r->bands[q];
        bars[k] = (pdurep_chart_bar){pv, band ? rp->lay->rating_fill[band->rating]
                                              : rp->lay->colours[PDUREP_COLOUR_GRID], labels[k]};
        glabels[k] = pdurep_report_template(rp, "comparison.group", "code", fw->questions[q].code,
                                            "standard", s->name, "theme", theme(rp, k), "text",
                                            fw->questions[q].text, NULL);
        groups[k] = (pdurep_chart_group){glabels[k] ? glabels[k] : "", &bars[k]};
    }
    pdurep_table_end(t);
    PARA_T(rp, PDUREP_STYLE_CAPTION, "standard.kq-caption");

    if (groups && bars && labels && glabels && !rp->doc->err) {
        double marks[8];
        size_t n_marks = band_marks(fw, marks, 8);
        const char *legend[PDUREP_RATING_COUNT];
        pdurep_rgb fills[PDUREP_RATING_COUNT];
        for (int k = 0; k < PDUREP_RATING_COUNT; k++) {
            legend[k] = pdurep_strings_rating(rp->str, (pdurep_rating)(PDUREP_RATING_COUNT - 1 - k));
            fills[k] = rp->lay->rating_fill[PDUREP_RATING_COUNT - 1 - k];
        }
        char *axis = pdurep_report_template(rp, "chart.axis", NULL),
             *lt = pdurep_report_template(rp, "chart.legend", NULL);
        char *axis_p = axis ? pdurep_report_plain(axis) : NULL,
             *lt_p = lt ? pdurep_report_plain(lt) : NULL;
        char *alt = pdurep_report_template(rp, "chart.alt-kq", "standard", s->name, NULL);
        char *alt_p = alt ? pdurep_report_plain(alt) : NULL;
        pdurep_chart_bars c = {groups, s->n_key_questions, 1, marks, n_marks, axis_p, legend, fills,
                               PDUREP_RATING_COUNT, lt_p, 0.36, alt_p, pdurep_report_string(rp, "chart.alt-marks")};
        pdurep_doc_skip(rp->doc, 4);
        pdurep_chart_draw_bars(rp->doc, &rp->cs, &c);
        PARA_T(rp, PDUREP_STYLE_CAPTION, "standard.chart-caption", "standard", s->name);
        free(axis);
        free(lt);
        free(axis_p);
        free(lt_p);
        free(alt);
        free(alt_p);
    }
    for (size_t k = 0; glabels && k < s->n_key_questions; k++)
        free(glabels[k]);
    free(glabels);
    free(groups);
    free(bars);
    free(labels);
}

static void do_domain(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_framework *fw = rp->r->framework;
    const char *name = NULL;
    for (size_t i = 0; i < fw->n_standards; i++)
        if (fw->standards[i].domain == sec->domain)
            name = fw->standards[i].domain_name;
    if (!name) {
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_DATA, "%s:%lu:%lu: framework %s has no domain %d",
                        rp->lay->path, sec->line, sec->column, fw->code, sec->domain);
        return;
    }
    char d[16];
    snprintf(d, sizeof d, "%d", sec->domain);
    char *title =
        pdurep_report_template(rp, "domain.title", "domain", d, "domain-name", name, NULL);
    if (!title)
        return;
    pdurep_report_section(rp, sec, title);
    free(title);
    for (size_t i = 0; i < fw->n_standards && !rp->doc->err; i++) {
        const pdurep_standard *s = &fw->standards[i];
        if (s->domain != sec->domain)
            continue;
        /* A standard's opening (heading, rating panel and, for service delivery, the
         * key-question table and chart) reads as one unit: start it on a new page
         * rather than strand its heading and panel at a page foot. */
        double need = (s->rated_by == PDUREP_RATED_BY_CASES ? 0.55 : 0.22) *
                      (rp->doc->body.y1 - rp->doc->body.y0);
        if (!rp->doc->fresh && pdurep_doc_space_left(rp->doc) < need)
            pdurep_doc_new_page(rp->doc);
        standard_panel(rp, i);
        char key[64];
        if (s->rated_by == PDUREP_RATED_BY_CASES)
            key_questions(rp, i);
        snprintf(key, sizeof key, "%s strengths", s->code);
        sub_list(rp, key, "standard.strengths");
        snprintf(key, sizeof key, "%s improvements", s->code);
        sub_list(rp, key, "standard.improvements");
        snprintf(key, sizeof key, "%s findings", s->code);
        sub_list(rp, key, "standard.findings");
    }
}

static void do_diversity(report *rp, const pdurep_layout_section *sec)
{
    if (!pdurep_narrative_get(rp->n, "diversity strengths") &&
        !pdurep_narrative_get(rp->n, "diversity improvements"))
        return;
    section_titled(rp, sec, "diversity.title");
    sub_list(rp, "diversity strengths", "diversity.strengths");
    sub_list(rp, "diversity improvements", "diversity.improvements");
}

/* Every key question, one bar per value of a case attribute (community vs licence). */
static const pdurep_layout_section *first_of(report *rp, pdurep_section_type type)
{
    for (size_t i = 0; i < rp->lay->n_sections; i++)
        if (rp->lay->sections[i].type == type)
            return &rp->lay->sections[i];
    return NULL;
}

static void do_comparison(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_ratings *r = rp->r;
    const pdurep_framework *fw = r->framework;
    long a = attribute_of(rp, sec);
    if (a < 0) {
        pdurep_doc_fail(rp->doc, PDUREP_ERROR_DATA, "%s:%lu:%lu: framework %s has no case "
                        "attribute '%s'", rp->lay->path, sec->line, sec->column, fw->code,
                        sec->attribute ? sec->attribute : "");
        return;
    }
    const pdurep_attribute *attr = &fw->attributes[a];
    size_t nv = attr->n_values, nq = 0;
    for (size_t s = 0; s < fw->n_standards; s++)
        nq += fw->standards[s].n_key_questions;
    if (!nq || !nv)
        return;
    /* Heading and intro may be worded for one attribute (comparison.title-CODE);
     * otherwise the general ones name the attribute. The narrative's comparison
     * section goes with the first comparison of the layout only. */
    char tkey[96], ikey[96];
    snprintf(tkey, sizeof tkey, "comparison.title-%s", attr->code);
    snprintf(ikey, sizeof ikey, "comparison.intro-%s", attr->code);
    /* "Risk of serious harm" reads "risk of serious harm" mid-sentence; a label with
     * another capital ("Probation Reset") is a name and keeps its case. */
    char *lower = pdurep_ts_strdup(attr->label);
    int name = 0;
    for (const char *c = attr->label + 1; *attr->label && *c; c++)
        name |= *c >= 'A' && *c <= 'Z';
    if (lower && !name && lower[0] >= 'A' && lower[0] <= 'Z')
        lower[0] = (char)(lower[0] - 'A' + 'a');
    const char *label = lower ? lower : attr->label;
    char *title = pdurep_report_template(rp, pdurep_strings_get(rp->str, tkey) ? tkey : "comparison.title",
                                         "attribute", label, NULL);
    if (title)
        pdurep_report_section(rp, sec, title);
    free(title);
    PARA_T(rp, PDUREP_STYLE_BODY, pdurep_strings_get(rp->str, ikey) ? ikey : "comparison.intro",
           "attribute", label);
    free(lower);
    if (sec == first_of(rp, PDUREP_SECTION_COMPARISON))
        pdurep_report_narrative(rp, "comparison", 0);

    pdurep_chart_group *groups = pdurep_ts_calloc(nq, sizeof *groups);
    pdurep_chart_bar *bars = pdurep_ts_calloc(nq * nv, sizeof *bars);
    char (*texts)[32] = pdurep_ts_calloc(nq * nv, sizeof *texts);
    char **glabels = pdurep_ts_calloc(nq, sizeof *glabels);
    char **legend = pdurep_ts_calloc(nv, sizeof *legend);
    pdurep_rgb *fills = pdurep_ts_calloc(nv, sizeof *fills);
    if (groups && bars && texts && glabels && legend && fills) {
        size_t g = 0;
        for (size_t s = 0; s < fw->n_standards; s++) {
            const pdurep_standard *st = &fw->standards[s];
            for (size_t k = 0; k < st->n_key_questions; k++, g++) {
                size_t q = st->key_questions[k];
                for (size_t v = 0; v < nv; v++) {
                    pdurep_tally t = pdurep_ratings_breakdown(r, (size_t)a, v, q);
                    pdurep_report_percent(rp, t, texts[g * nv + v], sizeof texts[0]);
                    bars[g * nv + v] = (pdurep_chart_bar){pdurep_tally_percent(t),
                                                          rp->lay->colours[PDUREP_COLOUR_SERIES_1 + v % 4],
                                                          texts[g * nv + v]};
                }
                glabels[g] = pdurep_report_template(rp, "comparison.group", "code",
                                                    fw->questions[q].code, "standard", st->name,
                                                    "theme", theme(rp, k), "text",
                                                    fw->questions[q].text, NULL);
                groups[g] = (pdurep_chart_group){glabels[g] ? glabels[g] : "", &bars[g * nv]};
            }
        }
        for (size_t v = 0; v < nv; v++) {
            char cases[24];
            snprintf(cases, sizeof cases, "%lu", r->breakdowns[a].cases[v]);
            char *l = pdurep_report_template(rp, "comparison.legend", "value", attr->labels[v],
                                             "cases", cases, NULL);
            legend[v] = l ? pdurep_report_plain(l) : NULL;
            free(l);
            fills[v] = rp->lay->colours[PDUREP_COLOUR_SERIES_1 + v % 4];
        }
        char *axis = pdurep_report_template(rp, "chart.axis", NULL);
        char *axis_p = axis ? pdurep_report_plain(axis) : NULL;
        double marks[8];
        size_t n_marks = band_marks(fw, marks, 8);
        char *alt = pdurep_report_template(rp, "chart.alt-comparison", "attribute", attr->label, NULL);
        char *alt_p = alt ? pdurep_report_plain(alt) : NULL;
        pdurep_chart_bars c = {groups, nq, nv, marks, n_marks, axis_p,
                               (const char *const *)legend, fills, nv, NULL, 0.36, alt_p,
                               pdurep_report_string(rp, "chart.alt-marks")};
        pdurep_chart_draw_bars(rp->doc, &rp->cs, &c);
        free(alt);
        free(alt_p);
        PARA_T(rp, PDUREP_STYLE_CAPTION, "comparison.caption", "attribute", attr->label);
        free(axis);
        free(axis_p);
    }
    for (size_t g = 0; glabels && g < nq; g++)
        free(glabels[g]);
    for (size_t v = 0; legend && v < nv; v++)
        free(legend[v]);
    free(groups);
    free(bars);
    free(texts);
    free(glabels);
    free(legend);
    free(fills);
}

static void do_further(report *rp, const pdurep_layout_section *sec)
{
    const pdurep_framework *fw = rp->r->framework;
    section_titled(rp, sec, "further.title");
    pdurep_report_narrative(rp, "further-information", 0);
    pdurep_report_heading(rp, PDUREP_STYLE_H3, pdurep_report_string(rp, "further.method-title"),
                          -1);
    PARA_T(rp, PDUREP_STYLE_BODY, "further.method");
    if (fw->provisional)
        PARA_T(rp, PDUREP_STYLE_BODY, "provisional.note", "framework", fw->code);

    /* The bands and the overall bands, read from the framework. */
    pdurep_report_heading(rp, PDUREP_STYLE_H3, pdurep_report_string(rp, "further.bands"), -1);
    double widths[3] = {2, 2, 2};
    pdurep_table *t = pdurep_table_new(rp->doc, &rp->ts, 3, widths, NULL, pdurep_report_note, rp);
    char *h[3] = {pdurep_report_template(rp, "further.column.band", NULL),
                  pdurep_report_template(rp, "further.column.range", NULL),
                  pdurep_report_template(rp, "further.column.rating", NULL)};
    pdurep_table_row(t, (pdurep_table_cell[3]){cell(h[0]), cell(h[1]), cell(h[2])}, 1);
    for (int k = 0; k < 3; k++)
        free(h[k]);
    for (size_t b = 0; b < fw->n_bands; b++) {
        char *name = pdurep_report_escaped(rp, band_word(rp, &fw->bands[b])),
             *range = band_range(rp, &fw->bands[b]);
        char *rating =
            pdurep_report_escaped(rp, pdurep_strings_rating(rp->str, fw->bands[b].rating));
        pdurep_table_row(t, (pdurep_table_cell[3]){cell(name), cell(range),
                                                   rating_cell(rp, fw->bands[b].rating, rating)}, 0);
        free(name);
        free(range);
        free(rating);
    }
    pdurep_table_end(t);

    pdurep_report_heading(rp, PDUREP_STYLE_H3, pdurep_report_string(rp, "further.overall"), -1);
    double w2[2] = {2, 2};
    t = pdurep_table_new(rp->doc, &rp->ts, 2, w2, NULL, pdurep_report_note, rp);
    char *h2[2] = {pdurep_report_template(rp, "further.column.score", NULL),
                   pdurep_report_template(rp, "further.column.rating", NULL)};
    pdurep_table_row(t, (pdurep_table_cell[2]){cell(h2[0]), cell(h2[1])}, 1);
    free(h2[0]);
    free(h2[1]);
    for (size_t b = 0; b < fw->n_overall; b++) {
        char from[16], to[16];
        snprintf(from, sizeof from, "%d", fw->overall[b].min_score);
        snprintf(to, sizeof to, "%d", fw->overall[b].max_score);
        char *range = pdurep_report_template(rp, "score.range", "from", from, "to", to, NULL);
        char *rating =
            pdurep_report_escaped(rp, pdurep_strings_rating(rp->str, fw->overall[b].rating));
        pdurep_table_row(t, (pdurep_table_cell[2]){cell(range),
                                                   rating_cell(rp, fw->overall[b].rating, rating)}, 0);
        free(range);
        free(rating);
    }
    pdurep_table_end(t);
}

static void do_footnotes(report *rp, const pdurep_layout_section *sec)
{
    if (!rp->next_note)
        return;
    section_titled(rp, sec, "footnotes.title");
    const pdurep_style *st = pdurep_report_style(rp, PDUREP_STYLE_FOOTNOTE);
    for (int k = 1; k <= rp->next_note && !rp->doc->err; k++) {
        for (size_t i = 0; i < rp->n_notes; i++) {
            if (rp->notes[i].number != k)
                continue;
            char num[24];
            snprintf(num, sizeof num, "%d", k);
            char *m = pdurep_report_template(rp, "list.number", "n", num, NULL);
            pdurep_rich text, mark;
            pdurep_rich_init(&text);
            pdurep_rich_init(&mark);
            if (m && !pdurep_rich_markup(&text, st->face, rp->notes[i].markup ? rp->notes[i].markup : "",
                                         NULL, NULL) &&
                !pdurep_rich_markup(&mark, st->face, m, NULL, NULL)) {
                pdurep_doc_role(rp->doc, PDUREP_TAG_NOTE);
                pdurep_doc_flow(rp->doc, st, &text, st->size * 2.2, &mark, 0);
            }
            pdurep_rich_free(&text);
            pdurep_rich_free(&mark);
            free(m);
        }
    }
}

/* Running header and "Page N of M" footer on every page after the cover. */
static void decorate(report *rp, size_t first)
{
    pdurep_doc *doc = rp->doc;
    const pdurep_style *st = pdurep_report_style(rp, PDUREP_STYLE_RUNNING);
    pdurep_rgb rule = rp->lay->colours[PDUREP_COLOUR_RULE];
    char *running = pdurep_report_template(rp, "report.running", NULL);
    char *run_p = running ? pdurep_report_plain(running) : NULL;
    char total[24];
    snprintf(total, sizeof total, "%zu", doc->n_pages);
    pdurep_fonts_get(&doc->fonts, st->face);
    double asc = doc->fonts.ascent[st->face] * st->size, desc = doc->fonts.descent[st->face] * st->size;
    pdurep_doc_artifact_begin(doc);
    for (size_t p = first; p < doc->n_pages && !doc->err; p++) {
        pdurep_doc_use_page(doc, p);
        double top = doc->frame.y1 - asc, hr = doc->frame.y1 - rp->lay->header_h + 4;
        pdurep_doc_draw_text(doc, st->face, st->size, st->colour, doc->frame.x0, top,
                             PDUREP_ALIGN_LEFT, run_p ? run_p : "");
        const char *sec = pdurep_doc_running(doc, p);
        if (sec)
            pdurep_doc_draw_text(doc, st->face, st->size, st->colour, doc->frame.x1, top,
                                 PDUREP_ALIGN_RIGHT, sec);
        pdurep_doc_line(doc, doc->frame.x0, hr, doc->frame.x1, hr, 0.5, rule, 0);
        double bottom = doc->frame.y0 + desc, fr = doc->frame.y0 + rp->lay->footer_h - 4;
        pdurep_doc_line(doc, doc->frame.x0, fr, doc->frame.x1, fr, 0.5, rule, 0);
        pdurep_doc_draw_text(doc, st->face, st->size, st->colour, doc->frame.x0, bottom,
                             PDUREP_ALIGN_LEFT, rp->r->inspection->inspectorate);
        char num[24];
        snprintf(num, sizeof num, "%zu", p + 1);
        char *f = pdurep_report_template(rp, "page.footer", "page", num, "pages", total, NULL);
        char *fp = f ? pdurep_report_plain(f) : NULL;
        if (fp)
            pdurep_doc_draw_text(doc, st->face, st->size, st->colour, doc->frame.x1, bottom,
                                 PDUREP_ALIGN_RIGHT, fp);
        free(f);
        free(fp);
    }
    pdurep_doc_artifact_end(doc);
    free(running);
    free(run_p);
}

/* ---- entry points ---------------------------------------------------------- */

static pdurep_error creation_time(const pdurep_report_options *opt, time_t *out, pdurep_diag *diag)
{
    if (opt && opt->created > 0) {
        *out = (time_t)opt->created;
        return PDUREP_OK;
    }
    long long t;
    pdurep_error err = pdurep_document_time(NULL, &t, diag);
    *out = (time_t)t;
    return err;
}

static void styles_from_layout(report *rp)
{
    const pdurep_layout *l = rp->lay;
    rp->st = l->styles;
    rp->ts = (pdurep_table_style){
        l->styles[PDUREP_STYLE_TABLE_HEAD], l->styles[PDUREP_STYLE_TABLE_BODY],
        l->colours[PDUREP_COLOUR_TABLE_HEAD], l->colours[PDUREP_COLOUR_RULE],
        l->colours[PDUREP_COLOUR_STRIPE], 0, 5, 4, l->styles[PDUREP_STYLE_BODY].space_after + 2, 0};
    rp->cs = (pdurep_chart_style){
        l->styles[PDUREP_STYLE_CHART_LABEL], l->styles[PDUREP_STYLE_SMALL],
        l->colours[PDUREP_COLOUR_TEXT], l->colours[PDUREP_COLOUR_GRID],
        l->colours[PDUREP_COLOUR_MARK], l->colours[PDUREP_COLOUR_MUTED],
        12, 8, l->styles[PDUREP_STYLE_BODY].space_after};
}

pdurep_error pdurep_report_render(const pdurep_ratings *r, const pdurep_narrative *n, const char *path,
                                  const pdurep_report_options *opt, pdurep_report_stats *stats,
                                  pdurep_diag *diag)
{
    return pdurep_report_render_region(r, NULL, n, path, opt, stats, diag);
}

/* Renders with @p lay when given (taking it over), else with the layout @p opt names. */
static pdurep_error render(const pdurep_ratings *r, const pdurep_region_pdus *pdus,
                           const pdurep_narrative *n, const char *path,
                           const pdurep_report_options *opt, pdurep_layout *lay,
                           pdurep_report_stats *stats, pdurep_diag *diag)
{
    report rp = {0};
    rp.r = r;
    rp.pdus = pdus;
    rp.region = r->inspection && !strcmp(r->inspection->kind, "region");
    rp.n = n;
    rp.diag = diag;
    time_t created;
    size_t diag_before = pdurep_diag_total(diag);
    pdurep_error err = creation_time(opt, &created, diag);
    rp.created = created;
    if (err) {
        pdurep_layout_free(lay);
        return err;
    }
    /* The layout the caller peeked at is the PDU default; a region has its own. */
    if (lay && !(opt && opt->layout) && rp.region) {
        pdurep_layout_free(lay);
        lay = NULL;
    }
    if (lay)
        rp.lay = lay;
    else
        err = pdurep_layout_load(opt && opt->layout ? opt->layout
                                 : rp.region ? PDUREP_REPORT_REGION_LAYOUT
                                             : PDUREP_REPORT_DEFAULT_LAYOUT,
                                 &rp.lay, diag);
    /* The language: --lang, else the one the layout names. Either way strings/LANG.yaml
     * beside the layout, falling back to strings/en.yaml per key. A layout that names
     * a strings file by path gets that file alone. */
    const char *lang = opt && opt->lang && *opt->lang ? opt->lang : NULL;
    if (!err && !lang)
        lang = rp.lay->strings_lang;
    if (!err && lang) {
        const char *slash = strrchr(rp.lay->path, '/');
        char *dir = slash ? pdurep_ts_strndup(rp.lay->path, (size_t)(slash - rp.lay->path))
                          : pdurep_ts_strdup(".");
        err = dir ? pdurep_strings_load_lang(dir, "", lang, &rp.str, diag) : PDUREP_ERROR_NO_MEMORY;
        free(dir);
        char *sp = err ? NULL : pdurep_ts_strdup(pdurep_strings_file(rp.str));
        if (sp) {
            free(rp.lay->strings_path);
            rp.lay->strings_path = sp;
        } else if (!err) {
            err = PDUREP_ERROR_NO_MEMORY;
        }
    } else if (!err) {
        err = pdurep_strings_load(rp.lay->strings_path, &rp.str, diag);
    }
    for (const char *const *k = required_strings; !err && *k; k++)
        if (!pdurep_strings_get(rp.str, *k))
            pdurep_diag_add(diag, rp.lay->strings_path, 0, 0, "missing string '%s'", *k);
    if (!err && pdurep_diag_total(diag) > diag_before)
        err = PDUREP_ERROR_DATA;
    if (err)
        goto out;
    for (int k = 0; k < PDUREP_RATING_COUNT; k++)
        rp.words.rating[k] = pdurep_strings_rating(rp.str, (pdurep_rating)k);
    for (int m = 0; m < 12; m++) {
        char key[16];
        snprintf(key, sizeof key, "month.%d", m + 1);
        rp.words.month[m] = pdurep_report_string(&rp, key);
    }
    rp.words.none = pdurep_report_string(&rp, "percent-none");
    rp.words.date = pdurep_strings_get(rp.str, "date");
    rp.words.strings = rp.str;

    pdurep_doc_config cfg = {rp.lay->page_w, rp.lay->page_h,
                             {rp.lay->margin[0], rp.lay->margin[1], rp.lay->margin[2], rp.lay->margin[3]},
                             rp.lay->header_h, rp.lay->footer_h,
                             {rp.lay->fonts[0], rp.lay->fonts[1], rp.lay->fonts[2]},
                             rp.lay->orphans, rp.lay->widows, NULL};
    /* Messages name the file the user asked for, not the hidden one being written. */
    char *shown = pdurep_atomic_shown_path(path);
    cfg.output_name = shown;
    if ((err = pdurep_doc_new(&cfg, diag, &rp.doc))) {
        free(shown);
        goto out;
    }
    styles_from_layout(&rp);

    size_t first_decorated = 0;
    for (size_t i = 0; i < rp.lay->n_sections && !rp.doc->err; i++) {
        const pdurep_layout_section *sec = &rp.lay->sections[i];
        switch (sec->type) {
        case PDUREP_SECTION_COVER:
            do_cover(&rp);
            first_decorated = rp.doc->n_pages;
            break;
        case PDUREP_SECTION_CONTENTS: do_contents(&rp, sec); break;
        case PDUREP_SECTION_FOREWORD: do_foreword(&rp, sec); break;
        case PDUREP_SECTION_RATINGS: do_ratings(&rp, sec); break;
        case PDUREP_SECTION_RECOMMENDATIONS: do_recommendations(&rp, sec); break;
        case PDUREP_SECTION_BACKGROUND: do_background(&rp, sec); break;
        case PDUREP_SECTION_DOMAIN: do_domain(&rp, sec); break;
        case PDUREP_SECTION_DIVERSITY: do_diversity(&rp, sec); break;
        case PDUREP_SECTION_COMPARISON: do_comparison(&rp, sec); break;
        case PDUREP_SECTION_FURTHER: do_further(&rp, sec); break;
        case PDUREP_SECTION_FOOTNOTES: do_footnotes(&rp, sec); break;
        case PDUREP_SECTION_PDUS: pdurep_region_section_pdus(&rp, sec); break;
        case PDUREP_SECTION_BREAKDOWN: pdurep_region_section_breakdown(&rp, sec); break;
        case PDUREP_SECTION_COLOPHON: pdurep_report_section_colophon(&rp, sec); break;
        case PDUREP_SECTION_TYPE_COUNT: break;
        }
    }
    pdurep_doc_reserve(rp.doc, 0);
    if (rp.contents_pages)
        draw_contents(&rp);
    decorate(&rp, first_decorated);

    char *title = pdurep_report_template(&rp, "report.title", NULL),
         *subject = pdurep_report_template(&rp, "report.subject", NULL);
    char *creator =
        pdurep_report_template(&rp, "report.creator", "version", PDUREP_VERSION_STRING, NULL);
    char *tp = title ? pdurep_report_plain(title) : NULL,
         *sp = subject ? pdurep_report_plain(subject) : NULL;
    char *cp = creator ? pdurep_report_plain(creator) : NULL;
    pdurep_doc_set_info(rp.doc, tp, sp, r->inspection->inspectorate, cp, created);
    /* The data the figures came from, in Info as well as XMP, for tools that read only Info. */
    pdurep_doc_set_info_extra(rp.doc, "PdurepBundleSHA256", r->inspection->bundle_sha256);
    pdurep_doc_set_info_extra(rp.doc, "PdurepFramework", r->framework->code);
    /* The catalog's /Lang lets screen readers and hyphenators pick the language. */
    pdurep_doc_set_lang(rp.doc, pdurep_report_string(&rp, "report.language"));
    /* The import accepts only YYYY-MM-DD or nothing, so a refusal here is a bug. */
    char *rights = pdurep_report_copyright(&rp);
    if (pdurep_pdfa_set_published(rp.doc->pdfa, r->inspection->published) ||
        pdurep_pdfa_add_property(rp.doc->pdfa, "inspection", r->inspection->id,
                                 "Identifier of the inspection the report was made from") ||
        pdurep_pdfa_add_property(rp.doc->pdfa, "bundle-sha256", r->inspection->bundle_sha256,
                                 "SHA-256 of the inspection bundle the figures were computed "
                                 "from, as pdurep show gives it") ||
        pdurep_pdfa_add_property(rp.doc->pdfa, "framework", r->framework->code,
                                 "Code of the rating framework the figures follow") ||
        pdurep_pdfa_set_rights(rp.doc->pdfa, rights))
        pdurep_doc_fail(rp.doc, PDUREP_ERROR_INTERNAL, "cannot record the report's metadata");
    free(rights);
    free(title);
    free(subject);
    free(creator);
    free(tp);
    free(sp);
    free(cp);

    err = pdurep_doc_save(rp.doc, path);
    free(shown);
    if (stats) {
        stats->pages = rp.doc->n_pages;
        pdurep_doc_stats(rp.doc, &stats->text_drawn, &stats->text_outside);
    }
out:
    pdurep_report_notes_free(&rp);
    pdurep_doc_free(rp.doc);
    pdurep_strings_free(rp.str);
    pdurep_layout_free(rp.lay);
    return err;
}

pdurep_error pdurep_report_render_region(const pdurep_ratings *r, const pdurep_region_pdus *pdus,
                                         const pdurep_narrative *n, const char *path,
                                         const pdurep_report_options *opt,
                                         pdurep_report_stats *stats, pdurep_diag *diag)
{
    return render(r, pdus, n, path, opt, NULL, stats, diag);
}

/*
 * The report's language: --lang, else the layout's. Its strings file is looked
 * for now, so that a language with no strings is reported as such rather than
 * as a narrative it lacks. The layout loaded to learn it is kept in @p layout
 * for the rendering.
 */
static char *report_lang(const pdurep_report_options *opt, pdurep_layout **layout, pdurep_diag *diag,
                         pdurep_error *err)
{
    pdurep_layout *lay = NULL;
    *layout = NULL;
    *err = pdurep_layout_load(opt && opt->layout ? opt->layout : PDUREP_REPORT_DEFAULT_LAYOUT,
                              &lay, diag);
    if (*err)
        return NULL;
    const char *lang = opt && opt->lang && *opt->lang ? opt->lang : lay->strings_lang;
    char *out = pdurep_ts_strdup(lang ? lang : PDUREP_NARRATIVE_BASE_LANG);
    if (out && lang && !pdurep_strings_valid_lang(lang)) {
        pdurep_diag_add(diag, NULL, 0, 0, "'%s' is not a language code", lang);
        *err = PDUREP_ERROR_USAGE;
    } else if (out && lang) {
        const char *slash = strrchr(lay->path, '/');
        char *dir = slash ? pdurep_ts_strndup(lay->path, (size_t)(slash - lay->path))
                          : pdurep_ts_strdup(".");
        char *path = dir ? pdurep_strings_path(dir, "", lang) : NULL;
        FILE *f = path ? fopen(path, "r") : NULL;
        if (f) {
            fclose(f);
        } else if (path) {
            int oom = errno == ENOMEM; /* fopen's own allocation, not a missing language */
            pdurep_diag_add(diag, path, 0, 0, "no strings for language '%s': %s", lang,
                            strerror(errno));
            *err = oom ? PDUREP_ERROR_NO_MEMORY : PDUREP_ERROR_NO_INPUT;
        }
        free(path);
        free(dir);
    }
    if (*err || !out) {
        pdurep_layout_free(lay);
        free(out);
        return NULL;
    }
    *layout = lay;
    return out;
}

pdurep_error pdurep_report_write(pdurep_db *db, const char *id, const char *path,
                                 const pdurep_report_options *opt, pdurep_report_stats *stats,
                                 pdurep_diag *diag)
{
    pdurep_document *d = NULL;
    pdurep_layout *lay = NULL;
    char *lang = NULL;
    pdurep_error err = PDUREP_OK;
    if (!(lang = report_lang(opt, &lay, diag, &err)) && !err)
        err = PDUREP_ERROR_NO_MEMORY;
    int flags = PDUREP_DOCUMENT_REGION_PDUS | PDUREP_DOCUMENT_COMPLETE_NARRATIVE |
                (opt && opt->allow_fallback ? PDUREP_DOCUMENT_ALLOW_FALLBACK : 0);
    if (!err)
        err = pdurep_document_prepare(db, id, lang, flags, &d, diag);
    pdurep_atomic a = {0};
    if (!err)
        err = pdurep_atomic_begin(path, &a, diag);
    if (!err) {
        err = render(d->ratings, d->pdus, d->narrative, a.tmp_path, opt, lay, stats, diag);
        lay = NULL; /* render took it */
        if (!err)
            err = pdurep_atomic_commit(&a, diag);
        pdurep_atomic_abort(&a); /* after a commit this only releases */
    }
    pdurep_layout_free(lay);
    pdurep_document_free(d);
    free(lang);
    return err;
}

pdurep_error pdurep_report_batch_write(pdurep_db *db, const char *id, const char *path,
                                       const char *lang, int *units, pdurep_diag *diag)
{
    pdurep_report_options opt = {NULL, 0, lang, 0};
    /* A batch is a publication set: date it by the inspection, not the clock. */
    pdurep_inspection *in = NULL;
    pdurep_error err = pdurep_inspection_get(db, id, &in);
    if (!err)
        err = pdurep_document_time(in, &opt.created, diag);
    pdurep_inspection_free(in);
    if (err)
        return err;
    pdurep_report_stats stats = {0, 0, 0};
    err = pdurep_report_write(db, id, path, &opt, &stats, diag);
    if (!err && units)
        *units = (int)stats.pages;
    return err;
}
