/*
 * Internal: the typesetting layer over libharu. A document is a sequence of
 * pages with a body frame and a cursor; blocks (headings, paragraphs, list
 * items) flow down the body and across pages with keep-with-next headings and
 * widow/orphan control. Tables (table.h) and charts (chart.h) build on it.
 *
 * Every piece of text goes through pdurep_doc_draw_lines() or
 * pdurep_doc_draw_text(), which check it against the page margins and count
 * any that falls outside (see pdurep_doc_stats()).
 */
#ifndef PDUREP_PDF_DOC_H
#define PDUREP_PDF_DOC_H

#include <stddef.h>
#include <time.h>
#include <hpdf.h>
#include "pdurep/error.h"
#include "pdurep/diag.h"
#include "typeset/font.h"
#include "typeset/tag.h"
#include "typeset/text.h"

/** A colour, components 0..1. */
typedef struct pdurep_rgb {
    double r, g, b;
} pdurep_rgb;

/** Horizontal alignment of lines. */
typedef enum pdurep_align {
    PDUREP_ALIGN_LEFT = 0,
    PDUREP_ALIGN_CENTRE,
    PDUREP_ALIGN_RIGHT,
    PDUREP_ALIGN_JUSTIFY
} pdurep_align;

/** How a kind of text looks. Lengths are in points. */
typedef struct pdurep_style {
    pdurep_face face;
    double size;         /**< Font size. */
    double leading;      /**< Distance between baselines. */
    pdurep_rgb colour;
    double space_before; /**< Dropped at the top of a page. */
    double space_after;
    pdurep_align align;
} pdurep_style;

/** A rectangle in PDF points, origin bottom left. */
typedef struct pdurep_box {
    double x0, y0, x1, y1;
} pdurep_box;

/** Page geometry and fonts of a document. */
typedef struct pdurep_doc_config {
    double page_w, page_h;               /**< Page size. */
    double margin[4];                    /**< Top, right, bottom, left: nothing is printed outside. */
    double header_h, footer_h;           /**< Bands inside the margins kept for running header and footer. */
    const char *fonts[PDUREP_FACE_COUNT]; /**< TrueType files. */
    int orphans;                         /**< Fewest lines of a paragraph left at a page foot (>= 1). */
    int widows;                          /**< Fewest lines carried to the next page (>= 1). */
    const char *output_name;             /**< The output as messages name it (NULL: the path saved to). */
} pdurep_doc_config;

/** A heading that was placed: for the contents page and links. */
typedef struct pdurep_anchor {
    char *title;          /**< Plain UTF-8. */
    int level;            /**< 0 for a section, 1 for a part of one. */
    size_t page;          /**< Page index. */
    double y;             /**< Top of the heading. */
    HPDF_Destination dest;
} pdurep_anchor;

/** A heading waiting for the block it must stay with. */
typedef struct pdurep_pending pdurep_pending;

/** A document being typeset. Fields are for the pdf layer's modules only. */
typedef struct pdurep_doc {
    HPDF_Doc pdf;
    unsigned long alloc_failures; /**< Failed allocations on this thread before it. */
    HPDF_Encoder utf8;
    pdurep_fonts fonts;
    pdurep_doc_config cfg;
    pdurep_box frame;  /**< Inside the margins. */
    pdurep_box body;   /**< Frame less the header and footer bands: where blocks flow. */
    HPDF_Page *pages;
    size_t *running;   /**< Per page: index into running_texts, or (size_t)-1. */
    size_t n_pages, cap_pages;
    char **running_texts;
    size_t n_running;
    size_t cur_running; /**< Running head for new pages, or (size_t)-1. */
    size_t page;       /**< Index of the page being drawn on. */
    HPDF_Page cur;
    double y;          /**< Cursor: top of the free part of the body. */
    int fresh;         /**< Nothing flowed onto the current page yet. */
    pdurep_pending *pending;
    size_t n_pending, cap_pending;
    HPDF_Outline outline[4]; /**< Last outline item per level, parents for the next level. */
    pdurep_anchor *anchors;
    size_t n_anchors, cap_anchors;
    unsigned long text_draws;   /**< Text fragments drawn. */
    unsigned long text_outside; /**< Of those, how many crossed the margins. */
    pdurep_error err;           /**< First error; later calls do nothing. */
    pdurep_diag *diag;
    char *tmp;                  /**< NUL-terminated copy of a fragment for libharu. */
    size_t tmp_cap;
    pdurep_lines lines;         /**< Scratch. */
    pdurep_rich rich;           /**< Scratch. */
    pdurep_tags *tags;          /**< Structure tree (tag.h). */
    int artifact;               /**< Depth of pdurep_doc_artifact_begin(): drawing is an Artifact. */
    int mc_open;                /**< A marked-content sequence is open on page mc_page... */
    int mc_artifact;            /**< ...as an Artifact, or owned by mc_elem. */
    size_t mc_page, mc_elem;
    size_t list_elem;           /**< L the list items flowed last went into, or PDUREP_TAG_NONE. */
    size_t sect_elem;           /**< Sect opened by the last top-level heading, or PDUREP_TAG_NONE. */
    pdurep_tag_type role;       /**< Type of the next flowed block; PDUREP_TAG_COUNT for P or LI. */
    int last_outline;           /**< Outline level of the last heading that had one, or -1. */
    struct pdurep_pdfa *pdfa;   /**< PDF/A state: codes shown, metadata (pdfa.h). */
} pdurep_doc;

