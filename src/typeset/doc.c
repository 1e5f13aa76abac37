/*
 * The typesetting layer: pages, the flow of blocks down the body frame, and
 * the drawing primitives every other part of the PDF writer goes through.
 *
 * libharu's errors are sticky (after one, every call fails), so its error
 * handler only records the first one; each entry point here returns at once
 * when an error is recorded, and pdurep_doc_save() reports it.
 */
#include "typeset/doc.h"
#include "typeset/alloc.h"
#include "typeset/hpdf_alloc.h"
#include "lib/reserve.h"
#include "typeset/hpdf_error.h"
#include "typeset/pdfa.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Slack for comparisons of positions that are equal up to rounding. */
#define EPS 1e-6
#define NO_RUNNING ((size_t)-1)

struct pdurep_pending {
    pdurep_style st;
    pdurep_rich rich;
    pdurep_lines lines;
    int level;
    char *title;
};

/*
 * libharu's allocations go through hpdf_alloc, and the writer's own through
 * typeset/alloc.h, so every failed one is counted for the thread. Some callers
 * drop a failure: libharu in places, and report code that draws "" for a text
 * it could not make (the fault run found reports saved without a cover line,
 * exit 0). A document on whose thread one failed since it began is not saved.
 */
static void *hpdf_alloc(HPDF_UINT size)
{
    void *p = malloc(size);
    if (!p) {
        pdurep_ts_note_no_memory();
        /* Not NULL: libharu frees an object whose cross-reference entry it could not
         * allocate, and the caller goes on using it (a crash in pdurep_flate_font). The
         * document is refused all the same (lib/reserve.h). */
        p = pdurep_reserve_alloc(size);
    }
    return p;
}

static int ran_out(const pdurep_doc *doc)
{
    return pdurep_ts_alloc_failures() != doc->alloc_failures;
}

static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    int saved_errno = errno;
    pdurep_doc *doc = user;
    if (ran_out(doc))
        error = HPDF_FAILD_TO_ALLOC_MEM; /* whatever libharu made of it afterwards */
    if (!doc->err) {
        char msg[256];
        doc->err = pdurep_hpdf_describe(error, detail, saved_errno, msg, sizeof msg);
        pdurep_diag_add(doc->diag, pdurep_hpdf_file, 0, 0, "%s", msg);
    }
}

pdurep_error pdurep_doc_fail(pdurep_doc *doc, pdurep_error err, const char *fmt, ...)
{
    /* What fails after an allocation failed fails for that reason, whatever the caller made of
     * it (a line breaker given half a text finds it "invalid"). */
    if (!doc->err && err && ran_out(doc)) {
        doc->err = PDUREP_ERROR_NO_MEMORY;
        pdurep_diag_add(doc->diag, NULL, 0, 0, "out of memory while making the PDF");
    }
    if (!doc->err) {
        doc->err = err;
        if (fmt) {
            char msg[512];
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(msg, sizeof msg, fmt, ap);
            va_end(ap);
            pdurep_diag_add(doc->diag, NULL, 0, 0, "%s", msg);
        }
    }
    return doc->err;
}