/**
 * @brief Start a document.
 * @param cfg Geometry and fonts (copied; the font paths must stay valid).
 * @param diag Receives messages (a missing font file, libharu failures); kept by the document.
 * @param out Receives the document.
 * @return ::PDUREP_OK, ::PDUREP_ERROR_NO_INPUT (font missing), ::PDUREP_ERROR_NO_MEMORY,
 *         ::PDUREP_ERROR_USAGE (the margins leave no body).
 */
pdurep_error pdurep_doc_new(const pdurep_doc_config *cfg, pdurep_diag *diag, pdurep_doc **out);

/** @brief Free a document. NULL is allowed. */
void pdurep_doc_free(pdurep_doc *doc);

/**
 * @brief Record an error unless one is recorded already.
 * @return The first error recorded.
 */
pdurep_error pdurep_doc_fail(pdurep_doc *doc, pdurep_error err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** @brief Begin a new page and put the cursor at the top of its body. */
void pdurep_doc_new_page(pdurep_doc *doc);

/** @brief Draw on an existing page from now on (for contents and running heads). */
void pdurep_doc_use_page(pdurep_doc *doc, size_t index);

/** @brief Set the running head for the current page (if nothing flowed onto it yet) and later pages. */
void pdurep_doc_set_running(pdurep_doc *doc, const char *text);

/** @brief The running head of a page, or NULL. */
const char *pdurep_doc_running(const pdurep_doc *doc, size_t page);

/**
 * @brief Make room for @p need points of content that must follow the pending headings.
 *
 * Places the pending headings, first breaking the page when they and @p need
 * do not fit together below the cursor. Every block calls this before drawing.
 */
void pdurep_doc_reserve(pdurep_doc *doc, double need);

/** @brief Free space below the cursor. */
double pdurep_doc_space_left(const pdurep_doc *doc);

/** @brief Vertical space after a block (ignored at the top of a page). */
void pdurep_doc_skip(pdurep_doc *doc, double h);

/**
 * @brief Queue a heading; it is drawn with the next block, on the same page.
 * @param doc The document.
 * @param st Its style.
 * @param markup Inline markup.
 * @param level Outline level (0 or 1), or -1 for no outline entry or anchor.
 * @param title Outline and contents title (plain text), or NULL to use @p markup.
 */
void pdurep_doc_heading(pdurep_doc *doc, const pdurep_style *st, const char *markup, int level,
                        const char *title);

/**
 * @brief Flow rich text as a paragraph or list item.
 * @param doc The document.
 * @param st Style (space before/after, size, leading, alignment).
 * @param r The text.
 * @param indent Left indent of every line.
 * @param marker Bullet or number drawn before the first line, or NULL.
 * @param marker_x Left edge of the marker, from the body's left edge.
 */
void pdurep_doc_flow(pdurep_doc *doc, const pdurep_style *st, const pdurep_rich *r, double indent,
                     const pdurep_rich *marker, double marker_x);

/**
 * @brief Flow a paragraph written in inline markup.
 * @param fn Footnote resolver for `[^key]`, or NULL.
 */
void pdurep_doc_paragraph(pdurep_doc *doc, const pdurep_style *st, const char *markup,
                          pdurep_footnote_fn fn, void *ctx);

/**
 * @brief Draw lines of broken text; every text draw goes through here or draw_text.
 * @param doc The document.
 * @param l The lines; @p r the text they were broken from.
 * @param from First line index; @p to one past the last.
 * @param x Left edge of the box; @p top its top; @p width its width.
 * @param st Size, leading, colour and alignment.
 */
void pdurep_doc_draw_lines(pdurep_doc *doc, const pdurep_lines *l, const pdurep_rich *r, size_t from,
                           size_t to, double x, double top, double width, const pdurep_style *st);

/**
 * @brief Draw one line of plain UTF-8 text with its baseline at @p y.
 * @param align LEFT: @p x is the left edge; CENTRE: the centre; RIGHT: the right edge.
 * @return The width drawn.
 */
double pdurep_doc_draw_text(pdurep_doc *doc, pdurep_face face, double size, pdurep_rgb colour,
                            double x, double y, pdurep_align align, const char *text);

/** @brief Baseline of the first line of a box whose top is @p top. */
double pdurep_doc_baseline(const pdurep_doc *doc, const pdurep_style *st, double top);

/** @brief Fill a rectangle (x, y bottom-left). */
void pdurep_doc_fill_rect(pdurep_doc *doc, double x, double y, double w, double h, pdurep_rgb c);

/** @brief Stroke a line; @p dash > 0 draws it dashed with that dash length. */
void pdurep_doc_line(pdurep_doc *doc, double x0, double y0, double x1, double y1, double width,
                     pdurep_rgb c, double dash);

/** @brief Stroke a rectangle's outline. */
void pdurep_doc_stroke_rect(pdurep_doc *doc, double x, double y, double w, double h, double width,
                            pdurep_rgb c);

/**
 * @brief Make a rectangle on the current page a link to a destination.
 *
 * The annotation belongs to the current structure element (a Link) and
 * carries @p text as its description (/Contents).
 */
void pdurep_doc_link(pdurep_doc *doc, double x, double y, double w, double h, HPDF_Destination dest,
                     const char *text);

/*
 * Tagging. Blocks tag themselves: a heading queued with pdurep_doc_heading()
 * becomes H1..H6 (its outline level plus one, or one below the last outlined
 * heading when it has none, so no level is skipped) and a top-level heading
 * starts a Sect; a flowed block is a P, or an LI with Lbl and LBody when it
 * has a marker (consecutive items share one L); tables and charts tag their
 * own parts. Section code only names what the blocks do not know.
 */

/**
 * @brief Open a structure element inside the current one; what is drawn until
 * pdurep_doc_tag_end() belongs to it.
 * @return The element, for pdurep_doc_tag_enter(), or PDUREP_TAG_NONE.
 */
size_t pdurep_doc_tag_begin(pdurep_doc *doc, pdurep_tag_type type);

/** @brief Close the element pdurep_doc_tag_begin() or pdurep_doc_tag_enter() opened. */
void pdurep_doc_tag_end(pdurep_doc *doc);

/** @brief Draw into an element opened earlier (a contents list filled in at the end). */
void pdurep_doc_tag_enter(pdurep_doc *doc, size_t elem);

/** @brief Alternative text of the current element (UTF-8). */
void pdurep_doc_tag_alt(pdurep_doc *doc, const char *text);

/** @brief Text read instead of the current element's content (UTF-8). */
void pdurep_doc_tag_actual(pdurep_doc *doc, const char *text);

/** @brief Scope of the current element, a TH. */
void pdurep_doc_tag_scope(pdurep_doc *doc, pdurep_tag_scope scope);

/** @brief Bounding box of the current element (a Figure) on the current page. */
void pdurep_doc_tag_bbox(pdurep_doc *doc, double x0, double y0, double x1, double y1);

/** @brief The next flowed block is a @p type (e.g. Note, Caption) rather than a P or list item. */
void pdurep_doc_role(pdurep_doc *doc, pdurep_tag_type type);

/** @brief From now until pdurep_doc_artifact_end(), drawing is page furniture (an Artifact). */
void pdurep_doc_artifact_begin(pdurep_doc *doc);

/** @brief End what pdurep_doc_artifact_begin() started. */
void pdurep_doc_artifact_end(pdurep_doc *doc);

/**
 * @brief Set the document's natural language (the catalog's /Lang), e.g. "cy-GB".
 *
 * libharu 2.3.0 has no call for it, but its public hpdf_doc.h exposes the
 * catalog dictionary, and a /Lang text string is one entry in it. A tag other
 * than letters, digits and '-' is ignored; so is NULL or "".
 */
/**
 * @brief Add a key of the document's own to the Info dictionary (after pdurep_doc_set_info()).
 * @param key A PDF name without the slash, e.g. "PdurepFramework".
 * @param value Text; nothing is added when it is NULL or empty.
 */
void pdurep_doc_set_info_extra(pdurep_doc *doc, const char *key, const char *value);

void pdurep_doc_set_lang(pdurep_doc *doc, const char *tag);

/**
 * @brief Set title, subject, author and creator, and the creation date.
 * @param when Creation time (UTC).
 */
void pdurep_doc_set_info(pdurep_doc *doc, const char *title, const char *subject, const char *author,
                         const char *creator, time_t when);

/**
 * @brief Save the document to a file.
 * @return ::PDUREP_OK, the first error recorded, or ::PDUREP_ERROR_IO.
 */
pdurep_error pdurep_doc_save(pdurep_doc *doc, const char *path);

/** @brief How many text fragments were drawn and how many crossed the margins. */
void pdurep_doc_stats(const pdurep_doc *doc, unsigned long *drawn, unsigned long *outside);

#endif