pdurep_error pdurep_doc_new(const pdurep_doc_config *cfg, pdurep_diag *diag, pdurep_doc **out)
{
    *out = NULL;
    pdurep_doc *doc = pdurep_ts_calloc(1, sizeof *doc);
    if (!doc)
        return PDUREP_ERROR_NO_MEMORY;
    doc->cfg = *cfg;
    if (doc->cfg.orphans < 1)
        doc->cfg.orphans = 1;
    if (doc->cfg.widows < 1)
        doc->cfg.widows = 1;
    doc->diag = diag;
    doc->cur_running = NO_RUNNING;
    doc->list_elem = doc->sect_elem = PDUREP_TAG_NONE;
    doc->role = PDUREP_TAG_COUNT;
    doc->last_outline = -1;
    if (!(doc->pdfa = pdurep_pdfa_new())) {
        free(doc);
        return PDUREP_ERROR_NO_MEMORY;
    }
    doc->frame = (pdurep_box){cfg->margin[3], cfg->margin[2], cfg->page_w - cfg->margin[1],
                              cfg->page_h - cfg->margin[0]};
    doc->body = doc->frame;
    doc->body.y1 -= cfg->header_h;
    doc->body.y0 += cfg->footer_h;
    if (doc->body.x1 - doc->body.x0 < 72 || doc->body.y1 - doc->body.y0 < 72) {
        pdurep_diag_add(diag, NULL, 0, 0, "the page margins leave less than an inch for the text");
        pdurep_pdfa_free(doc->pdfa);
        free(doc);
        return PDUREP_ERROR_USAGE;
    }
    doc->tags = pdurep_tags_new();
    doc->alloc_failures = pdurep_ts_alloc_failures();
    pdurep_hpdf_alloc_watch();
    pdurep_reserve_begin();
    doc->pdf = doc->tags ? HPDF_NewEx(on_hpdf_error, hpdf_alloc, pdurep_reserve_free, 0, doc) : NULL;
    if (!doc->pdf) {
        pdurep_reserve_end();
        pdurep_tags_free(doc->tags);
        pdurep_pdfa_free(doc->pdfa);
        free(doc);
        return PDUREP_ERROR_NO_MEMORY;
    }
    HPDF_SetCompressionMode(doc->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc->pdf);
    HPDF_SetCurrentEncoder(doc->pdf, "UTF-8");
    doc->utf8 = HPDF_GetEncoder(doc->pdf, "UTF-8");
    HPDF_SetPageMode(doc->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    pdurep_error err = pdurep_fonts_init(&doc->fonts, doc->pdf, cfg->fonts, diag);
    if (!err && doc->err)
        err = doc->err;
    if (err) {
        pdurep_doc_free(doc);
        return err;
    }
    *out = doc;
    return PDUREP_OK;
}

static void pending_clear(pdurep_doc *doc)
{
    for (size_t i = 0; i < doc->n_pending; i++) {
        pdurep_rich_free(&doc->pending[i].rich);
        pdurep_lines_free(&doc->pending[i].lines);
        free(doc->pending[i].title);
    }
    doc->n_pending = 0;
}

void pdurep_doc_free(pdurep_doc *doc)
{
    if (!doc)
        return;
    pending_clear(doc);
    free(doc->pending);
    for (size_t i = 0; i < doc->n_anchors; i++)
        free(doc->anchors[i].title);
    free(doc->anchors);
    for (size_t i = 0; i < doc->n_running; i++)
        free(doc->running_texts[i]);
    free(doc->running_texts);
    free(doc->pages);
    free(doc->running);
    free(doc->tmp);
    pdurep_lines_free(&doc->lines);
    pdurep_rich_free(&doc->rich);
    pdurep_fonts_free(&doc->fonts);
    pdurep_tags_free(doc->tags);
    pdurep_pdfa_free(doc->pdfa);
    if (doc->pdf) {
        HPDF_Free(doc->pdf);
        pdurep_reserve_end();
    }
    free(doc);
}

void pdurep_doc_new_page(pdurep_doc *doc)
{
    if (doc->err)
        return;
    if (!pdurep_grow((void **)&doc->pages, &doc->cap_pages, doc->n_pages + 1, sizeof *doc->pages) ||
        !(doc->running = pdurep_ts_realloc(doc->running, doc->cap_pages * sizeof *doc->running))) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    HPDF_Page p = HPDF_AddPage(doc->pdf);
    if (!p)
        return; /* the error handler has recorded why */
    HPDF_Page_SetWidth(p, (HPDF_REAL)doc->cfg.page_w);
    HPDF_Page_SetHeight(p, (HPDF_REAL)doc->cfg.page_h);
    doc->pages[doc->n_pages] = p;
    doc->running[doc->n_pages] = doc->cur_running;
    doc->page = doc->n_pages++;
    doc->cur = p;
    doc->y = doc->body.y1;
    doc->fresh = 1;
}

void pdurep_doc_use_page(pdurep_doc *doc, size_t index)
{
    if (index < doc->n_pages) {
        doc->page = index;
        doc->cur = doc->pages[index];
    }
}

void pdurep_doc_set_running(pdurep_doc *doc, const char *text)
{
    if (doc->err)
        return;
    char *copy = pdurep_ts_strdup(text);
    char **texts = copy ? pdurep_ts_realloc(doc->running_texts,
                                            (doc->n_running + 1) * sizeof *texts)
                        : NULL;
    if (!texts) {
        free(copy);
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    doc->running_texts = texts;
    texts[doc->n_running] = copy;
    doc->cur_running = doc->n_running++;
    if (doc->n_pages && (doc->fresh || doc->running[doc->page] == NO_RUNNING))
        doc->running[doc->page] = doc->cur_running;
}

const char *pdurep_doc_running(const pdurep_doc *doc, size_t page)
{
    if (page >= doc->n_pages || doc->running[page] == NO_RUNNING)
        return NULL;
    return doc->running_texts[doc->running[page]];
}

double pdurep_doc_space_left(const pdurep_doc *doc) { return doc->y - doc->body.y0; }

void pdurep_doc_skip(pdurep_doc *doc, double h)
{
    if (!doc->fresh)
        doc->y -= h;
}

/* ---- marked content ---------------------------------------------------- */

/* One marked-content sequence is open at a time, on the page drawn last: what
 * is drawn next joins it when it belongs to the same element (or is furniture
 * like it), so a paragraph's lines make one sequence rather than one each.
 * Sequences never start or end inside BT/ET: every primitive marks before it
 * begins a text object. */
static void mark_end(pdurep_doc *doc)
{
    if (doc->mc_open && doc->mc_page < doc->n_pages)
        pdurep_tags_end_marked(doc->pages[doc->mc_page]);
    doc->mc_open = 0;
}

static void mark(pdurep_doc *doc)
{
    if (doc->err)
        return;
    int artifact = doc->artifact > 0;
    size_t e = pdurep_tags_current(doc->tags);
    if (doc->mc_open && doc->mc_page == doc->page && doc->mc_artifact == artifact &&
        (artifact || doc->mc_elem == e))
        return;
    mark_end(doc);
    if (artifact)
        pdurep_tags_begin_artifact(doc->cur);
    else if (pdurep_tags_begin_marked(doc->tags, doc->page, doc->cur, e)) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    doc->mc_open = 1;
    doc->mc_artifact = artifact;
    doc->mc_page = doc->page;
    doc->mc_elem = e;
}

static void list_close(pdurep_doc *doc)
{
    if (doc->list_elem == PDUREP_TAG_NONE)
        return;
    while (pdurep_tags_current(doc->tags) != doc->list_elem &&
           pdurep_tags_current(doc->tags) != 0)
        pdurep_tags_close(doc->tags);
    pdurep_tags_close(doc->tags);
    doc->list_elem = PDUREP_TAG_NONE;
}

size_t pdurep_doc_tag_begin(pdurep_doc *doc, pdurep_tag_type type)
{
    if (doc->err)
        return PDUREP_TAG_NONE;
    if (type != PDUREP_TAG_LI && pdurep_tags_current(doc->tags) == doc->list_elem)
        list_close(doc);
    size_t e = pdurep_tags_open(doc->tags, type);
    if (e == PDUREP_TAG_NONE)
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
    return e;
}

void pdurep_doc_tag_end(pdurep_doc *doc)
{
    if (pdurep_tags_current(doc->tags) == doc->list_elem)
        list_close(doc);
    pdurep_tags_close(doc->tags);
}

void pdurep_doc_tag_enter(pdurep_doc *doc, size_t elem)
{
    list_close(doc);
    pdurep_tags_enter(doc->tags, elem);
}

void pdurep_doc_tag_alt(pdurep_doc *doc, const char *text)
{
    pdurep_tags_set_alt(doc->tags, pdurep_tags_current(doc->tags), text);
}

void pdurep_doc_tag_actual(pdurep_doc *doc, const char *text)
{
    pdurep_tags_set_actual(doc->tags, pdurep_tags_current(doc->tags), text);
}

void pdurep_doc_tag_scope(pdurep_doc *doc, pdurep_tag_scope scope)
{
    pdurep_tags_set_scope(doc->tags, pdurep_tags_current(doc->tags), scope);
}

void pdurep_doc_tag_bbox(pdurep_doc *doc, double x0, double y0, double x1, double y1)
{
    pdurep_tags_set_bbox(doc->tags, pdurep_tags_current(doc->tags), doc->page, x0, y0, x1, y1);
}

void pdurep_doc_role(pdurep_doc *doc, pdurep_tag_type type) { doc->role = type; }

void pdurep_doc_artifact_begin(pdurep_doc *doc) { doc->artifact++; }

void pdurep_doc_artifact_end(pdurep_doc *doc)
{
    if (doc->artifact > 0)
        doc->artifact--;
}

/* ---- drawing primitives ------------------------------------------------ */

static const char *cstr(pdurep_doc *doc, const char *s, size_t len)
{
    if (!pdurep_grow((void **)&doc->tmp, &doc->tmp_cap, len + 1, 1)) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return NULL;
    }
    memcpy(doc->tmp, s, len);
    doc->tmp[len] = '\0';
    return doc->tmp;
}

/* The instrument: every text fragment's box must lie inside the margins. */
static void check_bounds(pdurep_doc *doc, pdurep_face face, double size, double x, double y,
                         double w)
{
    double top = y + doc->fonts.ascent[face] * size, bottom = y - doc->fonts.descent[face] * size;
    doc->text_draws++;
    if (x < doc->frame.x0 - 0.01 || x + w > doc->frame.x1 + 0.01 || bottom < doc->frame.y0 - 0.01 ||
        top > doc->frame.y1 + 0.01)
        doc->text_outside++;
}

double pdurep_doc_baseline(const pdurep_doc *doc, const pdurep_style *st, double top)
{
    pdurep_fonts *f = (pdurep_fonts *)&doc->fonts;
    pdurep_fonts_get(f, st->face);
    double asc = f->ascent[st->face], desc = f->descent[st->face];
    /* Centre the face's ascender-to-descender box in the line. */
    return top - (st->leading - (asc + desc) * st->size) / 2 - asc * st->size;
}

static void set_fill(HPDF_Page p, pdurep_rgb c)
{
    HPDF_Page_SetRGBFill(p, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
}

/* A footnote marker is a Reference of its own, so that it is not read as part
 * of the word it follows; the text object is ended around it because a
 * marked-content sequence may not cross BT or ET. */
static void ref_switch(pdurep_doc *doc, size_t *in_ref, int super)
{
    if (super == (*in_ref != PDUREP_TAG_NONE) || doc->artifact || doc->err)
        return;
    HPDF_Page_EndText(doc->cur);
    if (super) {
        *in_ref = pdurep_doc_tag_begin(doc, PDUREP_TAG_REFERENCE);
    } else {
        pdurep_doc_tag_end(doc);
        *in_ref = PDUREP_TAG_NONE;
    }
    mark(doc);
    HPDF_Page_BeginText(doc->cur);
}

void pdurep_doc_draw_lines(pdurep_doc *doc, const pdurep_lines *l, const pdurep_rich *r, size_t from,
                           size_t to, double x, double top, double width, const pdurep_style *st)
{
    if (doc->err || from >= to)
        return;
    HPDF_Page p = doc->cur;
    mark(doc);
    HPDF_Page_BeginText(p);
    set_fill(p, st->colour);
    size_t in_ref = PDUREP_TAG_NONE; /* Reference element of the marker being drawn */
    double end = x;                  /* where the last fragment drawn ends */
    int cur_face = -1;
    double cur_size = -1;
    double base = pdurep_doc_baseline(doc, st, top);
    for (size_t li = from; li < to && li < l->n_lines && !doc->err; li++, base -= st->leading) {
        const pdurep_line *line = &l->lines[li];
        double off = 0, extra = 0;
        if (st->align == PDUREP_ALIGN_CENTRE)
            off = (width - line->width) / 2;
        else if (st->align == PDUREP_ALIGN_RIGHT)
            off = width - line->width;
        else if (st->align == PDUREP_ALIGN_JUSTIFY && !line->last && line->gaps)
            extra = (width - line->width) / line->gaps;
        /* libharu may not be called again once it failed (it crashes after a failed allocation). */
        for (size_t fi = line->first; fi < line->first + line->n && !doc->err; fi++) {
            const pdurep_frag *fr = &l->frags[fi];
            int super = (fr->flags & PDUREP_SPAN_SUPER) != 0;
            double size = super ? l->size * PDUREP_SUPER_SCALE : l->size;
            double y = super ? base + l->size * PDUREP_SUPER_RISE : base;
            HPDF_Font font = pdurep_fonts_get(&doc->fonts, fr->face);
            const char *s = cstr(doc, r->text + fr->start, fr->len);
            if (!font || !s) {
                pdurep_doc_fail(doc, PDUREP_ERROR_INTERNAL, "cannot load a font face");
                break;
            }
            ref_switch(doc, &in_ref, super);
            if ((int)fr->face != cur_face || size != cur_size) {
                HPDF_Page_SetFontAndSize(p, font, (HPDF_REAL)size);
                cur_face = (int)fr->face;
                cur_size = size;
            }
            double fx = x + off + fr->x + extra * fr->gap;
            HPDF_Page_TextOut(p, (HPDF_REAL)fx, (HPDF_REAL)y, s);
            pdurep_pdfa_note_text(doc->pdfa, fr->face, s, fr->len);
            check_bounds(doc, fr->face, size, fx, y, fr->width);
            end = fx + fr->width;
        }
        /* The breaker dropped the space where the line ends; an invisible one keeps
         * the last word of a line apart from the first of the next when the text
         * is extracted or read aloud. */
        if (li + 1 < l->n_lines && line->n && !doc->err) {
            ref_switch(doc, &in_ref, 0);
            const pdurep_frag *fr = &l->frags[line->first + line->n - 1];
            HPDF_Font font = pdurep_fonts_get(&doc->fonts, fr->face);
            if (font && ((int)fr->face != cur_face || l->size != cur_size)) {
                HPDF_Page_SetFontAndSize(p, font, (HPDF_REAL)l->size);
                cur_face = (int)fr->face;
                cur_size = l->size;
            }
            if (font) {
                HPDF_Page_TextOut(p, (HPDF_REAL)end, (HPDF_REAL)base, " ");
                pdurep_pdfa_note_text(doc->pdfa, fr->face, " ", 1);
            }
        }
    }
    HPDF_Page_EndText(p);
    if (in_ref != PDUREP_TAG_NONE)
        pdurep_doc_tag_end(doc);
}

double pdurep_doc_draw_text(pdurep_doc *doc, pdurep_face face, double size, pdurep_rgb colour,
                            double x, double y, pdurep_align align, const char *text)
{
    if (doc->err || !*text)
        return 0;
    HPDF_Font font = pdurep_fonts_get(&doc->fonts, face);
    if (!font) {
        pdurep_doc_fail(doc, PDUREP_ERROR_INTERNAL, "cannot load a font face");
        return 0;
    }
    double w = pdurep_fonts_width(&doc->fonts, face, size, text, strlen(text));
    if (align == PDUREP_ALIGN_CENTRE)
        x -= w / 2;
    else if (align == PDUREP_ALIGN_RIGHT)
        x -= w;
    HPDF_Page p = doc->cur;
    mark(doc);
    HPDF_Page_BeginText(p);
    set_fill(p, colour);
    HPDF_Page_SetFontAndSize(p, font, (HPDF_REAL)size);
    HPDF_Page_TextOut(p, (HPDF_REAL)x, (HPDF_REAL)y, text);
    HPDF_Page_EndText(p);
    pdurep_pdfa_note_text(doc->pdfa, face, text, strlen(text));
    check_bounds(doc, face, size, x, y, w);
    return w;
}

void pdurep_doc_fill_rect(pdurep_doc *doc, double x, double y, double w, double h, pdurep_rgb c)
{
    if (doc->err || !(w > 0) || !(h > 0))
        return;
    mark(doc);
    set_fill(doc->cur, c);
    HPDF_Page_Rectangle(doc->cur, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Fill(doc->cur);
}

void pdurep_doc_line(pdurep_doc *doc, double x0, double y0, double x1, double y1, double width,
                     pdurep_rgb c, double dash)
{
    if (doc->err)
        return;
    HPDF_Page p = doc->cur;
    mark(doc);
    HPDF_Page_GSave(p);
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)width);
    HPDF_Page_SetRGBStroke(p, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
    if (dash > 0) {
        HPDF_UINT16 pattern[1] = {(HPDF_UINT16)(dash < 1 ? 1 : dash)};
        HPDF_Page_SetDash(p, pattern, 1, 0);
    }
    HPDF_Page_MoveTo(p, (HPDF_REAL)x0, (HPDF_REAL)y0);
    HPDF_Page_LineTo(p, (HPDF_REAL)x1, (HPDF_REAL)y1);
    HPDF_Page_Stroke(p);
    HPDF_Page_GRestore(p);
}

void pdurep_doc_stroke_rect(pdurep_doc *doc, double x, double y, double w, double h, double width,
                            pdurep_rgb c)
{
    if (doc->err)
        return;
    HPDF_Page p = doc->cur;
    mark(doc);
    HPDF_Page_SetLineWidth(p, (HPDF_REAL)width);
    HPDF_Page_SetRGBStroke(p, (HPDF_REAL)c.r, (HPDF_REAL)c.g, (HPDF_REAL)c.b);
    HPDF_Page_Rectangle(p, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Stroke(p);
}

void pdurep_doc_link(pdurep_doc *doc, double x, double y, double w, double h, HPDF_Destination dest,
                     const char *text)
{
    if (doc->err || !dest)
        return;
    HPDF_Rect rect = {(HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)(x + w), (HPDF_REAL)(y + h)};
    HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(doc->cur, rect, dest);
    if (!a)
        return;
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    /* PDF/UA: a description for assistive technology; PDF/A: printed like the page. */
    HPDF_Binary desc = text && *text ? pdurep_tags_text_string(doc->pdf->mmgr, text) : NULL;
    if (desc)
        HPDF_Dict_Add(a, "Contents", desc);
    HPDF_Dict_AddNumber(a, "F", 4); /* the Print flag */
    pdurep_tags_annotation(doc->tags, pdurep_tags_current(doc->tags), doc->page, a);
}

/* ---- flow -------------------------------------------------------------- */

static double pending_height(const pdurep_doc *doc, int fresh)
{
    double h = 0;
    for (size_t i = 0; i < doc->n_pending; i++) {
        const pdurep_pending *p = &doc->pending[i];
        if (i > 0 || !fresh)
            h += p->st.space_before;
        h += p->lines.n_lines * p->st.leading + p->st.space_after;
    }
    return h;
}

static void add_anchor(pdurep_doc *doc, const char *title, int level, double top)
{
    HPDF_Destination dest = HPDF_Page_CreateDestination(doc->cur);
    if (!dest)
        return;
    HPDF_Destination_SetFitH(dest, (HPDF_REAL)(top + 6 > doc->cfg.page_h ? doc->cfg.page_h : top + 6));
    if (level > 3)
        level = 3;
    HPDF_Outline parent = level > 0 ? doc->outline[level - 1] : NULL;
    HPDF_Outline o = HPDF_CreateOutline(doc->pdf, parent, title, doc->utf8);
    if (!o)
        return;
    HPDF_Outline_SetDestination(o, dest);
    HPDF_Outline_SetOpened(o, level == 0 ? HPDF_TRUE : HPDF_FALSE);
    doc->outline[level] = o;
    for (int i = level + 1; i < 4; i++)
        doc->outline[i] = NULL;
    char *copy = pdurep_ts_strdup(title);
    if (!copy || !pdurep_grow((void **)&doc->anchors, &doc->cap_anchors, doc->n_anchors + 1,
                       sizeof *doc->anchors)) {
        free(copy);
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    doc->anchors[doc->n_anchors++] = (pdurep_anchor){copy, level, doc->page, top, dest};
}

/* A heading's element: a top-level one starts a new Sect; its level follows the
 * outline, and one without an outline entry sits one below the last that had one. */
static void heading_tag_begin(pdurep_doc *doc, int level)
{
    list_close(doc);
    if (level == 0) {
        if (doc->sect_elem != PDUREP_TAG_NONE) {
            while (pdurep_tags_current(doc->tags) != doc->sect_elem &&
                   pdurep_tags_current(doc->tags) != 0)
                pdurep_tags_close(doc->tags);
            pdurep_tags_close(doc->tags);
        }
        doc->sect_elem = pdurep_doc_tag_begin(doc, PDUREP_TAG_SECT);
    }
    int h = level >= 0 ? level + 1 : doc->last_outline + 2;
    if (level >= 0)
        doc->last_outline = level;
    h = h < 1 ? 1 : h > 6 ? 6 : h;
    pdurep_doc_tag_begin(doc, (pdurep_tag_type)(PDUREP_TAG_H1 + h - 1));
}

void pdurep_doc_reserve(pdurep_doc *doc, double need)
{
    if (doc->err)
        return;
    if (!doc->n_pages)
        pdurep_doc_new_page(doc);
    double h = pending_height(doc, doc->fresh);
    if (!doc->fresh && doc->y - h - need < doc->body.y0 - EPS)
        pdurep_doc_new_page(doc);
    for (size_t i = 0; i < doc->n_pending && !doc->err; i++) {
        pdurep_pending *p = &doc->pending[i];
        if (!doc->fresh)
            doc->y -= p->st.space_before;
        double top = doc->y;
        heading_tag_begin(doc, p->level);
        pdurep_doc_draw_lines(doc, &p->lines, &p->rich, 0, p->lines.n_lines, doc->body.x0, top,
                              doc->body.x1 - doc->body.x0, &p->st);
        pdurep_doc_tag_end(doc);
        if (p->level >= 0)
            add_anchor(doc, p->title, p->level, top);
        doc->y -= p->lines.n_lines * p->st.leading + p->st.space_after;
        doc->fresh = 0;
    }
    pending_clear(doc);
}

void pdurep_doc_heading(pdurep_doc *doc, const pdurep_style *st, const char *markup, int level,
                        const char *title)
{
    if (doc->err)
        return;
    if (!pdurep_grow((void **)&doc->pending, &doc->cap_pending, doc->n_pending + 1, sizeof *doc->pending)) {
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
        return;
    }
    pdurep_pending *p = &doc->pending[doc->n_pending++];
    memset(p, 0, sizeof *p);
    p->st = *st;
    p->level = level;
    pdurep_error err = pdurep_rich_markup(&p->rich, st->face, markup, NULL, NULL);
    if (!err)
        err = pdurep_lines_break(&p->lines, &doc->fonts, &p->rich, st->size,
                                 doc->body.x1 - doc->body.x0, 0);
    if (!err) {
        /* The outline shows plain text: forced breaks become spaces. */
        p->title = pdurep_ts_strdup(title ? title : p->rich.text ? p->rich.text : "");
        if (!p->title)
            err = PDUREP_ERROR_NO_MEMORY;
        else
            for (char *c = p->title; *c; c++)
                if (*c == '\n')
                    *c = ' ';
    }
    if (err)
        pdurep_doc_fail(doc, err, "cannot set heading '%s'", markup);
}

void pdurep_doc_flow(pdurep_doc *doc, const pdurep_style *st, const pdurep_rich *r, double indent,
                     const pdurep_rich *marker, double marker_x)
{
    if (doc->err)
        return;
    double width = doc->body.x1 - doc->body.x0 - indent;
    pdurep_error err = pdurep_lines_break(&doc->lines, &doc->fonts, r, st->size, width,
                                          st->align == PDUREP_ALIGN_JUSTIFY ? PDUREP_BREAK_JUSTIFY : 0);
    if (err) {
        pdurep_doc_fail(doc, err, "cannot break a paragraph into lines");
        return;
    }
    size_t n = doc->lines.n_lines;
    if (!n)
        return;
    size_t orphans = (size_t)doc->cfg.orphans, widows = (size_t)doc->cfg.widows;
    /* The first part must hold the orphan minimum, or all of a short paragraph. */
    size_t first = n < orphans + widows ? n : orphans;
    pdurep_doc_reserve(doc, st->space_before + first * st->leading);
    if (!doc->fresh)
        doc->y -= st->space_before;

    pdurep_lines mlines = {0};
    if (marker && pdurep_lines_break(&mlines, &doc->fonts, marker, st->size, indent + width, 0))
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);

    /* A block with a marker is a list item, joining the list the previous item
     * began, or an element of the role it was given (a Note) holding the marker
     * as an Lbl and the text as a P. */
    pdurep_tag_type role = doc->role;
    doc->role = PDUREP_TAG_COUNT;
    int item = marker && role == PDUREP_TAG_COUNT;
    if (item) {
        if (doc->list_elem == PDUREP_TAG_NONE || pdurep_tags_current(doc->tags) != doc->list_elem) {
            list_close(doc);
            doc->list_elem = pdurep_doc_tag_begin(doc, PDUREP_TAG_L);
        }
        pdurep_doc_tag_begin(doc, PDUREP_TAG_LI);
    } else {
        pdurep_doc_tag_begin(doc, role == PDUREP_TAG_COUNT ? PDUREP_TAG_P : role);
    }

    size_t i = 0;
    while (i < n && !doc->err) {
        double avail = doc->y - doc->body.y0 + EPS;
        size_t fit = avail >= st->leading ? (size_t)floor(avail / st->leading) : 0;
        size_t rem = n - i, take;
        if (fit >= rem) {
            take = rem;
        } else {
            take = rem - fit < widows ? (rem > widows ? rem - widows : 0) : fit;
            if (take < orphans)
                take = 0;
        }
        if (!take) {
            if (!doc->fresh) {
                pdurep_doc_new_page(doc);
                continue;
            }
            /* A whole page cannot satisfy the rules: fill it. */
            take = fit ? (fit < rem ? fit : rem) : 1;
        }
        if (i == 0 && marker) {
            pdurep_doc_tag_begin(doc, PDUREP_TAG_LBL);
            pdurep_doc_draw_lines(doc, &mlines, marker, 0, 1, doc->body.x0 + marker_x, doc->y,
                                  indent + width - marker_x, &(pdurep_style){
                                      st->face, st->size, st->leading, st->colour, 0, 0,
                                      PDUREP_ALIGN_LEFT});
            pdurep_doc_tag_end(doc);
            pdurep_doc_tag_begin(doc, item ? PDUREP_TAG_LBODY : PDUREP_TAG_P);
        }
        pdurep_doc_draw_lines(doc, &doc->lines, r, i, i + take, doc->body.x0 + indent, doc->y, width,
                              st);
        doc->y -= take * st->leading;
        doc->fresh = 0;
        i += take;
        if (i < n)
            pdurep_doc_new_page(doc);
    }
    pdurep_lines_free(&mlines);
    if (marker)
        pdurep_tags_close(doc->tags); /* LBody, or the P of a Note */
    /* An LI closes without ending its L, which stays open for the next item. */
    pdurep_tags_close(doc->tags);
    doc->y -= st->space_after;
}

void pdurep_doc_paragraph(pdurep_doc *doc, const pdurep_style *st, const char *markup,
                          pdurep_footnote_fn fn, void *ctx)
{
    if (doc->err)
        return;
    pdurep_rich_clear(&doc->rich);
    pdurep_error err = pdurep_rich_markup(&doc->rich, st->face, markup, fn, ctx);
    if (err) {
        pdurep_doc_fail(doc, err, "cannot set text: %s", markup);
        return;
    }
    pdurep_doc_flow(doc, st, &doc->rich, 0, NULL, 0);
}

/* ---- document ------------------------------------------------------------ */

void pdurep_doc_set_info(pdurep_doc *doc, const char *title, const char *subject, const char *author,
                         const char *creator, time_t when)
{
    if (doc->err)
        return;
    if (title && *title)
        HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_TITLE, title);
    if (subject && *subject)
        HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_SUBJECT, subject);
    if (author && *author)
        HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_AUTHOR, author);
    if (creator && *creator) {
        HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_CREATOR, creator);
        HPDF_SetInfoAttr(doc->pdf, HPDF_INFO_PRODUCER, creator);
    }
    struct tm tm;
    if (gmtime_r(&when, &tm)) {
        /* '+' 00'00' : libharu writes 'Z' as "Z00'00'", which ISO 32000-1 does not allow. */
        HPDF_Date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                       tm.tm_sec, '+', 0, 0};
        HPDF_SetInfoDateAttr(doc->pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(doc->pdf, HPDF_INFO_MOD_DATE, d);
    }
    /* The XMP packet repeats exactly what Info says. */
    if (pdurep_pdfa_set_info(doc->pdfa, title && *title ? title : NULL,
                             subject && *subject ? subject : NULL, author && *author ? author : NULL,
                             creator && *creator ? creator : NULL, when))
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
}

void pdurep_doc_set_info_extra(pdurep_doc *doc, const char *key, const char *value)
{
    if (doc->err || !value || !*value || !doc->pdf->info)
        return;
    /* libharu has no call for keys of one's own; its Info is an ordinary dictionary. */
    HPDF_String s = HPDF_String_New(doc->pdf->mmgr, value, NULL);
    if (!s || HPDF_Dict_Add(doc->pdf->info, key, s) != HPDF_OK)
        pdurep_doc_fail(doc, PDUREP_ERROR_INTERNAL, "cannot record %s", key);
}

void pdurep_doc_set_lang(pdurep_doc *doc, const char *tag)
{
    if (doc->err || !tag || !*tag || strlen(tag) > 35)
        return;
    for (const char *c = tag; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-'))
            return;
    /* Without HPDF_SHARED, hpdf.h includes hpdf_doc.h: HPDF_Doc is the document record
     * and its catalog an ordinary dictionary. The dictionary owns the string once added. */
    HPDF_String s = HPDF_String_New(doc->pdf->mmgr, tag, NULL);
    if (s)
        HPDF_Dict_Add(doc->pdf->catalog, "Lang", s);
    if (pdurep_pdfa_set_lang(doc->pdfa, tag))
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, NULL);
}

/* Refuse a document an allocation failed for without anyone saying so: what it was for is
 * missing. libharu's own error, set but never raised, counts too. */
static pdurep_error check_dropped(pdurep_doc *doc)
{
    if (!doc->err && ran_out(doc))
        pdurep_doc_fail(doc, PDUREP_ERROR_NO_MEMORY, "out of memory while making the PDF");
    else if (!doc->err && HPDF_GetError(doc->pdf) != HPDF_OK)
        pdurep_doc_fail(doc, PDUREP_ERROR_INTERNAL, "the PDF library failed without saying "
                        "why (code 0x%04X)", (unsigned)HPDF_GetError(doc->pdf));
    return doc->err;
}

pdurep_error pdurep_doc_save(pdurep_doc *doc, const char *path)
{
    if (doc->err)
        return doc->err;
    if (doc->n_pending)
        pdurep_doc_reserve(doc, 0);
    mark_end(doc);
    if (check_dropped(doc))
        return doc->err;
    pdurep_error terr = pdurep_tags_write(doc->tags, doc->pdf, doc->pages, doc->n_pages);
    if (terr)
        return pdurep_doc_fail(doc, terr, "cannot write the document's structure tree");
    pdurep_error err = pdurep_pdfa_save(doc->pdfa, doc->pdf, &doc->fonts, doc->pages, doc->n_pages,
                                        PDUREP_SRGB_ICC, path,
                                        doc->cfg.output_name ? doc->cfg.output_name : path,
                                        doc->diag);
    if (err)
        pdurep_doc_fail(doc, err, NULL);
    else if (check_dropped(doc)) /* while saving: the file is written, and wrong */
        unlink(path);
    return doc->err;
}

void pdurep_doc_stats(const pdurep_doc *doc, unsigned long *drawn, unsigned long *outside)
{
    if (drawn)
        *drawn = doc->text_draws;
    if (outside)
        *outside = doc->text_outside;
}
